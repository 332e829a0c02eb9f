namespace CollabInsights.Reconciliation;

/// <summary>The entries of a reconciliation and the count per class.</summary>
public sealed record ReconciliationResult(IReadOnlyList<ReconciliationEntry> Entries, IReadOnlyDictionary<ReconciliationClass, long> Counts)
{
    /// <summary>The snake_case name of a class as printed and in JSON (<c>only_on_chain</c>, ...).</summary>
    public static string NameOf(ReconciliationClass c) => c switch
    {
        ReconciliationClass.Matched => "matched",
        ReconciliationClass.AmountMismatch => "amount_mismatch",
        ReconciliationClass.PeriodMismatch => "period_mismatch",
        ReconciliationClass.CounterpartyMismatch => "counterparty_mismatch",
        ReconciliationClass.OnlyOnChain => "only_on_chain",
        _ => "only_off_chain",
    };
}

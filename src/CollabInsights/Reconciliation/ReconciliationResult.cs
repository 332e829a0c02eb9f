namespace CollabInsights.Reconciliation;

/// <summary>The entries of a reconciliation and the count per class; the books' records that cannot be on chain are listed apart in <see cref="NotOnChain"/>.</summary>
public sealed record ReconciliationResult(IReadOnlyList<ReconciliationEntry> Entries, IReadOnlyDictionary<ReconciliationClass, long> Counts)
{
    /// <summary>
    /// Records of the books that the chain cannot hold (<see cref="ReconciliationOptions.NotOnChain"/>, and payments or results with no amount or
    /// count to compare), each with its reason and row, in record type and row order. They are in no class and in no count of <see cref="Counts"/>.
    /// </summary>
    public IReadOnlyList<NotOnChainRecord> NotOnChain { get; init; } = [];

    /// <summary>Records in a class other than <see cref="ReconciliationClass.Matched"/>: 0 when the books and the chain agree.</summary>
    public long Differences => Counts.Where(kv => kv.Key != ReconciliationClass.Matched).Sum(kv => kv.Value);

    /// <summary>The class named <paramref name="name"/> (<see cref="NameOf"/>'s inverse); throws <see cref="CollabInsightsException"/> for an unknown name.</summary>
    public static ReconciliationClass ClassOf(string name)
    {
        foreach (var c in Enum.GetValues<ReconciliationClass>())
        {
            if (NameOf(c) == name)
            {
                return c;
            }
        }

        throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"'{name}' is not a reconciliation class; the classes are {string.Join(", ", Enum.GetValues<ReconciliationClass>().Select(NameOf))}.");
    }

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

namespace CollabInsights.Reconciliation;

/// <summary>How an on-chain record and an off-chain record compare after matching.</summary>
public enum ReconciliationClass
{
    /// <summary>Both sides agree on project, metric, period, counterparties and amount (after rounding to the currency's minor unit).</summary>
    Matched,

    /// <summary>Same project, metric, period and counterparties; the amounts (or outcome counts) differ.</summary>
    AmountMismatch,

    /// <summary>Same project, metric, counterparties and amount; the period differs.</summary>
    PeriodMismatch,

    /// <summary>Same project, metric, period and amount; the payer, recipient (or validator) differs.</summary>
    CounterpartyMismatch,

    /// <summary>A record on the chain with no counterpart in the books.</summary>
    OnlyOnChain,

    /// <summary>A record in the books with no counterpart on the chain.</summary>
    OnlyOffChain,
}

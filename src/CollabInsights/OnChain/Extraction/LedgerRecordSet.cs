using CollabInsights.Domain;

namespace CollabInsights.OnChain.Extraction;

/// <summary>Outcome attestations and payments read back from the chain, each with its <see cref="ChainProvenance"/>.</summary>
public sealed record LedgerRecordSet(IReadOnlyList<OutcomeResult> Attestations, IReadOnlyList<OutcomePayment> Payments)
{
    /// <summary>The records as a dataset holding only results and payments, the shape <see cref="Reconciliation.Reconciler"/> compares with the books.</summary>
    public CollabDataset ToDataset() => CollabDataset.Empty with { Results = Attestations, Payments = Payments };
}

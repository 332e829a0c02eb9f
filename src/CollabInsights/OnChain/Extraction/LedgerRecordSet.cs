using CollabInsights.Domain;

namespace CollabInsights.OnChain.Extraction;

/// <summary>Outcome attestations and payments read back from the chain, each with its <see cref="ChainProvenance"/>.</summary>
public sealed record LedgerRecordSet(IReadOnlyList<OutcomeResult> Attestations, IReadOnlyList<OutcomePayment> Payments);

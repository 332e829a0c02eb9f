using CollabInsights.Domain;

namespace CollabInsights.Reconciliation;

/// <summary>
/// One reconciled pair (or a record left alone): its class, whether it is a payment or a result, the key
/// fields, and both sides' provenance and amounts (null on the missing side).
/// </summary>
public sealed record ReconciliationEntry(
    ReconciliationClass Class,
    string RecordType,
    string Project,
    string? Metric,
    Provenance? OnChain,
    Provenance? OffChain,
    string? OnChainValue,
    string? OffChainValue,
    string Detail);

namespace CollabInsights.OnChain.Seeding;

/// <summary>
/// What <see cref="LedgerSeeder"/> wrote: the contracts, the block range holding the records, counts
/// per kind, each organisation's address, and the records it skipped with the reason.
/// </summary>
public sealed record LedgerSeedResult(
    long ChainId,
    string LedgerAddress,
    string TokenAddress,
    long FromBlock,
    long ToBlock,
    int Projects,
    int Commitments,
    int Attestations,
    int Payments,
    int Anchors,
    int Transactions,
    IReadOnlyDictionary<string, string> OrganisationAddresses,
    IReadOnlyList<string> Skipped);

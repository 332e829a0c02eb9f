namespace CollabInsights.OnChain.Seeding;

/// <summary>
/// What <see cref="LedgerSeeder"/> wrote: the contracts, the block range holding the records, counts
/// per kind (as written on chain), each organisation's address, the records it skipped with the reason, and how many deliberate differences it applied.
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
    IReadOnlyList<string> Skipped)
{
    /// <summary>Deliberate differences from <see cref="LedgerSeedOptions.Differences"/> written on chain (0 when the chain holds the books exactly).</summary>
    public int DifferencesApplied { get; init; }

    /// <summary>The books' records the ledger cannot hold, each with its reason and row (<see cref="LedgerSeeder.NotOnChain"/>); <see cref="Skipped"/> says the same as text.</summary>
    public IReadOnlyList<Reconciliation.NotOnChainRecord> NotOnChain { get; init; } = [];
}

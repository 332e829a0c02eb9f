namespace CollabInsights.Verification;

/// <summary>Where a root was anchored: the chain, the ledger contract, the project, the transaction, its block and block time (UTC), and the sender.</summary>
public sealed record AnchorTransaction(
    long ChainId,
    string Ledger,
    string ProjectId,
    string TransactionHash,
    long BlockNumber,
    string BlockHash,
    DateTimeOffset BlockTime,
    string AnchoredBy);

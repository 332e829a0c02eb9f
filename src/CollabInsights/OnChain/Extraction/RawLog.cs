namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// One event log as a node returns it from <c>eth_getLogs</c>: hex strings are lower-case and
/// <c>0x</c>-prefixed; <paramref name="Data"/> is the ABI-encoded non-indexed part.
/// </summary>
public sealed record RawLog(
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int TransactionIndex,
    int LogIndex,
    string Address,
    IReadOnlyList<string> Topics,
    string Data);

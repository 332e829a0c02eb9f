namespace CollabInsights.Domain;

/// <summary>Where a record came from, so every figure can be traced back to its row or event.</summary>
public abstract record Provenance
{
    /// <summary>A short human-readable location, e.g. <c>projects.csv:12</c> or <c>chain 31337 block 5 tx 0xab.. log 2</c>.</summary>
    public abstract string Describe();
}

/// <summary>A row of a file: <paramref name="File"/> is the file name, <paramref name="Row"/> the 1-based data row (header excluded).</summary>
public sealed record FileProvenance(string File, int Row) : Provenance
{
    public override string Describe() => $"{File}:{Row}";
}

/// <summary>An event log on an EVM chain.</summary>
public sealed record ChainProvenance(long ChainId, long BlockNumber, string BlockHash, string TxHash, int LogIndex, DateTimeOffset? Timestamp) : Provenance
{
    public override string Describe() => $"chain {ChainId} block {BlockNumber} tx {TxHash} log {LogIndex}";
}

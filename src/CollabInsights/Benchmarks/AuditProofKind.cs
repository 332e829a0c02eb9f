namespace CollabInsights.Benchmarks;

/// <summary>What kind of evidence an <see cref="AuditProof"/> carries.</summary>
public enum AuditProofKind
{
    /// <summary>No independent evidence: a plain table can only return the row as it is now.</summary>
    None,

    /// <summary>Merkle proof of the record's content hash to its block root, plus the chain of block hashes to the published head.</summary>
    MerkleHashChain,

    /// <summary>Transaction receipt with the record's event log, checked against the block header's receipts root and hash.</summary>
    ReceiptAndBlockHeader,
}

namespace CollabInsights.Verification;

/// <summary>One erasure: the record key as anchored, when (UTC), why, and the record's leaf hashes (whole record first).</summary>
public sealed record ErasedRecord(string Record, DateTimeOffset ErasedAt, string Reason, IReadOnlyList<string> Leaves);

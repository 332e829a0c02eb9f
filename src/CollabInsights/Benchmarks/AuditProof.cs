namespace CollabInsights.Benchmarks;

/// <summary>
/// Evidence that one record is stored unaltered. <see cref="Steps"/> holds the proof's hashes
/// (hex) in the order a verifier consumes them; <see cref="SizeBytes"/> is the proof's size.
/// </summary>
/// <param name="RecordId">The record the proof is about.</param>
/// <param name="Kind">What the evidence is.</param>
/// <param name="Record">The record as the prover read it.</param>
/// <param name="Steps">Proof elements (hex hashes, headers), verifier order.</param>
/// <param name="Anchor">The trusted value the proof ends in (published head hash, block hash), hex; empty when none.</param>
public sealed record AuditProof(string RecordId, AuditProofKind Kind, BenchOutcomeRecord? Record, IReadOnlyList<string> Steps, string Anchor)
{
    /// <summary>Approximate size of the proof in bytes (hex steps count as their binary length).</summary>
    public int SizeBytes => Steps.Sum(s => s.Length / 2) + (Anchor.Length / 2);

    /// <summary>A proof carrying no evidence, for backends that cannot produce one.</summary>
    public static AuditProof NoneFor(string recordId, BenchOutcomeRecord? record) => new(recordId, AuditProofKind.None, record, [], string.Empty);
}

namespace CollabInsights.Verification;

/// <summary>Options of <see cref="RecordProofs.VerifyAsync"/>.</summary>
public sealed record ProofVerifyOptions
{
    /// <summary>Blocks the anchoring block must have on top of it, itself included; default 1 (mined).</summary>
    public int Confirmations { get; init; } = 1;

    /// <summary>The anchored data (the <c>data/</c> folder of the anchor folder, or one of its files) to check that the record there still hashes to the proven leaf; default none.</summary>
    public string? DataPath { get; init; }
}

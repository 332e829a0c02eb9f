namespace CollabInsights.Verification;

/// <summary>Options of <see cref="MerkleBenchmark"/>.</summary>
public sealed record MerkleBenchmarkOptions
{
    /// <summary>Number of leaves; default 1,000,000.</summary>
    public int Leaves { get; init; } = 1_000_000;

    /// <summary>Number of proofs made after the build (spread evenly over the leaves); default 1,000.</summary>
    public int Proofs { get; init; } = 1_000;

    /// <summary>Single verifications timed (the mean is reported); default 1,000.</summary>
    public int VerifyRepeats { get; init; } = 1_000;

    /// <summary>Seed of the generated leaves; default 1.</summary>
    public int Seed { get; init; } = 1;
}

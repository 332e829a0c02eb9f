namespace CollabInsights.Verification;

/// <summary>
/// One run of <see cref="MerkleBenchmark"/>: for ours and for <c>@openzeppelin/merkle-tree</c> on the same leaves, the time
/// to build the tree from the leaf values (leaf hashing included), to make the proofs, and one verification (leaf hash
/// plus path, mean of the repeats), in milliseconds; the root; whether the roots and the sampled proofs agree; and
/// <see cref="Speedup"/>, the peer's build-plus-proofs time over ours.
/// </summary>
public sealed record MerkleBenchmarkResult(
    int Leaves,
    int Proofs,
    double OursBuildMs,
    double OursProofsMs,
    double OursVerifyMs,
    double PeerBuildMs,
    double PeerProofsMs,
    double PeerVerifyMs,
    string Root,
    bool RootsAgree,
    bool ProofsAgree,
    Domain.MachineDescription Machine)
{
    /// <summary>The peer's build-plus-proofs time divided by ours.</summary>
    public double Speedup => (PeerBuildMs + PeerProofsMs) / (OursBuildMs + OursProofsMs);
}

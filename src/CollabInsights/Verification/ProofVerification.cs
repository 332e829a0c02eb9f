namespace CollabInsights.Verification;

/// <summary>The result of checking a proof: the outcome, one sentence on it, and each check made in order with what it established.</summary>
public sealed record ProofVerification(ProofOutcome Outcome, string Message, IReadOnlyList<string> Checks)
{
    /// <summary>Whether the proof holds.</summary>
    public bool Proven => Outcome == ProofOutcome.Proven;
}

namespace CollabInsights.Reconciliation.Evaluation;

/// <summary>
/// How well one reconciliation class found the deliberate differences of a scenario: the differences planted in it
/// (<paramref name="Expected"/>), the entries reconciliation put in it (<paramref name="Found"/>) and those that are
/// a planted difference of that class on the same row (<paramref name="TruePositives"/>).
/// </summary>
public sealed record ReconciliationClassScore(ReconciliationClass Class, int Expected, int Found, int TruePositives)
{
    /// <summary>True positives over found; 1 when nothing was found and nothing expected.</summary>
    public double Precision => Found == 0 ? (Expected == 0 ? 1 : 0) : (double)TruePositives / Found;

    /// <summary>True positives over expected; 1 when nothing was expected.</summary>
    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;
}

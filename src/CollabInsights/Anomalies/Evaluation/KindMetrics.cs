namespace CollabInsights.Anomalies.Evaluation;

/// <summary>Precision, recall and F1 of one rule kind against the ground truth (a flag counts when it points at a labelled record of the same kind).</summary>
public sealed record KindMetrics(string Kind, int Labelled, int Flagged, int TruePositives)
{
    /// <summary>False when nothing of this kind was labelled or flagged: precision and recall then say nothing (shown as n/a).</summary>
    public bool Evaluable => Labelled > 0 || Flagged > 0;

    /// <summary>Share of flags that are labelled anomalies (1 when nothing was flagged).</summary>
    public double Precision => Flagged == 0 ? 1 : (double)TruePositives / Flagged;

    /// <summary>Share of labelled anomalies that were flagged (1 when none were labelled).</summary>
    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

namespace CollabInsights.Verification;

/// <summary>A record of the corrected view: its key as anchored, its current cells (corrections applied in order), and the corrections applied, oldest first (empty when never corrected).</summary>
public sealed record CorrectedRecord(string Record, IReadOnlyList<string> Cells, IReadOnlyList<RecordCorrection> History);

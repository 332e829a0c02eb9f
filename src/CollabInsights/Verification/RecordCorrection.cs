namespace CollabInsights.Verification;

/// <summary>
/// One correction of an anchored record: the record corrected (<c>FILE:ROW</c> as anchored), why, when (UTC), the fields
/// changed and their corrected values, the original root, the root of the anchored correcting record, its anchor folder
/// (relative to the original anchor folder), and the ledger transaction of the <c>RecordCorrected</c> event. The original
/// is never changed: readers apply corrections in order (<see cref="DatasetCorrections.CorrectedRowsAsync"/>).
/// </summary>
public sealed record RecordCorrection(
    string Record,
    string Reason,
    DateTimeOffset CorrectedAt,
    IReadOnlyDictionary<string, string> Changes,
    string OriginalRoot,
    string CorrectionRoot,
    string CorrectionFolder,
    string TransactionHash,
    long BlockNumber);

using System.Globalization;

namespace CollabInsights.Verification;

/// <summary>
/// The corrected view of an anchored dataset, written where readers load records (linking, reconciliation, reports): the
/// anchored records in their layout with every correction applied oldest first and erased records left out
/// (<see cref="DatasetCorrections.WriteCorrectedViewAsync"/>), and the history that produced it: each correction
/// (<see cref="Corrections"/>) and erasure (<see cref="Erasures"/>). A command that reads records takes an anchor folder
/// where it takes a folder of records, through <see cref="IsAnchorFolder"/> and <see cref="WriteAsync"/>.
/// </summary>
public sealed record CorrectedView(string AnchorDirectory, string DataPath, IReadOnlyList<RecordCorrection> Corrections, IReadOnlyList<ErasedRecord> Erasures)
{
    /// <summary>The folder, inside the anchor folder, the view is written to by default.</summary>
    public const string DefaultFolder = "corrected";

    /// <summary>Whether <paramref name="path"/> is an anchor folder written by <c>collab anchor</c> (it holds <c>manifest.json</c>).</summary>
    public static bool IsAnchorFolder(string path) => Directory.Exists(path) && File.Exists(Path.Combine(path, AnchorManifest.FileName));

    /// <summary>
    /// Writes the corrected view of the anchor folder <paramref name="anchorDirectory"/> into <paramref name="outputDirectory"/>
    /// (default <c>ANCHOR/corrected</c>, replaced) and returns it with its history.
    /// </summary>
    public static async Task<CorrectedView> WriteAsync(string anchorDirectory, string? outputDirectory = null, CancellationToken cancellationToken = default)
    {
        if (!IsAnchorFolder(anchorDirectory))
        {
            throw new CollabInsightsException($"{anchorDirectory} is not an anchor folder (no {AnchorManifest.FileName}): anchor the records first (DatasetAnchor.AnchorAsync).");
        }

        var target = Path.GetFullPath(outputDirectory ?? Path.Combine(anchorDirectory, DefaultFolder));
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        await DatasetCorrections.WriteCorrectedViewAsync(anchorDirectory, target, cancellationToken).ConfigureAwait(false);
        var dataRoot = Path.Combine(anchorDirectory, DatasetCommitment.DataFolder);
        var corrections = await DatasetCorrections.ReadRegisterAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        var erasures = await ErasureRegister.ReadAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        return new CorrectedView(Path.GetFullPath(anchorDirectory), target, corrections, erasures.Erased);
    }

    /// <summary>One line per correction and erasure, oldest first: what changed, why, when and in which transaction.</summary>
    public IReadOnlyList<string> History() =>
    [
        .. Corrections.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Record} corrected {c.CorrectedAt:yyyy-MM-dd HH:mm:ss} UTC: {string.Join(", ", c.Changes.Select(p => $"{p.Key} -> '{p.Value}'"))} ({c.Reason}); transaction {c.TransactionHash}")),
        .. Erasures.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Record} erased {e.ErasedAt:yyyy-MM-dd HH:mm:ss} UTC ({e.Reason})")),
    ];

    /// <summary>A one-line summary for a report's source line.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"corrected view of the anchored dataset {AnchorDirectory}: {Corrections.Count} correction(s) applied, {Erasures.Count} record(s) erased");
}

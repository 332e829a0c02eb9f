using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.OffChain.Standards;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary>Loads what <c>collab link --data</c> names: an INDIGO export, or IATI / OCDS / 360Giving files, detected or chosen with <c>--format</c>.</summary>
internal static class LinkSources
{
    /// <summary>
    /// The dataset, its problems, the report's source line and (for a standard) the chain it supports. <c>auto</c> reads a
    /// zip, or a folder holding <c>projects.csv</c> (at its root or one folder down), as INDIGO, and anything else as a standard.
    /// </summary>
    public static async Task<(CollabDataset Dataset, IReadOnlyList<DataProblem> Problems, string Source, string? Chain)> LoadAsync(string path, string format, CancellationToken ct)
    {
        if (CorrectedView.IsAnchorFolder(path))
        {
            // An anchor folder: link its corrected view (corrections applied, erased records left out); the source line carries the history.
            var view = await CorrectedView.WriteAsync(path, null, ct).ConfigureAwait(false);
            var (dataset, problems, _, chain) = await LoadAsync(view.DataPath, format, ct).ConfigureAwait(false);
            return (dataset, problems, $"{view.DataPath} ({view.Describe()}{string.Concat(view.History().Select(h => "; " + h))})", chain);
        }

        if (format == "indigo" || (format == "auto" && LooksLikeIndigo(path)))
        {
            var load = await IndigoSource.LoadAsync(path, cancellationToken: ct).ConfigureAwait(false);
            return (load.Value, load.Problems, path, null);
        }

        StandardFormat? chosen = format switch
        {
            "iati" => StandardFormat.Iati,
            "ocds" => StandardFormat.Ocds,
            "360giving" => StandardFormat.ThreeSixtyGiving,
            _ => null,
        };
        var standard = await StandardsSource.LoadAsync(path, chosen, ct).ConfigureAwait(false);
        var s = standard.Value;
        var source = $"{path} ({StandardsDataset.Name(s.Format)}: {s.Counts.Projects} projects, {s.Counts.Organisations} organisations, {s.Counts.Transactions} transactions, {s.Counts.Results} results). Chain: {s.Chain}";
        return (s.Dataset, standard.Problems, source, s.Chain);
    }

    private static bool LooksLikeIndigo(string path)
    {
        if (File.Exists(path))
        {
            return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        }

        return Directory.Exists(path)
            && (File.Exists(Path.Combine(path, IndigoLayout.Projects)) || Directory.GetDirectories(path).Any(d => File.Exists(Path.Combine(d, IndigoLayout.Projects))));
    }
}

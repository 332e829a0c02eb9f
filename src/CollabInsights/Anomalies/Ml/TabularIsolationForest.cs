using System.Globalization;
using System.Text;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// scikit-learn's IsolationForest (300 trees, default sample size) on any numeric table, run by Debian's Python
/// (<see cref="IsolationForestPeer.DefaultPython"/>): the peer of <see cref="TabularAnomalyDetector"/>. Unknown values are
/// given the column median first, as our detector does; IsolationForest needs no scaling (its splits are per feature).
/// </summary>
public static class TabularIsolationForest
{
    private const string Script = """
        import sys
        import numpy as np
        from sklearn.ensemble import IsolationForest
        src, dst, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
        X = np.loadtxt(src, delimiter=",", ndmin=2)
        scores = -IsolationForest(n_estimators=300, random_state=seed).fit(X).score_samples(X)
        np.savetxt(dst, scores, fmt="%.12g")
        """;

    /// <summary>IsolationForest scores of <paramref name="rows"/> (higher = more anomalous), in row order.</summary>
    public static async Task<double[]> ScoreAsync(IReadOnlyList<double[]> rows, int seed = 1, string? python = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var exe = python ?? IsolationForestPeer.DefaultPython;
        var width = rows.Count == 0 ? 0 : rows[0].Length;
        var medians = Enumerable.Range(0, width).Select(j =>
        {
            var column = rows.Select(r => r[j]).Where(double.IsFinite).Order().ToList();
            return column.Count == 0 ? 0 : Percentile.Median(column);
        }).ToArray();
        var csv = new StringBuilder();
        foreach (var r in rows)
        {
            csv.AppendJoin(',', r.Select((v, j) => (double.IsFinite(v) ? v : medians[j]).ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        var lines = await Internal.SklearnScript.RunAsync(exe, Script, csv.ToString(), seed, cancellationToken).ConfigureAwait(false);
        return lines.Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
    }
}

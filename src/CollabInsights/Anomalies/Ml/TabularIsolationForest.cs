using System.Diagnostics;
using System.Globalization;
using System.Text;

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
        if (!File.Exists(exe))
        {
            throw new CollabInsightsException($"Python was not found at {exe}. Install Debian's python3 and python3-sklearn (apt-get install python3-sklearn) or set COLLAB_PYTHON.");
        }

        var width = rows.Count == 0 ? 0 : rows[0].Length;
        var medians = Enumerable.Range(0, width).Select(j =>
        {
            var column = rows.Select(r => r[j]).Where(double.IsFinite).Order().ToList();
            return column.Count == 0 ? 0 : Internal.RuleData.Median(column);
        }).ToArray();
        var dir = Path.Combine(Path.GetTempPath(), $"collab-iforest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var csv = new StringBuilder();
            foreach (var r in rows)
            {
                csv.AppendJoin(',', r.Select((v, j) => (double.IsFinite(v) ? v : medians[j]).ToString("R", CultureInfo.InvariantCulture))).Append('\n');
            }

            var input = Path.Combine(dir, "features.csv");
            var output = Path.Combine(dir, "scores.txt");
            var script = Path.Combine(dir, "iforest.py");
            await File.WriteAllTextAsync(input, csv.ToString(), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(script, Script, cancellationToken).ConfigureAwait(false);
            var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { script, input, output, seed.ToString(CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi) ?? throw new CollabInsightsException($"Could not start {exe}.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new CollabInsightsException($"IsolationForest failed (exit {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}. Install python3-sklearn (apt-get install python3-sklearn).");
            }

            return (await File.ReadAllLinesAsync(output, cancellationToken).ConfigureAwait(false)).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

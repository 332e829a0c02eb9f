using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CollabInsights.Anomalies.Ml;

/// <summary>
/// The peer detector: scikit-learn's IsolationForest run by a Python interpreter on the same robust-scaled
/// features (exported to CSV, scores read back), so the ML.NET detector is compared in the same run.
/// </summary>
public static class IsolationForestPeer
{
    /// <summary>The Debian interpreter that has <c>python3-sklearn</c> (default <c>/usr/bin/python3</c>, or <c>COLLAB_PYTHON</c>).</summary>
    public static string DefaultPython => Environment.GetEnvironmentVariable("COLLAB_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    private const string Script = """
        import csv, sys
        from sklearn.ensemble import IsolationForest
        src, dst, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
        with open(src) as f:
            rows = list(csv.reader(f))
        keys = [r[0] for r in rows[1:]]
        X = [[float(v) for v in r[1:]] for r in rows[1:]]
        model = IsolationForest(n_estimators=300, random_state=seed).fit(X)
        scores = -model.score_samples(X)
        with open(dst, "w") as f:
            for k, s in zip(keys, scores):
                f.write(f"{k}\t{s:.10f}\n")
        """;

    /// <summary>IsolationForest anomaly scores (higher = more anomalous) keyed by record key.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> ScoreAsync(IReadOnlyList<PaymentFeatures> rows, int seed = 1, string? python = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var exe = python ?? DefaultPython;
        if (!File.Exists(exe))
        {
            throw new CollabInsightsException($"Python was not found at {exe}. Install Debian's python3 and python3-sklearn (apt-get install python3-sklearn) or set COLLAB_PYTHON.");
        }

        var dir = Path.Combine(Path.GetTempPath(), $"collab-iforest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var scaler = RobustScaler.Fit(rows.Select(r => r.Values).ToList(), PaymentFeatures.Names.Count, PaymentFeatures.MinimumScales);
            var csv = new StringBuilder("key," + string.Join(',', PaymentFeatures.Names) + "\n");
            foreach (var r in rows)
            {
                csv.Append(r.Key).Append(',').AppendJoin(',', scaler.Transform(r.Values).Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
            }

            var input = Path.Combine(dir, "features.csv");
            var output = Path.Combine(dir, "scores.tsv");
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

            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var line in await File.ReadAllLinesAsync(output, cancellationToken).ConfigureAwait(false))
            {
                var parts = line.Split('\t');
                scores[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
            }

            return scores;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

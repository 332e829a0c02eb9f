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
        var scaler = RobustScaler.Fit(rows.Select(r => r.Values).ToList(), PaymentFeatures.Names.Count, PaymentFeatures.MinimumScales);
        var csv = new StringBuilder("key," + string.Join(',', PaymentFeatures.Names) + "\n");
        foreach (var r in rows)
        {
            csv.Append(r.Key).Append(',').AppendJoin(',', scaler.Transform(r.Values).Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in await Internal.SklearnScript.RunAsync(exe, Script, csv.ToString(), seed, cancellationToken).ConfigureAwait(false))
        {
            var parts = line.Split('\t');
            scores[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return scores;
    }
}

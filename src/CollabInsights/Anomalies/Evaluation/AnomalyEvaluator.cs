using CollabInsights.Anomalies.Internal;
using CollabInsights.Anomalies.Ml;
using CollabInsights.OffChain;
using CollabInsights.Scenarios;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// Measures the detectors on a labelled dataset: precision, recall and F1 per rule kind; ROC AUC and precision
/// at k for the ML.NET detector, IsolationForest, and rules + ML, on the subtle payment anomalies and on all.
/// </summary>
public static class AnomalyEvaluator
{
    /// <summary>Payment-level kinds a payment-scoring detector is measured on.</summary>
    public static IReadOnlyList<string> PaymentKinds { get; } =
        [FlagKinds.DuplicatePayment, FlagKinds.PaymentWithoutResult, FlagKinds.PaidBeforePeriodEnd, FlagKinds.SplitPayment, FlagKinds.MlOutlier];

    /// <summary>
    /// Generates a scenario with <see cref="ScenarioGenerator"/> (seed <paramref name="seed"/>, <paramref name="projects"/> projects),
    /// injects labelled anomalies at <paramref name="rate"/> as <c>collab generate --anomalies</c> does, writes it to a temporary
    /// folder, loads it back through the INDIGO loader and evaluates it (the folder is deleted afterwards).
    /// </summary>
    public static async Task<EvaluationRun> EvaluateGeneratedAsync(int seed, int projects = 20, double rate = 0.05, AnomalyEvaluatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"collab-eval-{Guid.NewGuid():N}");
        try
        {
            await ScenarioGenerator.WriteAsync(new ScenarioOptions { Seed = seed, Projects = projects }, dir, cancellationToken, s => ScenarioAnomalies.Inject(s, rate)).ConfigureAwait(false);
            var run = await EvaluateScenarioAsync(dir, options, cancellationToken).ConfigureAwait(false);
            return run with { Name = $"scenario seed {seed}, {projects} projects" };
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Evaluates a scenario folder written by <c>collab generate --anomalies RATE</c> against its <c>ground-truth.json</c>.</summary>
    public static async Task<EvaluationRun> EvaluateScenarioAsync(string directory, AnomalyEvaluatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var truthFile = Path.Combine(directory, ScenarioGroundTruth.FileName);
        if (!File.Exists(truthFile))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"{truthFile} was not found: evaluate a scenario folder with planted anomalies (ScenarioGenerator.WriteAsync with ScenarioAnomalies.Inject).");
        }

        var loaded = await IndigoSource.LoadAsync(directory, cancellationToken: cancellationToken).ConfigureAwait(false);
        var truth = ScenarioGroundTruth.FromJson(await File.ReadAllTextAsync(truthFile, cancellationToken).ConfigureAwait(false));
        var labelled = new InjectedDataset(loaded.Value, loaded.Problems, ScenarioAnomalies.Labels(truth, loaded.Value));
        return await EvaluateAsync(directory, labelled, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds a clean synthetic dataset for <paramref name="seed"/>, injects anomalies with the same seed, and evaluates it.</summary>
    public static Task<EvaluationRun> EvaluateSeedAsync(int seed, int projects = 40, double rate = 0.05, AnomalyEvaluatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var injected = AnomalyInjector.Inject(SyntheticCollab.Build(seed, projects), new AnomalyInjectorOptions(Seed: seed, Rate: rate));
        return EvaluateAsync($"synthetic seed {seed}, {projects} projects", injected, options, cancellationToken);
    }

    /// <summary>Evaluates the rules and the ML detector on <paramref name="injected"/>.</summary>
    public static async Task<EvaluationRun> EvaluateAsync(string name, InjectedDataset injected, AnomalyEvaluatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(injected);
        var o = options ?? new AnomalyEvaluatorOptions();
        var flags = AnomalyRules.Run(injected.Dataset, injected.Problems, o.Rules);
        var rules = FlagKinds.Rules.Select(kind =>
        {
            var truth = injected.Labels.Where(l => l.Kind == kind).Select(l => l.RecordKey).ToHashSet(StringComparer.Ordinal);
            var flagged = flags.Where(f => f.Kind == kind).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            return new KindMetrics(kind, truth.Count, flagged.Count, flagged.Count(truth.Contains));
        }).ToList();

        var features = PaymentFeatureExtractor.Extract(injected.Dataset);
        var ml = MlAnomalyDetector.Score(features, o.Ml).ToDictionary(s => s.Key, s => s.RawScore, StringComparer.Ordinal);
        var detectors = new List<(string Name, IReadOnlyDictionary<string, double> Scores)> { ("ml.net kmeans", ml) };
        if (o.RunIsolationForest)
        {
            detectors.Add(("sklearn isolationforest", await IsolationForestPeer.ScoreAsync(features, o.Ml?.Seed ?? 1, o.Python, cancellationToken).ConfigureAwait(false)));
        }

        var ruleFlagged = flags.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var mlRanks = MlAnomalyDetector.Ranks(features.Select(f => ml[f.Key]).ToList());
        detectors.Add(("rules + ml.net", features.Select((f, i) => (f.Key, Score: (ruleFlagged.Contains(f.Key) ? 1 : 0) + mlRanks[i])).ToDictionary(x => x.Key, x => x.Score, StringComparer.Ordinal)));

        var labelled = injected.Labels.Where(l => PaymentKinds.Contains(l.Kind)).ToList();
        var anyLabel = injected.Labels.Select(l => l.RecordKey).ToHashSet(StringComparer.Ordinal);
        anyLabel.UnionWith(Affected(injected));
        var targets = new (string Target, HashSet<string> Positives)[]
        {
            ("subtle", labelled.Where(l => l.Subtle).Select(l => l.RecordKey).ToHashSet(StringComparer.Ordinal)),
            ("ml_outlier", labelled.Where(l => l.Kind == FlagKinds.MlOutlier).Select(l => l.RecordKey).ToHashSet(StringComparer.Ordinal)),
            ("all payment anomalies", labelled.Select(l => l.RecordKey).ToHashSet(StringComparer.Ordinal)),
        };
        var ranking = new List<RankingMetrics>();
        foreach (var (target, positives) in targets)
        {
            foreach (var (detector, scores) in detectors)
            {
                var items = features.Where(f => positives.Contains(f.Key) || !anyLabel.Contains(f.Key)).Select(f => (Score: scores[f.Key], Positive: positives.Contains(f.Key))).ToList();
                ranking.Add(Rank(detector, target, items));
            }
        }

        return new EvaluationRun(name, features.Count, injected.Labels.Count, rules, ranking);
    }

    /// <summary>
    /// Payments that are not clean although not labelled themselves, so they are neither positives nor negatives:
    /// those paying for a metric whose price or result was altered (their price per outcome no longer matches), those of a
    /// project whose commitment was lowered (every payer's share of the commitments moved), and
    /// those sharing the metric and period of a labelled payment (the first copy of a duplicate, the co-payer of an
    /// inflated payment: the pair is the anomaly, and no detector can tell which copy was entered second).
    /// </summary>
    private static IEnumerable<string> Affected(InjectedDataset injected)
    {
        var keys = injected.Labels.Select(l => l.RecordKey).ToHashSet(StringComparer.Ordinal);
        var metrics = injected.Dataset.Pricings.Where(p => keys.Contains(RecordKey.Of(p.Provenance))).Select(p => (p.ProjectId, RuleData.Norm(p.MetricId)))
            .Concat(injected.Dataset.Results.Where(r => keys.Contains(RecordKey.Of(r.Provenance))).Select(r => (r.ProjectId, RuleData.Norm(r.MetricId))))
            .ToHashSet();
        var projects = injected.Dataset.Commitments.Where(c => keys.Contains(RecordKey.Of(c.Provenance))).Select(c => c.ProjectId).ToHashSet(StringComparer.Ordinal);
        var periods = injected.Dataset.Payments.Where(p => keys.Contains(RecordKey.Of(p.Provenance))).Select(p => (p.ProjectId, RuleData.Norm(p.MetricId), p.PeriodStart, p.PeriodEnd)).ToHashSet();
        return injected.Dataset.Payments
            .Where(p => projects.Contains(p.ProjectId) || metrics.Contains((p.ProjectId, RuleData.Norm(p.MetricId))) || periods.Contains((p.ProjectId, RuleData.Norm(p.MetricId), p.PeriodStart, p.PeriodEnd)))
            .Select(p => RecordKey.Of(p.Provenance));
    }

    /// <summary>ROC AUC (Mann-Whitney, ties count half) and precision at k = number of positives; null where there is nothing to score (no positives, or no negatives for ROC AUC).</summary>
    public static RankingMetrics Rank(string detector, string target, IReadOnlyList<(double Score, bool Positive)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var pos = items.Where(i => i.Positive).Select(i => i.Score).ToList();
        var neg = items.Where(i => !i.Positive).Select(i => i.Score).Order().ToList();
        double wins = 0;
        foreach (var p in pos)
        {
            var below = LowerBound(neg, p);
            var upTo = UpperBound(neg, p);
            wins += below + ((upTo - below) / 2.0);
        }

        double? auc = pos.Count == 0 || neg.Count == 0 ? null : wins / ((double)pos.Count * neg.Count);
        var k = pos.Count;
        var top = items.OrderByDescending(i => i.Score).Take(k).Count(i => i.Positive);
        return new RankingMetrics(detector, target, pos.Count, neg.Count, auc, k, k == 0 ? null : (double)top / k);
    }

    private static int LowerBound(List<double> sorted, double v)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < v) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }

    private static int UpperBound(List<double> sorted, double v)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= v) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }
}

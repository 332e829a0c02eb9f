using CollabInsights.Anomalies.Evaluation;

namespace CollabInsights.Anomalies.Tests;

public class EvaluationTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task Seeded_scenario_meets_the_goals_for_rules_and_the_ml_detector(int seed)
    {
        var run = await AnomalyEvaluator.EvaluateSeedAsync(seed, 40, 0.05, null, TestContext.Current.CancellationToken);
        Assert.All(run.Rules, k => Assert.Equal(1.0, k.Recall));
        var tp = run.Rules.Sum(k => k.TruePositives);
        var flagged = run.Rules.Sum(k => k.Flagged);
        Assert.True((double)tp / flagged >= 0.95, $"rule precision {(double)tp / flagged:0.000}");
        var ml = run.Ranking.Single(m => m.Detector == "ml.net kmeans" && m.Target == "subtle");
        var forest = run.Ranking.Single(m => m.Detector == "sklearn isolationforest" && m.Target == "subtle");
        Assert.True(ml.Positives > 10, "the scenario has subtle payment anomalies");
        Assert.True(ml.RocAuc >= 0.90, $"ML ROC AUC on subtle anomalies {ml.RocAuc:0.000}");
        Assert.True(ml.RocAuc >= forest.RocAuc, $"ML {ml.RocAuc:0.000} below IsolationForest {forest.RocAuc:0.000}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Generated_scenario_meets_the_goals_for_rules_and_the_ml_detector(int seed)
    {
        // collab generate --seed N --anomalies 0.05 (20 projects), written as CSV and loaded back, scored against its ground truth.
        var run = await AnomalyEvaluator.EvaluateGeneratedAsync(seed, 20, 0.05, null, TestContext.Current.CancellationToken);
        var evaluable = run.Rules.Where(k => k.Evaluable).ToList();
        Assert.Equal(FlagKinds.Rules.Count - 1, evaluable.Count);
        Assert.DoesNotContain(evaluable, k => k.Kind == FlagKinds.PaidBeforePeriodEnd);
        Assert.All(evaluable, k => Assert.True(k.Labelled > 0 && k.Recall == 1.0, $"{k.Kind}: recall {k.Recall:0.000} of {k.Labelled}"));
        var tp = run.Rules.Sum(k => k.TruePositives);
        var flagged = run.Rules.Sum(k => k.Flagged);
        Assert.True((double)tp / flagged >= 0.95, $"rule precision {(double)tp / flagged:0.000}");
        var ml = run.Ranking.Single(m => m.Detector == "ml.net kmeans" && m.Target == "subtle");
        var forest = run.Ranking.Single(m => m.Detector == "sklearn isolationforest" && m.Target == "subtle");
        Assert.True(ml.Positives >= 10, "the scenario has subtle payment anomalies");
        Assert.True(ml.RocAuc >= 0.90, $"ML ROC AUC on subtle anomalies {ml.RocAuc:0.000}");
        Assert.True(ml.RocAuc >= forest.RocAuc, $"ML {ml.RocAuc:0.000} below IsolationForest {forest.RocAuc:0.000}");
    }

    [Fact]
    public void Roc_auc_is_one_for_a_perfect_ranking_and_a_half_for_ties()
    {
        Assert.Equal(1.0, AnomalyEvaluator.Rank("d", "t", [(0.9, true), (0.1, false), (0.2, false)]).RocAuc);
        Assert.Equal(0.5, AnomalyEvaluator.Rank("d", "t", [(0.5, true), (0.5, false)]).RocAuc);
        Assert.Equal(0.0, AnomalyEvaluator.Rank("d", "t", [(0.1, true), (0.9, false)]).PrecisionAtK);
    }

    [Fact]
    public void Ml_flags_explain_the_top_features_with_their_values()
    {
        var injected = AnomalyInjector.Inject(Internal.SyntheticCollab.Build(3, 30), new AnomalyInjectorOptions(Seed: 3, Kinds: [FlagKinds.MlOutlier], MinPerKind: 3));
        var scores = Ml.MlAnomalyDetector.Score(injected.Dataset);
        Assert.All(scores, s => Assert.InRange(s.Rank, 0, 1));
        var flags = Ml.MlAnomalyDetector.Flags(scores);
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Contains("of the score", f.Reason, StringComparison.Ordinal));
        var top = scores[0];
        Assert.Contains(injected.Labels, l => l.RecordKey == top.Key);
        Assert.Contains(top.TopFeatures, f => f.Feature is "log_paid_vs_price_x_outcomes" or "log_paid_vs_payer_share");
    }
}

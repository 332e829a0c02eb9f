using System.Globalization;
using System.Text;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>Plain-text tables of evaluation runs (per seed and the totals and means over seeds), for the CLI and reports.</summary>
public static class EvaluationText
{
    /// <summary>The line that says a run had no labelled anomalies, so nothing could be scored, and how to plant some.</summary>
    public static string NoLabelsWarning(EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"warning: {run.Name} has no labelled anomalies, so precision, recall and ROC AUC cannot be measured (n/a); plant some (ScenarioAnomalies.Inject at a rate such as 0.05; the scenario's ground-truth.json then lists them), or evaluate generated seeds at such a rate (AnomalyEvaluator.EvaluateSeedAsync).";
    }

    /// <summary>Renders per-kind rule metrics and ranking metrics of every run, then their totals and means.</summary>
    public static string Render(IReadOnlyList<EvaluationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sb = new StringBuilder();
        foreach (var run in runs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"== {run.Name}: {run.Payments} payments, {run.Labels} labelled anomalies\n");
            AppendRules(sb, run.Rules);
            AppendRanking(sb, run.Ranking);
            if (run.Labels == 0)
            {
                sb.Append(NoLabelsWarning(run)).Append('\n');
            }
        }

        if (runs.Count > 1)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"== {runs.Count} runs together: labelled, flagged, tp, pos, neg and k are totals over the runs; precision, recall and f1 are computed from those totals; roc_auc and prec@k are means over the runs that have them\n");
            var rules = runs.SelectMany(r => r.Rules).GroupBy(k => k.Kind).Select(g => new KindMetrics(g.Key, g.Sum(k => k.Labelled), g.Sum(k => k.Flagged), g.Sum(k => k.TruePositives))).ToList();
            AppendRules(sb, rules);
            var ranking = runs.SelectMany(r => r.Ranking).GroupBy(m => (m.Detector, m.Target))
                .Select(g => new RankingMetrics(g.Key.Detector, g.Key.Target, g.Sum(m => m.Positives), g.Sum(m => m.Negatives), g.Average(m => m.RocAuc), g.Sum(m => m.K), g.Average(m => m.PrecisionAtK))).ToList();
            AppendRanking(sb, ranking);
        }

        return sb.ToString();
    }

    private static void AppendRules(StringBuilder sb, IReadOnlyList<KindMetrics> rules)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{"rule",-28} {"labelled",8} {"flagged",8} {"tp",5} {"precision",9} {"recall",7} {"f1",6}\n");
        var all = new KindMetrics("all rules", rules.Sum(k => k.Labelled), rules.Sum(k => k.Flagged), rules.Sum(k => k.TruePositives));
        foreach (var k in rules.Append(all))
        {
            if (!k.Evaluable)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{k.Kind,-28} {k.Labelled,8} {k.Flagged,8} {k.TruePositives,5} {"n/a",9} {"n/a",7} {"n/a",6}\n");
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture, $"{k.Kind,-28} {k.Labelled,8} {k.Flagged,8} {k.TruePositives,5} {k.Precision,9:0.000} {k.Recall,7:0.000} {k.F1,6:0.000}\n");
        }

        foreach (var k in rules.Where(k => !k.Evaluable))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  n/a {k.Kind}: no labelled case and no flag, so nothing was measured");
            sb.Append(k.Kind == FlagKinds.PaidBeforePeriodEnd
                ? " (the INDIGO outcome payments layout has no payment date: this kind is checked only on chain, where a payment has its block time)\n"
                : "\n");
        }
    }

    private static void AppendRanking(StringBuilder sb, IReadOnlyList<RankingMetrics> ranking)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{"detector",-24} {"target",-22} {"pos",5} {"neg",6} {"roc_auc",8} {"k",4} {"prec@k",7}\n");
        foreach (var m in ranking)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{m.Detector,-24} {m.Target,-22} {m.Positives,5} {m.Negatives,6} {Score(m.RocAuc),8} {m.K,4} {Score(m.PrecisionAtK),7}\n");
        }
    }

    private static string Score(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}

using System.Globalization;
using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;
using CollabInsights.Scenarios;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// The hook between <see cref="ScenarioGenerator"/> and <see cref="AnomalyInjector"/>: injects labelled anomalies
/// into a generated scenario and patches its CSV files cell by cell (appended payments get new rows), and lists
/// them in the ground truth. Only changed or added rows are rewritten. <c>paid_before_period_end</c> is left out: the INDIGO layout has no payment time.
/// </summary>
public static class ScenarioAnomalies
{
    /// <summary>Kinds that can be written in the INDIGO CSV layout.</summary>
    public static IReadOnlyList<string> WritableKinds { get; } = AnomalyInjectorOptions.AllKinds.Where(k => k != FlagKinds.PaidBeforePeriodEnd).ToList();

    /// <summary>Injects anomalies at <paramref name="rate"/> (seeded by the scenario's seed) into <paramref name="scenario"/>.</summary>
    public static GeneratedScenario Inject(GeneratedScenario scenario, double rate)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var injected = AnomalyInjector.Inject(scenario.Dataset, new AnomalyInjectorOptions(Seed: scenario.GroundTruth.Seed, Rate: rate, Kinds: WritableKinds));
        var files = new Dictionary<string, string>(scenario.Files, StringComparer.Ordinal);
        var before = new HashSet<object>(scenario.Dataset.Payments.Cast<object>().Concat(scenario.Dataset.Results).Concat(scenario.Dataset.Pricings).Concat(scenario.Dataset.Commitments));
        Patch(files, "projects_outcome_payments.csv", injected.Dataset.Payments.Where(p => !before.Contains(p)).Select(p => (p.Provenance, (object)p)));
        Patch(files, "projects_results.csv", injected.Dataset.Results.Where(r => !before.Contains(r)).Select(r => (r.Provenance, (object)r)), injected.Problems);
        Patch(files, "projects_outcome_pricings.csv", injected.Dataset.Pricings.Where(p => !before.Contains(p)).Select(p => (p.Provenance, (object)p)));
        Patch(files, "projects_outcome_payment_commitments.csv", injected.Dataset.Commitments.Where(c => !before.Contains(c)).Select(c => (c.Provenance, (object)c)));
        var anomalies = injected.Labels.Select(l =>
        {
            var at = l.RecordKey.LastIndexOf(':');
            return new ScenarioAnomaly(l.Kind, l.RecordKey[..at], int.Parse(l.RecordKey[(at + 1)..], CultureInfo.InvariantCulture), (l.Subtle ? "subtle: " : string.Empty) + l.Detail);
        }).ToList();
        return scenario with { Files = files, Dataset = injected.Dataset, GroundTruth = scenario.GroundTruth with { Anomalies = anomalies } };
    }

    /// <summary>Reads the labels back from a scenario's ground truth (a description starting with "subtle:" marks a subtle case).</summary>
    public static IReadOnlyList<AnomalyLabel> Labels(ScenarioGroundTruth truth, CollabDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(dataset);
        var projects = dataset.Payments.Select(p => (p.Provenance, p.ProjectId)).Concat(dataset.Results.Select(r => (r.Provenance, r.ProjectId)))
            .Concat(dataset.Pricings.Select(p => (p.Provenance, p.ProjectId))).Concat(dataset.Commitments.Select(c => (c.Provenance, c.ProjectId)))
            .GroupBy(x => RecordKey.Of(x.Provenance)).ToDictionary(g => g.Key, g => g.First().ProjectId);
        return truth.Anomalies.Select(a => new AnomalyLabel(a.Kind, $"{a.File}:{a.Row}", projects.GetValueOrDefault($"{a.File}:{a.Row}") ?? string.Empty,
            a.Description.StartsWith("subtle:", StringComparison.Ordinal), a.Description)).ToList();
    }

    private static void Patch(Dictionary<string, string> files, string file, IEnumerable<(Provenance Provenance, object Record)> records, IReadOnlyList<DataProblem>? problems = null)
    {
        if (!files.TryGetValue(file, out var text))
        {
            return;
        }

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var rows = CsvPatch.Parse(file, text);
        var header = rows[0];
        int Col(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.Ordinal));
        void Set(List<string> row, string name, string? value)
        {
            var i = Col(name);
            if (i >= 0)
            {
                while (row.Count < header.Count)
                {
                    row.Add(string.Empty);
                }

                row[i] = value ?? string.Empty;
            }
        }

        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        foreach (var (provenance, record) in records)
        {
            if (provenance is not FileProvenance f || f.File != file)
            {
                continue;
            }

            while (rows.Count <= f.Row)
            {
                rows.Add(Enumerable.Repeat(string.Empty, header.Count).ToList());
            }

            var row = rows[f.Row];
            switch (record)
            {
                case OutcomePayment p:
                    Set(row, "Project ID", p.ProjectId);
                    Set(row, "Outcome Metric Id - (Value)", p.MetricId);
                    Set(row, "Period - Start - (Value)", p.PeriodStart?.ToString());
                    Set(row, "Period - End - (Value)", p.PeriodEnd?.ToString());
                    Set(row, "Payer Organisation ID - (Value)", p.PayerId);
                    Set(row, "Recipient Organisation ID - (Value)", p.RecipientId);
                    Set(row, "Type - (Value)", p.Type == PaymentType.Unspecified ? string.Empty : p.Type.ToString());
                    Set(row, "Payments - Currency - (Value)", p.Amount?.Currency);
                    Set(row, "Payments - Amount - (Value)", N(p.Amount?.Amount));
                    Set(row, "Payments - Amount USD - (Value)", N(p.AmountUsd));
                    break;
                case OutcomeResult r:
                    Set(row, "Outcomes achieved - (Value)", N(r.OutcomesAchieved));
                    Set(row, "Outcomes validator(s) - (Value)", r.Validator);
                    var bad = problems?.FirstOrDefault(x => x.File == file && x.Row == f.Row);
                    Set(row, "Period - Start - (Value)", bad?.Value ?? r.PeriodStart?.ToString());
                    break;
                case OutcomePricing p:
                    Set(row, "Price Per Unit - Amount - (Value)", N(p.PricePerUnit?.Amount));
                    Set(row, "Price Per Unit - Amount USD - (Value)", N(p.PricePerUnitUsd));
                    break;
                case FundingCommitment c:
                    Set(row, "Maximum potential Outcome payment - Amount - (Value)", N(c.MaxPotentialPayment?.Amount));
                    Set(row, "Maximum potential Outcome payment - Amount USD - (Value)", N(c.MaxPotentialPaymentUsd));
                    break;
            }
        }

        files[file] = CsvPatch.Write(rows, newline);
    }
}

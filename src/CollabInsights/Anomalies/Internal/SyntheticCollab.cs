using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Internal;

/// <summary>
/// A clean, seeded collaboration dataset in the INDIGO layout (file names and 1-based rows) for testing and
/// evaluating the detectors without the scenario generator: every payment is priced outcomes achieved,
/// covered by an independently validated result, paid after its quarter ended and within its payer's cap.
/// </summary>
internal static class SyntheticCollab
{
    private static readonly (string Definition, string Sector, decimal PriceGbp)[] MetricTypes =
    [
        ("Sustained employment at 26 weeks", "Employment", 3500m),
        ("Job entry", "Employment", 1200m),
        ("Entry into stable accommodation", "Homelessness", 1500m),
        ("Sustained accommodation at 12 months", "Homelessness", 4000m),
        ("Reduction in reoffending", "Criminal justice", 2800m),
        ("School attendance improvement", "Education", 700m),
        ("Qualification achieved", "Education", 1800m),
        ("Avoided entry into care", "Child and family welfare", 9000m),
    ];

    public static CollabDataset Build(int seed, int projectCount)
    {
        var rng = new Random(seed);
        var orgs = new List<Organisation>();
        var projects = new List<Project>();
        var metrics = new List<OutcomeMetric>();
        var pricings = new List<OutcomePricing>();
        var results = new List<OutcomeResult>();
        var payments = new List<OutcomePayment>();
        var commitments = new List<FundingCommitment>();
        string Org(string id, string name)
        {
            orgs.Add(new Organisation(id, name, null, "GB", new FileProvenance("organisations.csv", orgs.Count + 1)));
            return id;
        }

        var payers = Enumerable.Range(1, 5).Select(i => Org($"SIM-ORG-PAY-{i:D2}", $"Outcome Payer {i}")).ToList();
        var validators = Enumerable.Range(1, 4).Select(i => Org($"SIM-ORG-VAL-{i:D2}", $"Independent Validator {i}")).ToList();
        for (var p = 1; p <= projectCount; p++)
        {
            var projectId = $"SIM-POJ-{p:D4}";
            var provider = Org($"SIM-ORG-PRV-{p:D4}", $"Service Provider {p}");
            var currency = rng.NextDouble() < 0.75 ? "GBP" : "USD";
            var usdRate = currency == "GBP" ? 1.25m : 1m;
            var types = Enumerable.Range(0, MetricTypes.Length).OrderBy(_ => rng.Next()).Take(rng.Next(2, 4)).ToList();
            var startYear = 2017 + rng.Next(0, 4);
            var quarters = rng.Next(6, 11);
            var projectPayers = payers.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)).ToList();
            projects.Add(new Project(projectId, $"Simulated outcomes contract {p}", "Complete", "GB", MetricTypes[types[0]].Sector,
                PartialDate.OfYear(startYear), PartialDate.OfMonth(startYear, 1), null, null, null, null, null, null, null, new FileProvenance("projects.csv", projects.Count + 1)));
            var totals = projectPayers.ToDictionary(x => x, _ => 0m);
            for (var k = 0; k < types.Count; k++)
            {
                var (definition, sector, basePrice) = MetricTypes[types[k]];
                var metricId = $"outcomemetric{k + 1}";
                var payer = projectPayers[k % projectPayers.Count];
                metrics.Add(new OutcomeMetric(projectId, metricId, definition, sector, "Administrative data", null, new FileProvenance("projects_outcome_metrics.csv", metrics.Count + 1)));
                var price = decimal.Round(basePrice / usdRate * 1.25m * (decimal)(1 + ((rng.NextDouble() * 0.12) - 0.06)), 0);
                pricings.Add(new OutcomePricing(projectId, metricId, new Money(price, currency), decimal.Round(price * usdRate, 2), null, new FileProvenance("projects_outcome_pricings.csv", pricings.Count + 1)));
                var validator = validators[rng.Next(validators.Count)];
                for (var q = 0; q < quarters; q++)
                {
                    var first = new DateOnly(startYear, 1, 1).AddMonths(3 * q);
                    var start = PartialDate.OfMonth(first.Year, first.Month);
                    var lastMonth = first.AddMonths(2);
                    var end = PartialDate.OfMonth(lastMonth.Year, lastMonth.Month);
                    var engaged = rng.Next(20, 120);
                    var achieved = (int)Math.Round(engaged * (0.2 + (rng.NextDouble() * 0.6)));
                    results.Add(new OutcomeResult(projectId, metricId, "Final", start, end, achieved, engaged, validator, null, new FileProvenance("projects_results.csv", results.Count + 1)));
                    var amount = decimal.Round(achieved * price * (decimal)(0.97 + (rng.NextDouble() * 0.03)), 2);
                    var paidAt = new DateTimeOffset(end.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(rng.Next(20, 61));
                    payments.Add(new OutcomePayment(projectId, metricId, start, end, payer, provider, PaymentType.Actual, new Money(amount, currency), decimal.Round(amount * usdRate, 2), paidAt,
                        new FileProvenance("projects_outcome_payments.csv", payments.Count + 1)));
                    totals[payer] += amount;
                }
            }

            foreach (var payer in projectPayers)
            {
                var max = decimal.Round(totals[payer] * (decimal)(1.3 + (rng.NextDouble() * 0.3)) / 1000m, 0) * 1000m + 250_000m;
                commitments.Add(new FundingCommitment(projectId, payer, OrganisationRole.OutcomePayer, new Money(max, currency), decimal.Round(max * usdRate, 2), null, null, null, null,
                    new FileProvenance("projects_outcome_payment_commitments.csv", commitments.Count + 1)));
            }
        }

        return CollabDataset.Empty with
        {
            Organisations = orgs,
            Projects = projects,
            Commitments = commitments,
            Metrics = metrics,
            Pricings = pricings,
            Results = results,
            Payments = payments,
        };
    }
}

using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>payment_without_result</c>: an actual payment for a metric and period with no result (or on-chain
/// attestation) for the same project and metric whose period overlaps it. Payments without a metric are not checked.
/// </summary>
public sealed class PaymentWithoutResultRule(PaymentWithoutResultOptions? options = null) : IAnomalyRule
{
    private readonly PaymentWithoutResultOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.PaymentWithoutResult;

    /// <inheritdoc />
    public string Description => "An actual payment for a metric and period that no result or attestation of the same metric covers.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var results = dataset.Results.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var p in dataset.Payments.Where(RuleData.IsActual))
        {
            var metric = RuleData.Norm(p.MetricId);
            if (metric is null)
            {
                continue;
            }

            if (!results.TryGetValue(p.ProjectId, out var projectResults))
            {
                if (_options.OnlyProjectsReportingResults)
                {
                    continue;
                }

                projectResults = [];
            }

            var sameMetric = projectResults.Where(r => RuleData.Norm(r.MetricId) == metric).ToList();
            if (sameMetric.Any(r => RuleData.Overlaps(r.PeriodStart, r.PeriodEnd, p.PeriodStart, p.PeriodEnd)))
            {
                continue;
            }

            var detail = sameMetric.Count == 0
                ? $"the project reports no result at all for {p.MetricId}"
                : $"the {sameMetric.Count} result(s) for {p.MetricId} cover other periods";
            yield return Flag.At(Kind, p.ProjectId, p.Provenance, sameMetric.Count == 0 ? 0.8 : 0.7,
                $"Payment of {Text.Money(p.Amount!.Value)} for {p.MetricId} over {Text.Period(p.PeriodStart, p.PeriodEnd)} has no result or attestation covering it: {detail}.");
        }
    }
}

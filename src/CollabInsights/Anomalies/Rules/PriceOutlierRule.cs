using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>price_outlier</c>: a price per outcome that disagrees with what was paid for that outcome, or is far from the
/// prices of comparable metrics. Two checks, one flag per pricing: (1) the stated price against the price per
/// outcome its own actual payments imply (payments of a period over the outcomes achieved in it), when enough
/// periods agree on that implied price; (2) a robust z-score of the log price against the median and median
/// absolute deviation (MAD) of its peer group (same metric definition, else same policy sector; USD where INDIGO
/// gives it, else the same currency), which also has to be several times off the median.
/// </summary>
public sealed class PriceOutlierRule(PriceOutlierOptions? options = null) : IAnomalyRule
{
    private readonly PriceOutlierOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.PriceOutlier;

    /// <inheritdoc />
    public string Description =>
        $"A price per outcome more than {Text.Percent(_options.PaidTolerance)} away from what its payments imply per outcome achieved (at least {_options.MinPaidPeriods} agreeing periods), " +
        $"or whose robust z-score among at least {_options.MinGroupSize} comparable prices exceeds {Text.Number(_options.Threshold)} and which is at least {Text.Number(_options.MinRatio)} times off their median.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var flagged = new HashSet<OutcomePricing>(ReferenceEqualityComparer.Instance);
        foreach (var flag in AgainstPayments(dataset, flagged))
        {
            yield return flag;
        }

        var metrics = dataset.Metrics.GroupBy(m => (m.ProjectId, RuleData.Norm(m.Id))).ToDictionary(g => g.Key, g => g.First());
        var sectors = dataset.Projects.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().PolicySector);
        var items = new List<(OutcomePricing Pricing, double Price, string Unit, string? Type, string? Sector)>();
        foreach (var p in dataset.Pricings)
        {
            var (price, unit) = p.PricePerUnitUsd is > 0 ? ((double)p.PricePerUnitUsd.Value, "USD") : p.PricePerUnit is { Amount: > 0 } m ? ((double)m.Amount, m.Currency) : (0, string.Empty);
            if (price <= 0)
            {
                continue;
            }

            metrics.TryGetValue((p.ProjectId, RuleData.Norm(p.MetricId)), out var metric);
            var sector = RuleData.Norm(metric?.PolicySector) ?? RuleData.Norm(sectors.GetValueOrDefault(p.ProjectId));
            items.Add((p, price, unit, RuleData.Norm(metric?.Definition), sector));
        }

        var byType = items.Where(i => i.Type is not null).GroupBy(i => (i.Type, i.Unit)).ToDictionary(g => g.Key, g => g.ToList());
        var bySector = items.Where(i => i.Sector is not null).GroupBy(i => (i.Sector, i.Unit)).ToDictionary(g => g.Key, g => g.ToList());
        var stats = new Dictionary<object, (double Median, double Scale, int N)?>();
        foreach (var item in items.Where(i => !flagged.Contains(i.Pricing)))
        {
            List<(OutcomePricing Pricing, double Price, string Unit, string? Type, string? Sector)>? group = null;
            string label = string.Empty;
            if (_options.Grouping == PriceGrouping.MetricTypeThenSector && item.Type is not null && byType.TryGetValue((item.Type, item.Unit), out var g1) && g1.Count >= _options.MinGroupSize)
            {
                group = g1;
                label = "metrics with the same definition";
            }
            else if (_options.Grouping == PriceGrouping.MetricTypeThenSector && item.Type is not null && byType[(item.Type, item.Unit)].Count > 1)
            {
                continue;
            }
            else if (item.Sector is not null && bySector.TryGetValue((item.Sector, item.Unit), out var g2) && g2.Count >= _options.MinGroupSize)
            {
                group = g2;
                label = $"metrics in the {item.Sector.ToLowerInvariant()} sector";
            }

            if (group is null)
            {
                continue;
            }

            if (!stats.TryGetValue(group, out var st))
            {
                stats[group] = st = Stats(group.Select(i => Math.Log(i.Price)).ToList(), _options.MinimumScale);
            }

            if (st is not { } s)
            {
                continue;
            }

            var z = (Math.Log(item.Price) - s.Median) / s.Scale;
            if (Math.Abs(z) <= _options.Threshold || (_options.HighOnly && z < 0) || Math.Abs(Math.Log(item.Price) - s.Median) < Math.Log(_options.MinRatio))
            {
                continue;
            }

            var median = Math.Exp(s.Median);
            yield return Flag.At(Kind, item.Pricing.ProjectId, item.Pricing.Provenance, 0.5 + (0.5 * Math.Min(1, (Math.Abs(z) - _options.Threshold) / _options.Threshold)),
                $"The price per outcome for {item.Pricing.MetricId ?? "an unstated metric"} is {Text.Number(item.Price)} {item.Unit}, {Text.Number(item.Price / median)} times the median of " +
                $"{Text.Number(median)} {item.Unit} among {s.N} {label} (robust z-score {Text.Number(z)}, threshold {Text.Number(_options.Threshold)}).");
        }
    }

    /// <summary>Check (1): each pricing against the price per outcome implied by its metric's actual payments and results, period by period.</summary>
    private IEnumerable<Flag> AgainstPayments(CollabDataset dataset, HashSet<OutcomePricing> flagged)
    {
        var achieved = dataset.Results.Where(r => r.OutcomesAchieved is > 0 && (r.PeriodStart is not null || r.PeriodEnd is not null))
            .GroupBy(r => (r.ProjectId, Metric: RuleData.Norm(r.MetricId), r.PeriodStart, r.PeriodEnd))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.OutcomesAchieved!.Value));
        var paid = dataset.Payments.Where(p => RuleData.IsActual(p) && p.Amount!.Value.Amount > 0 && (p.PeriodStart is not null || p.PeriodEnd is not null))
            .GroupBy(p => (p.ProjectId, Metric: RuleData.Norm(p.MetricId), p.Amount!.Value.Currency))
            .ToDictionary(g => g.Key, g => g.GroupBy(p => (p.PeriodStart, p.PeriodEnd)).Select(x => (Period: x.Key, Amount: x.Sum(p => p.Amount!.Value.Amount))).ToList());
        foreach (var pricing in dataset.Pricings)
        {
            if (pricing.PricePerUnit is not { Amount: > 0 } price || !paid.TryGetValue((pricing.ProjectId, RuleData.Norm(pricing.MetricId), price.Currency), out var periods))
            {
                continue;
            }

            var implied = periods
                .Select(x => achieved.TryGetValue((pricing.ProjectId, RuleData.Norm(pricing.MetricId), x.Period.PeriodStart, x.Period.PeriodEnd), out var n) ? (double)(x.Amount / n) : double.NaN)
                .Where(double.IsFinite).Order().ToList();
            var agreeing = implied.Select(v => implied.Where(w => Math.Abs((w / v) - 1) <= _options.PeriodAgreement).ToList()).OrderByDescending(g => g.Count).FirstOrDefault();
            if (agreeing is null || agreeing.Count < _options.MinPaidPeriods || agreeing.Count * 2 <= implied.Count)
            {
                continue;
            }

            var perOutcome = Percentile.Median(agreeing);
            var ratio = (double)price.Amount / perOutcome;
            if (Math.Abs(Math.Log(ratio)) <= Math.Log(1 + _options.PaidTolerance) || (_options.HighOnly && ratio < 1))
            {
                continue;
            }

            flagged.Add(pricing);
            yield return Flag.At(Kind, pricing.ProjectId, pricing.Provenance, 0.5 + (0.5 * Math.Min(1, Math.Abs(Math.Log(ratio)) / Math.Log(3))),
                $"The price per outcome for {pricing.MetricId ?? "an unstated metric"} is {Text.Money(price)}, but its actual payments imply {Text.Money((decimal)Math.Round(perOutcome, 2), price.Currency)} " +
                $"per outcome achieved in {agreeing.Count} of {implied.Count} paid periods, so the stated price is {Text.Number(ratio)} times what was paid (tolerance {Text.Percent(_options.PaidTolerance)}).");
        }
    }

    /// <summary>Median and robust scale (MAD / 0.6745, or 1.2533 x mean absolute deviation when MAD is 0), floored at <paramref name="minimumScale"/>.</summary>
    private static (double Median, double Scale, int N)? Stats(List<double> values, double minimumScale)
    {
        values.Sort();
        var median = Percentile.Median(values);
        var deviations = values.Select(v => Math.Abs(v - median)).OrderBy(v => v).ToList();
        var mad = Percentile.Median(deviations);
        var scale = mad > 1e-12 ? mad / 0.6745 : 1.253314 * deviations.Average();
        return (median, Math.Max(scale, minimumScale), values.Count);
    }
}

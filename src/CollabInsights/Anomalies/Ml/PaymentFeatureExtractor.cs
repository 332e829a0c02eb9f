using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Ml;

/// <summary>Computes <see cref="PaymentFeatures"/> for every actual payment of a dataset.</summary>
public static class PaymentFeatureExtractor
{
    /// <summary>One feature row per actual payment with an amount, in dataset order.</summary>
    public static IReadOnlyList<PaymentFeatures> Extract(CollabDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var payments = dataset.Payments.Where(RuleData.IsActual).ToList();
        var caps = dataset.Commitments.Where(c => c.MaxPotentialPayment is { Amount: > 0 })
            .GroupBy(c => (c.ProjectId, RuleData.Norm(c.OrganisationId), c.MaxPotentialPayment!.Value.Currency))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.MaxPotentialPayment!.Value.Amount));
        var results = dataset.Results.GroupBy(r => (r.ProjectId, RuleData.Norm(r.MetricId))).ToDictionary(g => g.Key, g => g.ToList());
        var prices = dataset.Pricings.Where(p => p.PricePerUnit is { Amount: > 0 }).GroupBy(p => (p.ProjectId, RuleData.Norm(p.MetricId))).ToDictionary(g => g.Key, g => g.First());
        var metrics = dataset.Metrics.GroupBy(m => (m.ProjectId, RuleData.Norm(m.Id))).ToDictionary(g => g.Key, g => g.First());
        var peerMedian = PeerMedians(dataset, metrics);
        // What all payers paid for a metric and period, and each payer's share of the project's commitments in a currency:
        // payments are normally split between funders by their committed share, so the expected payment is price x outcomes x share.
        var periodPaid = payments.GroupBy(p => (p.ProjectId, RuleData.Norm(p.MetricId), p.PeriodStart, p.PeriodEnd, p.Amount!.Value.Currency)).ToDictionary(g => g.Key, g => g.Sum(p => (double)p.Amount!.Value.Amount));
        var projectCaps = caps.GroupBy(c => (c.Key.ProjectId, c.Key.Currency)).ToDictionary(g => g.Key, g => g.Sum(c => (double)c.Value));
        var obligation = payments.GroupBy(p => (p.ProjectId, RuleData.Norm(p.PayerId), RuleData.Norm(p.RecipientId), RuleData.Norm(p.MetricId), p.PeriodStart, p.PeriodEnd)).ToDictionary(g => g.Key, g => g.Count());
        var byPayer = payments.GroupBy(p => (p.ProjectId, RuleData.Norm(p.PayerId))).ToDictionary(g => g.Key, g => g.ToList());
        var projectMedian = payments.GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => Percentile.Median(g.Select(p => (double)p.Amount!.Value.Amount).Order().ToList()));
        var rows = new List<PaymentFeatures>(payments.Count);
        // A result with one unreadable bound covers only its known month here, not every period before or after it.
        foreach (var p in payments)
        {
            var amount = (double)p.Amount!.Value.Amount;
            var metricKey = (p.ProjectId, RuleData.Norm(p.MetricId));
            var payerKey = (p.ProjectId, RuleData.Norm(p.PayerId));
            var cap = caps.TryGetValue((p.ProjectId, RuleData.Norm(p.PayerId), p.Amount.Value.Currency), out var c) ? (double)c : double.NaN;
            var covering = results.TryGetValue(metricKey, out var rs) ? rs.Where(r => (r.PeriodStart ?? r.PeriodEnd) is not null && RuleData.Overlaps(r.PeriodStart ?? r.PeriodEnd, r.PeriodEnd ?? r.PeriodStart, p.PeriodStart, p.PeriodEnd)).ToList() : [];
            var achieved = covering.Sum(r => r.OutcomesAchieved ?? 0);
            var expected = prices.TryGetValue(metricKey, out var pricing) && pricing.PricePerUnit!.Value.Currency == p.Amount.Value.Currency && achieved > 0
                ? (double)(achieved * pricing.PricePerUnit.Value.Amount)
                : double.NaN;
            var allPaid = periodPaid[(p.ProjectId, RuleData.Norm(p.MetricId), p.PeriodStart, p.PeriodEnd, p.Amount.Value.Currency)];
            // One-sided: paying less than price x outcomes is normal (a metric's last payment is cut at its cap), paying more is not.
            var priceRatio = Math.Max(0, Math.Log(allPaid / expected));
            var share = projectCaps.TryGetValue((p.ProjectId, p.Amount.Value.Currency), out var projectCap) && projectCap > 0 ? cap / projectCap : double.NaN;
            var shareRatio = Math.Max(0, Math.Log(amount / (expected * share)));
            // One-sided too: a contract price below its peers does not make a payment suspicious.
            var peer = pricing is not null && peerMedian.TryGetValue(pricing, out var pm) ? Math.Max(0, pm) : double.NaN;
            var at = p.PaidAt ?? (p.Provenance as ChainProvenance)?.Timestamp;
            var days = at is { } t && p.PeriodEnd is { } end ? DateOnly.FromDateTime(t.UtcDateTime).DayNumber - end.LastDay.DayNumber : double.NaN;
            var same = byPayer[payerKey];
            var near = at is { } t0 ? same.Count(q => (q.PaidAt ?? (q.Provenance as ChainProvenance)?.Timestamp) is { } tq && Math.Abs((tq - t0).TotalDays) <= 15) : double.NaN;
            var payerTotal = same.Sum(q => (double)q.Amount!.Value.Amount);
            var recipientShare = payerTotal > 0 ? same.Where(q => RuleData.Norm(q.RecipientId) == RuleData.Norm(p.RecipientId)).Sum(q => (double)q.Amount!.Value.Amount) / payerTotal : double.NaN;
            var med = projectMedian[p.ProjectId];
            rows.Add(new PaymentFeatures(p, RecordKey.Of(p.Provenance),
            [
                amount > 0 ? Math.Log((double)(p.AmountUsd ?? p.Amount.Value.Amount)) : double.NaN,
                amount / cap,
                priceRatio,
                shareRatio,
                peer,
                days,
                obligation[(p.ProjectId, RuleData.Norm(p.PayerId), RuleData.Norm(p.RecipientId), RuleData.Norm(p.MetricId), p.PeriodStart, p.PeriodEnd)],
                near,
                recipientShare,
                med > 0 && amount > 0 ? Math.Log(amount / med) : double.NaN,
                covering.Count > 0 ? 1 : 0,
            ]));
        }

        return rows;
    }

    /// <summary>Log of each pricing's price over the median price of its peers (same definition, else same sector; USD where known).</summary>
    private static Dictionary<OutcomePricing, double> PeerMedians(CollabDataset dataset, Dictionary<(string, string?), OutcomeMetric> metrics)
    {
        var items = dataset.Pricings
            .Select(p => (Pricing: p, Price: p.PricePerUnitUsd is > 0 ? (double)p.PricePerUnitUsd.Value : (double)(p.PricePerUnit?.Amount ?? 0), Unit: p.PricePerUnitUsd is > 0 ? "USD" : p.PricePerUnit?.Currency ?? string.Empty,
                Metric: metrics.GetValueOrDefault((p.ProjectId, RuleData.Norm(p.MetricId)))))
            .Where(x => x.Price > 0)
            .ToList();
        var result = new Dictionary<OutcomePricing, double>();
        foreach (var g in items.GroupBy(x => (RuleData.Norm(x.Metric?.Definition) ?? RuleData.Norm(x.Metric?.PolicySector) ?? "?", x.Unit)))
        {
            var median = Percentile.Median(g.Select(x => Math.Log(x.Price)).Order().ToList());
            foreach (var x in g)
            {
                result[x.Pricing] = g.Count() >= 3 ? Math.Log(x.Price) - median : double.NaN;
            }
        }

        return result;
    }
}

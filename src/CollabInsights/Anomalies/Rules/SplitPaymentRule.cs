using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>split_payment</c>: several payments from one payer to one recipient for the same project (and metric and
/// period), each just under the approval threshold, made within a short window and together above it:
/// the pattern of a payment split to avoid approval. Exact repeats are left to <c>duplicate_payment</c>.
/// </summary>
public sealed class SplitPaymentRule(SplitPaymentOptions? options = null) : IAnomalyRule
{
    private readonly SplitPaymentOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.SplitPayment;

    /// <inheritdoc />
    public string Description => $"At least {_options.MinCount} payments within {_options.WindowDays} days, each within {Text.Percent((double)_options.Band)} under the approval threshold of {Text.Number(_options.ApprovalThreshold)}, together above it.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var candidates = new List<(OutcomePayment Payment, DateOnly Time, decimal Threshold)>();
        foreach (var p in dataset.Payments.Where(RuleData.IsActual))
        {
            var money = p.Amount!.Value;
            var threshold = _options.ThresholdsByCurrency?.GetValueOrDefault(money.Currency) is > 0 and var t ? t : _options.ApprovalThreshold;
            var time = p.PaidAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : p.PeriodEnd?.LastDay;
            if (time is null || money.Amount >= threshold || money.Amount < threshold * (1 - _options.Band))
            {
                continue;
            }

            candidates.Add((p, time.Value, threshold));
        }

        var groups = candidates.GroupBy(c => (c.Payment.ProjectId, RuleData.Norm(c.Payment.PayerId), RuleData.Norm(c.Payment.RecipientId), c.Payment.Amount!.Value.Currency,
            _options.SameMetricOnly ? RuleData.Norm(c.Payment.MetricId) : null, _options.SameMetricOnly ? c.Payment.PeriodStart?.ToString() + "/" + c.Payment.PeriodEnd?.ToString() : null));
        foreach (var g in groups)
        {
            var list = g.OrderBy(c => c.Time).ToList();
            var flagged = new Dictionary<OutcomePayment, List<(OutcomePayment Payment, DateOnly Time, decimal Threshold)>>();
            for (var i = 0; i < list.Count; i++)
            {
                var window = list.Skip(i).TakeWhile(c => c.Time.DayNumber - list[i].Time.DayNumber <= _options.WindowDays)
                    .DistinctBy(c => (c.Payment.Amount!.Value.Amount, c.Payment.PeriodStart, c.Payment.PeriodEnd, c.Payment.PaidAt)).ToList();
                if (window.Count >= _options.MinCount && window.Sum(c => c.Payment.Amount!.Value.Amount) > window[0].Threshold)
                {
                    foreach (var c in window)
                    {
                        flagged.TryAdd(c.Payment, window);
                    }
                }
            }

            foreach (var (p, window) in flagged)
            {
                var total = window.Sum(c => c.Payment.Amount!.Value.Amount);
                var threshold = window[0].Threshold;
                var currency = p.Amount!.Value.Currency;
                yield return Flag.At(Kind, p.ProjectId, p.Provenance, 0.5 + (0.5 * Math.Min(1, (window.Count - 1) / 4.0)),
                    $"Payment of {Text.Money(p.Amount!.Value)} is one of {window.Count} payments by {p.PayerId ?? "an unnamed payer"} to {p.RecipientId ?? "an unnamed recipient"} " +
                    $"for {p.MetricId ?? "the project"} within {_options.WindowDays} days, each just under the approval threshold of {Text.Money(threshold, currency)} " +
                    $"and together {Text.Money(total, currency)}: the pattern of one payment split to avoid approval.");
            }
        }
    }
}

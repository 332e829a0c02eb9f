using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>paid_before_period_end</c>: a payment whose time is known (on-chain payments, or a paid-at column) was
/// made before the last day of the period it pays for. Rows without a payment time are not checked.
/// </summary>
public sealed class PaidBeforePeriodEndRule(PaidBeforePeriodEndOptions? options = null) : IAnomalyRule
{
    private readonly PaidBeforePeriodEndOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.PaidBeforePeriodEnd;

    /// <inheritdoc />
    public string Description => $"A payment made more than {_options.GraceDays} day(s) before the end of the period it pays for.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var p in dataset.Payments)
        {
            var paidAt = p.PaidAt ?? (p.Provenance as ChainProvenance)?.Timestamp;
            if (paidAt is null || p.PeriodEnd is null || p.Type == PaymentType.Planned)
            {
                continue;
            }

            var paidDay = DateOnly.FromDateTime(paidAt.Value.UtcDateTime);
            var end = p.PeriodEnd.Value.LastDay;
            var early = end.DayNumber - paidDay.DayNumber;
            if (early > _options.GraceDays)
            {
                yield return Flag.At(Kind, p.ProjectId, p.Provenance, 0.6 + (0.4 * Math.Min(1, early / 90.0)),
                    $"Payment{(p.Amount is { } a ? " of " + Text.Money(a) : string.Empty)} for {p.MetricId ?? "an unstated metric"} was made on {paidDay:yyyy-MM-dd}, " +
                    $"{early} day(s) before the period it pays for ended ({p.PeriodEnd}), so the outcomes could not yet have been verified.");
            }
        }
    }
}

using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>duplicate_payment</c>: the same project, payer, recipient, metric, period and amount (to the cent, same
/// currency) appears more than once. Every occurrence after the first is flagged, naming the first.
/// </summary>
public sealed class DuplicatePaymentRule(DuplicatePaymentOptions? options = null) : IAnomalyRule
{
    private readonly DuplicatePaymentOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.DuplicatePayment;

    /// <inheritdoc />
    public string Description => "The same project, payer, recipient, metric, period and amount is paid more than once.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var seen = new Dictionary<(string, string?, string?, string?, string?, string?, decimal, string), OutcomePayment>();
        foreach (var p in dataset.Payments)
        {
            if (p.Amount is null || !(p.Type == PaymentType.Actual || (_options.IncludeUnspecifiedType && p.Type == PaymentType.Unspecified)))
            {
                continue;
            }

            var key = (p.ProjectId, RuleData.Norm(p.PayerId), RuleData.Norm(p.RecipientId), RuleData.Norm(p.MetricId), p.PeriodStart?.ToString(), p.PeriodEnd?.ToString(),
                decimal.Round(p.Amount.Value.Amount, 2), p.Amount.Value.Currency);
            if (seen.TryGetValue(key, out var first))
            {
                yield return Flag.At(Kind, p.ProjectId, p.Provenance, 0.9,
                    $"Payment of {Text.Money(p.Amount.Value)} by {p.PayerId ?? "an unnamed payer"} to {p.RecipientId ?? "an unnamed recipient"} for {p.MetricId ?? "an unstated metric"} " +
                    $"over {Text.Period(p.PeriodStart, p.PeriodEnd)} repeats the identical payment at {Text.Where(first.Provenance)}.");
            }
            else
            {
                seen[key] = p;
            }
        }
    }
}

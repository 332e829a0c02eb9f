using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>payment_exceeds_commitment</c>: actual payments by a payer to a project (same currency) add up to more
/// than that payer's maximum potential outcome payment. The flag points at the commitment row and names
/// the payment that crossed the cap.
/// </summary>
public sealed class PaymentExceedsCommitmentRule(PaymentExceedsCommitmentOptions? options = null) : IAnomalyRule
{
    private readonly PaymentExceedsCommitmentOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.PaymentExceedsCommitment;

    /// <inheritdoc />
    public string Description => $"Actual payments by a payer to a project exceed its maximum potential outcome payment by more than {Text.Percent((double)_options.Tolerance)}.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var commitments = dataset.Commitments.Where(c => c.MaxPotentialPayment is { Amount: > 0 }).ToList();
        var byProjectCurrency = commitments.GroupBy(c => (c.ProjectId, c.MaxPotentialPayment!.Value.Currency)).ToDictionary(g => g.Key, g => g.ToList());
        var paid = new Dictionary<FundingCommitment, List<OutcomePayment>>();
        foreach (var p in dataset.Payments.Where(RuleData.IsActual))
        {
            var money = p.Amount!.Value;
            if (!byProjectCurrency.TryGetValue((p.ProjectId, money.Currency), out var candidates))
            {
                continue;
            }

            var payer = RuleData.Norm(p.PayerId);
            // A payment with no payer belongs to the commitment with no organisation (INDIGO leaves both empty for an
            // outcome fund's share); failing that, to the project's only commitment in that currency.
            var target = payer is not null
                ? candidates.Where(c => RuleData.Norm(c.OrganisationId) == payer).ToList()
                : !_options.AttributeUnnamedPayer ? []
                : candidates.Where(c => RuleData.Norm(c.OrganisationId) is null).ToList() is { Count: 1 } unnamed ? unnamed : candidates;
            if (target.Count != 1)
            {
                continue;
            }

            if (!paid.TryGetValue(target[0], out var list))
            {
                paid[target[0]] = list = [];
            }

            list.Add(p);
        }

        foreach (var c in commitments)
        {
            var cap = c.MaxPotentialPayment!.Value;
            var limit = cap.Amount * (1 + _options.Tolerance);
            var payments = paid.TryGetValue(c, out var l) ? l : [];
            var total = payments.Sum(p => p.Amount!.Value.Amount);
            if (total > limit)
            {
                var ordered = payments.OrderBy(p => p.PaidAt ?? DateTimeOffset.MaxValue).ThenBy(p => p.PeriodEnd?.LastDay ?? DateOnly.MaxValue).ToList();
                decimal running = 0;
                OutcomePayment? crossing = null;
                foreach (var p in ordered)
                {
                    running += p.Amount!.Value.Amount;
                    if (running > limit)
                    {
                        crossing = p;
                        break;
                    }
                }

                var over = (double)((total - cap.Amount) / cap.Amount);
                var payer = c.OrganisationId ?? "the outcome payer";
                yield return Flag.At(Kind, c.ProjectId, c.Provenance, 0.5 + (0.5 * Math.Min(1, over / 0.5)),
                    $"{payer} made {payments.Count} actual payments to project {c.ProjectId} totalling {Text.Money(total, cap.Currency)}, " +
                    $"{Text.Percent(over)} above its maximum potential outcome payment of {Text.Money(cap)}" +
                    (crossing is null ? "." : $"; the payment at {Text.Where(crossing.Provenance)} crossed the cap."));
            }
            else if (_options.CheckReportedTotals && c.TotalPaymentsMade is { } made && made.Currency == cap.Currency && made.Amount > limit)
            {
                var over = (double)((made.Amount - cap.Amount) / cap.Amount);
                yield return Flag.At(Kind, c.ProjectId, c.Provenance, 0.5 + (0.5 * Math.Min(1, over / 0.5)),
                    $"The commitment of {c.OrganisationId ?? "an outcome payer"} to project {c.ProjectId} reports total outcome payments made of {Text.Money(made)}, " +
                    $"{Text.Percent(over)} above its own maximum potential outcome payment of {Text.Money(cap)}.");
            }
        }
    }
}

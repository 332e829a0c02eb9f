using System.Globalization;
using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>
/// Injects labelled anomalies of every kind into a clean dataset, including subtle ones (a price inflated 1.5x
/// to 3x, payments 3-8% over the cap, bursts of split payments just under the approval threshold), and
/// returns the new dataset with its ground truth. Records are modified in place or appended at the end of
/// their file, so the <c>file:row</c> keys of the labels stay valid when the dataset is written in list order.
/// </summary>
public static class AnomalyInjector
{
    private const string PaymentsFile = "projects_outcome_payments.csv";

    /// <summary>
    /// A labelled scenario without the generator: a clean synthetic dataset of <paramref name="projects"/> projects
    /// (every payment priced, covered, on time and within its cap) with anomalies injected at <paramref name="rate"/>, both seeded by <paramref name="seed"/>.
    /// </summary>
    public static InjectedDataset Synthetic(int seed = 1, int projects = 40, double rate = 0.05) =>
        Inject(SyntheticCollab.Build(seed, projects), new AnomalyInjectorOptions(Seed: seed, Rate: rate));

    /// <summary>Injects anomalies into <paramref name="clean"/> as <paramref name="options"/> say (defaults: seed 1, rate 0.05, all kinds).</summary>
    public static InjectedDataset Inject(CollabDataset clean, AnomalyInjectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clean);
        var o = options ?? new AnomalyInjectorOptions();
        var state = new State(clean, o);
        var kinds = (o.Kinds ?? AnomalyInjectorOptions.AllKinds).ToList();
        var unknown = kinds.Except(AnomalyInjectorOptions.AllKinds).ToList();
        if (unknown.Count > 0)
        {
            throw new CollabInsightsException($"Unknown anomaly kind(s) {string.Join(", ", unknown)}; use any of {string.Join(", ", AnomalyInjectorOptions.AllKinds)}.");
        }

        var actual = clean.Payments.Count(RuleData.IsActual);
        var perKind = Math.Max(o.MinPerKind, (int)Math.Round(o.Rate * actual / Math.Max(1, kinds.Count)));
        // The cap breach goes last so that its "x% over" is measured on the final payments.
        foreach (var kind in kinds.OrderBy(k => k == FlagKinds.PaymentExceedsCommitment ? 1 : 0).ThenBy(k => AnomalyInjectorOptions.AllKinds.ToList().IndexOf(k)))
        {
            for (var i = 0; i < perKind; i++)
            {
                state.InjectOne(kind, subtle: i % 2 == 0);
            }
        }

        return state.Result();
    }

    private sealed class State(CollabDataset clean, AnomalyInjectorOptions o)
    {
        private const int MinPricedPeriods = 3;

        private readonly Random _rng = new(o.Seed);
        private readonly List<OutcomePayment> _payments = [.. clean.Payments];
        private readonly List<OutcomeResult> _results = [.. clean.Results];
        private readonly List<OutcomePricing> _pricings = [.. clean.Pricings];
        private readonly List<FundingCommitment> _commitments = [.. clean.Commitments];
        private readonly List<DataProblem> _problems = [];
        private readonly List<AnomalyLabel> _labels = [];
        private readonly HashSet<string> _used = [];
        private readonly HashSet<string> _capProjects = [];

        // Metrics whose pricing was inflated: later injections leave their payments and results alone, so the
        // price stays measurable against what was paid per outcome.
        private readonly HashSet<(string Project, string? Metric)> _pricedMetrics = [];

        public InjectedDataset Result() => new(
            clean with { Payments = _payments, Results = _results, Pricings = _pricings, Commitments = _commitments },
            _problems,
            _labels.OrderBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.RecordKey, StringComparer.Ordinal).ToList());

        public void InjectOne(string kind, bool subtle)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (TryInject(kind, subtle))
                {
                    return;
                }
            }
        }

        // Plants one anomaly of the kind; false when no record suits it (the caller tries another).
        private bool TryInject(string kind, bool subtle) => kind switch
        {
            FlagKinds.DuplicatePayment => InjectDuplicatePayment(),
            FlagKinds.PaymentWithoutResult => InjectPaymentWithoutResult(subtle),
            FlagKinds.PaidBeforePeriodEnd => InjectPaidBeforePeriodEnd(subtle),
            FlagKinds.SelfValidation => InjectSelfValidation(),
            FlagKinds.ResultsInconsistent => InjectResultsInconsistent(subtle),
            FlagKinds.PriceOutlier => InjectPriceOutlier(),
            FlagKinds.SplitPayment => InjectSplitPayment(),
            FlagKinds.InvalidValue => InjectInvalidValue(subtle),
            FlagKinds.MlOutlier => InjectMlOutlier(),
            FlagKinds.PaymentExceedsCommitment => InjectPaymentExceedsCommitment(subtle),
            _ => false,
        };

        private bool InjectDuplicatePayment()
        {
            if (PickPayment() is not { } i)
            {
                return false;
            }

            var p = _payments[i];
            if (!Fits(p, p.Amount!.Value.Amount))
            {
                return false;
            }

            var copy = Append(p);
            _used.Add(RecordKey.Of(p.Provenance));
            Label(FlagKinds.DuplicatePayment, copy, true, $"payment {RecordKey.Of(p.Provenance)} entered a second time");
            return true;
        }

        private bool InjectPaymentWithoutResult(bool subtle)
        {
            if (PickPayment() is not { } i || _payments[i].PeriodEnd is not { } end || _payments[i].PeriodStart is not { } start)
            {
                return false;
            }

            var p = _payments[i];
            var metric = p.MetricId;
            var latest = _results.Where(r => r.ProjectId == p.ProjectId && r.MetricId == metric && r.PeriodEnd is not null).Select(r => r.PeriodEnd!.Value.LastDay).DefaultIfEmpty(end.LastDay).Max();
            var newStart = latest.AddDays(1);
            var newEnd = newStart.AddMonths(3).AddDays(-1);
            var periodStart = PartialDate.OfMonth(newStart.Year, newStart.Month);
            if (!Fits(p, p.Amount!.Value.Amount)
                || _payments.Any(q => q.ProjectId == p.ProjectId && RuleData.Norm(q.MetricId) == RuleData.Norm(metric) && q.PeriodStart == periodStart && RuleData.IsActual(q)))
            {
                // Another payment already pays that later quarter (an earlier injection): a second one would be an unlabelled duplicate.
                return false;
            }

            var added = Append(p with
            {
                PeriodStart = periodStart,
                PeriodEnd = PartialDate.OfMonth(newEnd.Year, newEnd.Month),
                PaidAt = new DateTimeOffset(newEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(30),
            });
            _used.Add(RecordKey.Of(p.Provenance));
            Label(FlagKinds.PaymentWithoutResult, added, subtle, $"payment for {metric} over a quarter after the last reported result");
            return true;
        }

        private bool InjectPaidBeforePeriodEnd(bool subtle)
        {
            if (PickPayment() is not { } i || _payments[i].PeriodEnd is not { } end)
            {
                return false;
            }

            var days = subtle ? _rng.Next(3, 15) : _rng.Next(30, 80);
            var paidAt = new DateTimeOffset(end.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-days);
            _payments[i] = _payments[i] with { PaidAt = paidAt };
            Label(FlagKinds.PaidBeforePeriodEnd, _payments[i], subtle, $"paid {days} days before the period ended");
            return true;
        }

        private bool InjectSelfValidation()
        {
            if (PickResult() is not { } i)
            {
                return false;
            }

            var r = _results[i];
            var recipient = _payments.FirstOrDefault(p => p.ProjectId == r.ProjectId && p.RecipientId is not null)?.RecipientId;
            if (recipient is null)
            {
                return false;
            }

            _results[i] = r with { Validator = recipient };
            Label(FlagKinds.SelfValidation, _results[i], false, $"validator replaced by the payment recipient {recipient}");
            return true;
        }

        private bool InjectResultsInconsistent(bool subtle)
        {
            if (PickResult() is not { } i || _results[i].NumberEngaged is not { } engaged)
            {
                return false;
            }

            var extra = Math.Max(1, Math.Round(engaged * (decimal)(subtle ? 0.01 + (_rng.NextDouble() * 0.05) : 0.2 + (_rng.NextDouble() * 0.5))));
            _results[i] = _results[i] with { OutcomesAchieved = engaged + extra };
            Label(FlagKinds.ResultsInconsistent, _results[i], subtle, $"outcomes achieved set to {engaged + extra} with {engaged} engaged");
            return true;
        }

        private bool InjectPriceOutlier()
        {
            var candidates = Enumerable.Range(0, _pricings.Count).Where(i => !_used.Contains(RecordKey.Of(_pricings[i].Provenance)) && _pricings[i].PricePerUnit is not null).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var i = candidates[_rng.Next(candidates.Count)];
            if (PaidAtPricePeriods(_pricings[i]) < MinPricedPeriods)
            {
                // A price nobody has paid against yet is only comparable with other metrics' prices, whose spread
                // (3x and more for the same outcome) hides a 1.5x inflation: not a fair label for any detector.
                _used.Add(RecordKey.Of(_pricings[i].Provenance));
                return false;
            }

            _pricedMetrics.Add((_pricings[i].ProjectId, RuleData.Norm(_pricings[i].MetricId)));
            var factor = (decimal)(1.5 + (_rng.NextDouble() * 1.5));
            var p = _pricings[i];
            _pricings[i] = p with
            {
                PricePerUnit = new Money(decimal.Round(p.PricePerUnit!.Value.Amount * factor, 0), p.PricePerUnit.Value.Currency),
                PricePerUnitUsd = p.PricePerUnitUsd is { } usd ? decimal.Round(usd * factor, 2) : null,
            };
            Label(FlagKinds.PriceOutlier, _pricings[i], true, string.Create(CultureInfo.InvariantCulture, $"price per outcome inflated {factor:0.00}x"));
            return true;
        }

        private bool InjectSplitPayment()
        {
            if (PickPayment() is not { } i)
            {
                return false;
            }

            var p = _payments[i];
            var count = _rng.Next(2, 5);
            var amounts = Enumerable.Range(0, count).Select(_ => decimal.Round(o.ApprovalThreshold * (decimal)(1 - (0.002 + (_rng.NextDouble() * 0.08))), 2)).Distinct().ToList();
            if (amounts.Count < 2 || !Fits(p, amounts.Sum() - p.Amount!.Value.Amount))
            {
                return false;
            }

            var currency = p.Amount!.Value.Currency;
            var rate = p.AmountUsd is { } usd && p.Amount.Value.Amount != 0 ? usd / p.Amount.Value.Amount : (decimal?)null;
            _payments[i] = p with { Amount = new Money(amounts[0], currency), AmountUsd = rate is null ? null : decimal.Round(amounts[0] * rate.Value, 2) };
            Label(FlagKinds.SplitPayment, _payments[i], true, $"payment split into {amounts.Count} just under the threshold");
            var at = p.PaidAt ?? DateTimeOffset.UnixEpoch;
            for (var k = 1; k < amounts.Count; k++)
            {
                var part = Append(p with { Amount = new Money(amounts[k], currency), AmountUsd = rate is null ? null : decimal.Round(amounts[k] * rate.Value, 2), PaidAt = at.AddDays(k * _rng.Next(1, 6)) });
                Label(FlagKinds.SplitPayment, part, true, $"part {k + 1} of a payment split into {amounts.Count}");
            }

            return true;
        }

        private bool InjectInvalidValue(bool subtle)
        {
            if (PickResult() is not { } i || _results[i].PeriodStart is not { } start)
            {
                return false;
            }

            var r = _results[i];
            var bad = subtle ? $"{start.Year:D4}-13" : $"{start.Year:D4}/{start.Month ?? 1:D2}/31";
            _results[i] = r with { PeriodStart = null };
            var f = (FileProvenance)r.Provenance;
            _problems.Add(new DataProblem(f.File, f.Row, "Period - Start - (Value)", bad, subtle ? "month 13 does not exist (expected 01 to 12)" : "not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", ProblemSeverity.Invalid));
            Label(FlagKinds.InvalidValue, _results[i], subtle, $"period start replaced by '{bad}'");
            return true;
        }

        private bool InjectMlOutlier()
        {
            if (PickPayment() is not { } i)
            {
                return false;
            }

            var p = _payments[i];
            if (!PaidAtPrice(p))
            {
                // A payment cut at its metric's cap, inflated, can still be below price x outcomes: the label would not be true.
                return false;
            }

            var factor = (decimal)(1.5 + (_rng.NextDouble() * 1.5));
            var amount = decimal.Round(p.Amount!.Value.Amount * factor, 2);
            if (amount >= o.ApprovalThreshold * 0.9m && amount < o.ApprovalThreshold)
            {
                return false;
            }

            if (!Fits(p, amount - p.Amount.Value.Amount))
            {
                return false;
            }

            _payments[i] = p with { Amount = new Money(amount, p.Amount.Value.Currency), AmountUsd = p.AmountUsd is { } usd ? decimal.Round(usd * factor, 2) : null };
            Label(FlagKinds.MlOutlier, _payments[i], true, string.Create(CultureInfo.InvariantCulture, $"amount inflated {factor:0.00}x over price x outcomes"));
            return true;
        }

        private bool InjectPaymentExceedsCommitment(bool subtle)
        {
            var candidates = Enumerable.Range(0, _commitments.Count).Where(i => !_used.Contains(RecordKey.Of(_commitments[i].Provenance)) && _commitments[i].MaxPotentialPayment is not null).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var i = candidates[_rng.Next(candidates.Count)];
            var c = _commitments[i];
            var total = PaidBy(c.ProjectId, c.OrganisationId, c.MaxPotentialPayment!.Value.Currency);
            if (total <= 0)
            {
                return false;
            }

            var over = subtle ? 0.03 + (_rng.NextDouble() * 0.05) : 0.1 + (_rng.NextDouble() * 0.4);
            var max = decimal.Round(total / (decimal)(1 + over), 2);
            _commitments[i] = c with
            {
                MaxPotentialPayment = new Money(max, c.MaxPotentialPayment.Value.Currency),
                MaxPotentialPaymentUsd = c.MaxPotentialPaymentUsd is { } usd ? decimal.Round(usd * max / c.MaxPotentialPayment.Value.Amount, 2) : null,
            };
            _capProjects.Add(c.ProjectId);
            Label(FlagKinds.PaymentExceedsCommitment, _commitments[i], subtle, string.Create(CultureInfo.InvariantCulture, $"cap lowered so payments are {over:P1} over it"));
            return true;
        }

        private int? PickPayment()
        {
            var candidates = Enumerable.Range(0, _payments.Count)
                .Where(i => RuleData.IsActual(_payments[i]) && !_used.Contains(RecordKey.Of(_payments[i].Provenance)) && !_pricedMetrics.Contains((_payments[i].ProjectId, RuleData.Norm(_payments[i].MetricId))))
                .ToList();
            return candidates.Count == 0 ? null : candidates[_rng.Next(candidates.Count)];
        }

        private int? PickResult()
        {
            var candidates = Enumerable.Range(0, _results.Count)
                .Where(i => !_used.Contains(RecordKey.Of(_results[i].Provenance)) && !_pricedMetrics.Contains((_results[i].ProjectId, RuleData.Norm(_results[i].MetricId))))
                .ToList();
            return candidates.Count == 0 ? null : candidates[_rng.Next(candidates.Count)];
        }

        /// <summary>True when all payments for <paramref name="payment"/>'s metric and period together are within 5% of its price x the outcomes achieved in that period.</summary>
        private bool PaidAtPrice(OutcomePayment payment)
        {
            var metric = RuleData.Norm(payment.MetricId);
            if (_pricings.FirstOrDefault(x => x.ProjectId == payment.ProjectId && RuleData.Norm(x.MetricId) == metric && x.PricePerUnit is not null) is not { } pricing
                || pricing.PricePerUnit!.Value.Currency != payment.Amount!.Value.Currency)
            {
                return false;
            }

            var achieved = _results.Where(r => r.ProjectId == payment.ProjectId && RuleData.Norm(r.MetricId) == metric && r.PeriodStart == payment.PeriodStart && r.PeriodEnd == payment.PeriodEnd).Sum(r => r.OutcomesAchieved ?? 0);
            var paid = _payments.Where(q => RuleData.IsActual(q) && q.ProjectId == payment.ProjectId && RuleData.Norm(q.MetricId) == metric && q.PeriodStart == payment.PeriodStart && q.PeriodEnd == payment.PeriodEnd).Sum(q => q.Amount!.Value.Amount);
            var expected = achieved * pricing.PricePerUnit.Value.Amount;
            return expected > 0 && Math.Abs(paid - expected) <= 0.05m * expected;
        }

        /// <summary>Periods of the pricing's metric whose actual payments (all payers, the pricing's currency) are within 5% of its price x the outcomes achieved.</summary>
        private int PaidAtPricePeriods(OutcomePricing pricing)
        {
            var metric = RuleData.Norm(pricing.MetricId);
            var price = pricing.PricePerUnit!.Value;
            var achieved = _results.Where(r => r.ProjectId == pricing.ProjectId && RuleData.Norm(r.MetricId) == metric && r.OutcomesAchieved is > 0 && r.PeriodStart is not null)
                .GroupBy(r => (r.PeriodStart, r.PeriodEnd)).ToDictionary(g => g.Key, g => g.Sum(r => r.OutcomesAchieved!.Value));
            return _payments.Where(p => RuleData.IsActual(p) && p.ProjectId == pricing.ProjectId && RuleData.Norm(p.MetricId) == metric && p.Amount!.Value.Currency == price.Currency)
                .GroupBy(p => (p.PeriodStart, p.PeriodEnd))
                .Count(g => achieved.TryGetValue(g.Key, out var n) && Math.Abs(g.Sum(p => p.Amount!.Value.Amount) - (n * price.Amount)) <= 0.05m * n * price.Amount);
        }

        private decimal PaidBy(string project, string? payer, string currency) =>
            _payments.Where(p => RuleData.IsActual(p) && p.ProjectId == project && RuleData.Norm(p.PayerId) == RuleData.Norm(payer) && p.Amount!.Value.Currency == currency).Sum(p => p.Amount!.Value.Amount);

        /// <summary>True when adding <paramref name="extra"/> to the payer's total keeps it within the cap (no unlabelled breach).</summary>
        private bool Fits(OutcomePayment p, decimal extra)
        {
            if (_capProjects.Contains(p.ProjectId))
            {
                return false;
            }

            var currency = p.Amount!.Value.Currency;
            var caps = _commitments.Where(c => c.ProjectId == p.ProjectId && RuleData.Norm(c.OrganisationId) == RuleData.Norm(p.PayerId) && c.MaxPotentialPayment?.Currency == currency).ToList();
            return caps.Count == 0 || PaidBy(p.ProjectId, p.PayerId, currency) + extra <= caps.Min(c => c.MaxPotentialPayment!.Value.Amount) * 0.98m;
        }

        private OutcomePayment Append(OutcomePayment p)
        {
            var row = _payments.Count(x => x.Provenance is FileProvenance f && f.File == PaymentsFile) + 1;
            var added = p with { Provenance = new FileProvenance(PaymentsFile, row) };
            _payments.Add(added);
            return added;
        }

        private void Label(string kind, OutcomePayment p, bool subtle, string detail) => AddLabel(kind, p.Provenance, p.ProjectId, subtle, detail);

        private void Label(string kind, OutcomeResult r, bool subtle, string detail) => AddLabel(kind, r.Provenance, r.ProjectId, subtle, detail);

        private void Label(string kind, OutcomePricing r, bool subtle, string detail) => AddLabel(kind, r.Provenance, r.ProjectId, subtle, detail);

        private void Label(string kind, FundingCommitment c, bool subtle, string detail) => AddLabel(kind, c.Provenance, c.ProjectId, subtle, detail);

        private void AddLabel(string kind, Provenance provenance, string project, bool subtle, string detail)
        {
            var key = RecordKey.Of(provenance);
            _used.Add(key);
            _labels.Add(new AnomalyLabel(kind, key, project, subtle, detail));
        }
    }
}

using CollabInsights.Anomalies.Rules;
using CollabInsights.Domain;
using static CollabInsights.Anomalies.Tests.TestData;

namespace CollabInsights.Anomalies.Tests;

public class RuleTests
{
    [Fact]
    public void Payment_above_commitment_cap_is_flagged_at_the_commitment_naming_the_crossing_payment()
    {
        var data = With(payments: [Pay(1, 600_000, month: 3), Pay(2, 450_000, month: 6)], commitments: [Commitment(1, 1_000_000)]);
        var flags = new PaymentExceedsCommitmentRule().Evaluate(data, []).ToList();
        var flag = Assert.Single(flags);
        Assert.Equal("payment_exceeds_commitment", flag.Kind);
        Assert.Equal(("projects_outcome_payment_commitments.csv", 1), (flag.File, flag.Row!.Value));
        Assert.Contains("1,050,000.00 GBP", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("5%", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("projects_outcome_payments.csv:2", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Payments_within_the_cap_or_in_another_currency_are_not_flagged()
    {
        var data = With(payments: [Pay(1, 600_000), Pay(2, 400_000), Pay(3, 900_000, currency: "USD")], commitments: [Commitment(1, 1_000_000)]);
        Assert.Empty(new PaymentExceedsCommitmentRule().Evaluate(data, []));
        Assert.Empty(new PaymentExceedsCommitmentRule(new(Tolerance: 0.10m)).Evaluate(With(payments: [Pay(1, 1_050_000)], commitments: [Commitment(1, 1_000_000)]), []));
    }

    [Fact]
    public void Commitment_reporting_more_paid_than_its_maximum_is_flagged()
    {
        var flag = Assert.Single(new PaymentExceedsCommitmentRule().Evaluate(With(commitments: [Commitment(3, 100, made: 120)]), []));
        Assert.Equal(3, flag.Row);
        Assert.Contains("20%", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_identical_payment_is_flagged_as_duplicate_of_the_first()
    {
        var flag = Assert.Single(new DuplicatePaymentRule().Evaluate(With(payments: [Pay(1, 5000), Pay(2, 7000), Pay(3, 5000)]), []));
        Assert.Equal(3, flag.Row);
        Assert.Contains("projects_outcome_payments.csv:1", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_amount_for_another_period_is_not_a_duplicate()
    {
        Assert.Empty(new DuplicatePaymentRule().Evaluate(With(payments: [Pay(1, 5000, month: 3), Pay(2, 5000, month: 6)]), []));
    }

    [Fact]
    public void Payment_for_a_period_without_result_is_flagged()
    {
        var data = With(payments: [Pay(1, 5000, month: 3), Pay(2, 5000, month: 9)], results: [Result(1, month: 3)]);
        var flag = Assert.Single(new PaymentWithoutResultRule().Evaluate(data, []));
        Assert.Equal(2, flag.Row);
        Assert.Contains("cover other periods", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_covered_by_a_result_is_not_flagged()
    {
        Assert.Empty(new PaymentWithoutResultRule().Evaluate(With(payments: [Pay(1, 5000, month: 3)], results: [Result(1, month: 3)]), []));
    }

    [Fact]
    public void Payment_made_before_its_period_ended_is_flagged()
    {
        var early = Pay(1, 5000, month: 3, paidAt: new DateTimeOffset(2020, 3, 10, 0, 0, 0, TimeSpan.Zero));
        var flag = Assert.Single(new PaidBeforePeriodEndRule().Evaluate(With(payments: [early]), []));
        Assert.Contains("21 day(s) before", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_after_the_period_or_without_a_time_is_not_flagged()
    {
        var late = Pay(1, 5000, month: 3, paidAt: new DateTimeOffset(2020, 4, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(new PaidBeforePeriodEndRule().Evaluate(With(payments: [late, Pay(2, 100)]), []));
    }

    [Fact]
    public void Validator_who_is_the_payment_recipient_is_flagged()
    {
        var data = With(payments: [Pay(1, 5000)], results: [Result(1, validator: "prov"), Result(2, validator: "Independent Evaluators Ltd")]);
        var flag = Assert.Single(new SelfValidationRule().Evaluate(data, []));
        Assert.Equal(("projects_results.csv", 1), (flag.File, flag.Row!.Value));
    }

    [Fact]
    public void Validator_named_like_the_recipient_organisation_is_flagged_by_name()
    {
        var data = With(payments: [Pay(1, 5000)], results: [Result(1, validator: "Provider Charity")],
            organisations: [new Organisation("PROV", "Provider Charity", null, null, Row("organisations.csv", 1))]);
        Assert.Single(new SelfValidationRule().Evaluate(data, []));
        Assert.Empty(new SelfValidationRule(new(MatchOrganisationNames: false)).Evaluate(data, []));
    }

    [Fact]
    public void More_outcomes_than_people_engaged_is_inconsistent()
    {
        var data = With(results: [Result(1, achieved: 25, engaged: 20), Result(2, achieved: 20, engaged: 20)]);
        var flag = Assert.Single(new ResultsInconsistentRule().Evaluate(data, []));
        Assert.Equal(1, flag.Row);
        Assert.Contains("25 outcomes achieved but only 20 people engaged", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_far_above_comparable_metrics_is_flagged_with_its_z_score()
    {
        var prices = new[] { 1000m, 1020m, 980m, 1010m, 990m, 1005m, 6000m };
        var metrics = prices.Select((_, i) => new OutcomeMetric($"P{i}", "m1", "Sustained employment", "Employment", null, null, Row("projects_outcome_metrics.csv", i + 1))).ToList();
        var pricings = prices.Select((p, i) => new OutcomePricing($"P{i}", "m1", new Money(p, "GBP"), null, null, Row("projects_outcome_pricings.csv", i + 1))).ToList();
        var flag = Assert.Single(new PriceOutlierRule().Evaluate(With(pricings: pricings, metrics: metrics), []));
        Assert.Equal(7, flag.Row);
        Assert.Contains("5.97 times the median of 1005 GBP", flag.Reason, StringComparison.Ordinal);
        Assert.Empty(new PriceOutlierRule(new(MinGroupSize: 8)).Evaluate(With(pricings: pricings, metrics: metrics), []));
    }

    [Fact]
    public void A_price_twice_its_peers_is_within_the_ordinary_spread_and_not_flagged_by_the_peer_check()
    {
        var prices = new[] { 1000m, 1020m, 980m, 1010m, 990m, 1005m, 2000m };
        var metrics = prices.Select((_, i) => new OutcomeMetric($"P{i}", "m1", "Sustained employment", "Employment", null, null, Row("projects_outcome_metrics.csv", i + 1))).ToList();
        var pricings = prices.Select((p, i) => new OutcomePricing($"P{i}", "m1", new Money(p, "GBP"), null, null, Row("projects_outcome_pricings.csv", i + 1))).ToList();
        Assert.Empty(new PriceOutlierRule().Evaluate(With(pricings: pricings, metrics: metrics), []));
        Assert.Single(new PriceOutlierRule(new(MinRatio: 1.5)).Evaluate(With(pricings: pricings, metrics: metrics), []));
    }

    [Fact]
    public void Price_above_what_its_payments_imply_per_outcome_is_flagged()
    {
        // Three quarters paid 10 outcomes x 1000 GBP, but the pricing says 1600 GBP per outcome.
        var results = new[] { Result(1, month: 3, achieved: 10), Result(2, month: 6, achieved: 10), Result(3, month: 9, achieved: 10) };
        var payments = new[] { Pay(1, 10_000m, month: 3), Pay(2, 10_000m, month: 6), Pay(3, 10_000m, month: 9) };
        var inflated = new OutcomePricing("P1", "m1", new Money(1600m, "GBP"), null, null, Row("projects_outcome_pricings.csv", 1));
        var flag = Assert.Single(new PriceOutlierRule().Evaluate(With(payments: payments, results: results, pricings: [inflated]), []));
        Assert.Equal(("projects_outcome_pricings.csv", 1), (flag.File, flag.Row!.Value));
        Assert.Contains("imply 1,000.00 GBP per outcome achieved in 3 of 3 paid periods", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("1.6 times what was paid", flag.Reason, StringComparison.Ordinal);

        var honest = inflated with { PricePerUnit = new Money(1000m, "GBP") };
        Assert.Empty(new PriceOutlierRule().Evaluate(With(payments: payments, results: results, pricings: [honest]), []));
    }

    [Fact]
    public void Periods_that_disagree_on_the_price_per_outcome_do_not_judge_the_price()
    {
        var results = new[] { Result(1, month: 3, achieved: 10), Result(2, month: 6, achieved: 10) };
        var payments = new[] { Pay(1, 10_000m, month: 3), Pay(2, 16_000m, month: 6) };
        var pricing = new OutcomePricing("P1", "m1", new Money(1600m, "GBP"), null, null, Row("projects_outcome_pricings.csv", 1));
        Assert.Empty(new PriceOutlierRule().Evaluate(With(payments: payments, results: results, pricings: [pricing]), []));
    }

    [Fact]
    public void Payments_without_a_payer_count_against_the_commitment_without_an_organisation()
    {
        // A fund project: the commissioner's commitment names it, the fund's leaves the organisation empty, as do its payments.
        var commitments = new[] { Commitment(1, 100_000m), Commitment(2, 50_000m, payer: null!) };
        var payments = new[] { Pay(1, 60_000m), Pay(2, 30_000m, payer: null!, month: 6), Pay(3, 30_000m, payer: null!, month: 9) };
        var flag = Assert.Single(new PaymentExceedsCommitmentRule().Evaluate(With(payments: payments, commitments: commitments), []));
        Assert.Equal(2, flag.Row);
        Assert.Contains("60,000.00 GBP", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Prices_close_to_their_peers_are_not_flagged()
    {
        var prices = new[] { 1000m, 1020m, 980m, 1010m, 990m, 1005m, 1030m };
        var metrics = prices.Select((_, i) => new OutcomeMetric($"P{i}", "m1", "Sustained employment", "Employment", null, null, Row("projects_outcome_metrics.csv", i + 1))).ToList();
        var pricings = prices.Select((p, i) => new OutcomePricing($"P{i}", "m1", new Money(p, "GBP"), null, null, Row("projects_outcome_pricings.csv", i + 1))).ToList();
        Assert.Empty(new PriceOutlierRule().Evaluate(With(pricings: pricings, metrics: metrics), []));
    }

    [Fact]
    public void Burst_of_payments_just_under_the_threshold_is_flagged_as_split()
    {
        var at = new DateTimeOffset(2020, 4, 10, 0, 0, 0, TimeSpan.Zero);
        var data = With(payments: [Pay(1, 99_000, paidAt: at), Pay(2, 97_500, paidAt: at.AddDays(3)), Pay(3, 95_000, paidAt: at.AddDays(6)), Pay(4, 99_500, metric: "m2", paidAt: at)]);
        var flags = new SplitPaymentRule().Evaluate(data, []).ToList();
        Assert.Equal([1, 2, 3], flags.Select(f => f.Row!.Value).Order());
        Assert.Contains("one of 3 payments", flags[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Payments_under_the_threshold_far_apart_or_far_below_are_not_split()
    {
        var at = new DateTimeOffset(2020, 4, 10, 0, 0, 0, TimeSpan.Zero);
        Assert.Empty(new SplitPaymentRule().Evaluate(With(payments: [Pay(1, 99_000, paidAt: at), Pay(2, 98_000, paidAt: at.AddDays(90))]), []));
        Assert.Empty(new SplitPaymentRule().Evaluate(With(payments: [Pay(1, 50_000, paidAt: at), Pay(2, 60_000, paidAt: at.AddDays(1))]), []));
    }

    [Fact]
    public void Loader_problems_become_invalid_value_flags_at_their_row()
    {
        var problems = new[]
        {
            new DataProblem("projects_results.csv", 2, "Period - Start - (Value)", "2018-13", "month 13 does not exist", ProblemSeverity.Invalid),
            new DataProblem("projects.csv", 5, "Max", "$10", "normalised", ProblemSeverity.Warning),
        };
        var flag = Assert.Single(new InvalidValueRule().Evaluate(With(results: [Result(2)]), problems));
        Assert.Equal(("invalid_value", "P1", "projects_results.csv", 2), (flag.Kind, flag.Project, flag.File, flag.Row!.Value));
        Assert.Contains("2018-13", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_dataset_raises_no_flag_from_any_rule()
    {
        var data = With(payments: [Pay(1, 5000, month: 3), Pay(2, 6000, month: 6)], results: [Result(1, month: 3), Result(2, month: 6)], commitments: [Commitment(1, 20_000)]);
        Assert.Empty(AnomalyRules.Run(data));
    }
}

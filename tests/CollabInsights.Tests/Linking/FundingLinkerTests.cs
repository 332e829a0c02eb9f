using CollabInsights.Linking;
using CollabInsights.Scenarios;

namespace CollabInsights.Tests.Linking;

public class FundingLinkerTests
{
    private static readonly FundingLinkResult Result = FundingLinker.Link(HandMadeScenario.Build());

    private static FundingLink Link(string project, string funder, string? metric, string currency) =>
        Assert.Single(Result.Links, l => l.ProjectId == project && l.FunderId == funder && l.MetricId == metric && l.Currency == currency);

    private static FunderProjectLink Funder(string project, string funder, string currency) =>
        Assert.Single(Result.Funders, l => l.ProjectId == project && l.FunderId == funder && l.Currency == currency);

    [Fact]
    public void As_of_defaults_to_the_end_of_the_latest_period_with_an_actual_payment()
    {
        // Latest actual payment period ends 2020-06 -> 2020-06-30.
        Assert.Equal(new DateOnly(2020, 6, 30), Result.AsOf);
    }

    [Fact]
    public void Metric_paid_in_full_with_usd_gives_hand_computed_figures()
    {
        var l = Link("P1", "ORG-C1", "m1", "GBP");
        // Actual: 10,000 + 10,000 = 20,000 GBP; USD 12,700 + 12,700 = 25,400.
        Assert.Equal(20_000m, l.PaidActual);
        Assert.Equal(25_400m, l.PaidActualUsd);
        // Planned: 12,000 x 3 = 36,000; due by 2020-06-30: the first two = 24,000; 20,000 - 24,000 = -4,000.
        Assert.Equal(36_000m, l.Planned);
        Assert.Equal(24_000m, l.PlannedDue);
        Assert.Equal(-4_000m, l.ActualMinusPlannedDue);
        // A Final result (20) exists, so the interim 10 + 12 are not added: outcomes = 20.
        Assert.Equal(20m, l.OutcomesAchieved);
        // 20,000 / 20 = 1,000 per outcome; 25,400 / 20 = 1,270 USD; cap 60,000: 20,000 / 60,000 = 0.3333.
        Assert.Equal(1_000m, l.CostPerOutcome);
        Assert.Equal(1_270m, l.CostPerOutcomeUsd);
        Assert.Equal(60_000m, l.MetricCap);
        Assert.Equal(1_000m, l.PricePerOutcome);
        Assert.Equal(0.3333m, l.ShareOfCapPaid);
        Assert.Equal(FunderKind.Organisation, l.FunderKind);
        Assert.Equal("Northshire Council", l.FunderName);
        Assert.Equal("Employment and training", l.PolicySector);
        // 3 planned + 2 actual rows; the untyped row 9 is excluded.
        Assert.Equal(5, l.PaymentRows);
    }

    [Fact]
    public void Provenance_lists_every_input_row_behind_a_metric_link_and_only_those()
    {
        var l = Link("P1", "ORG-C1", "m1", "GBP");
        Assert.Equal(
            [
                "projects_outcome_metrics.csv:1", "projects_outcome_payments.csv:1", "projects_outcome_payments.csv:2",
                "projects_outcome_payments.csv:5", "projects_outcome_payments.csv:6", "projects_outcome_payments.csv:7",
                "projects_outcome_pricings.csv:1", "projects_results.csv:3",
            ],
            l.Provenance);
    }

    [Fact]
    public void Usd_sum_is_empty_when_one_payment_lacks_its_usd_amount()
    {
        var l = Link("P1", "ORG-C1", "m2", "GBP");
        // 4,000 + 3,000 = 7,000 GBP; the 4,000 row has no USD, so no USD sum.
        Assert.Equal(7_000m, l.PaidActual);
        Assert.Null(l.PaidActualUsd);
        Assert.Null(l.CostPerOutcomeUsd);
        // No Final result: 8 + 6 = 14 outcomes; 7,000 / 14 = 500; 7,000 / 40,000 = 0.175.
        Assert.Equal(14m, l.OutcomesAchieved);
        Assert.Equal(500m, l.CostPerOutcome);
        Assert.Equal(0.175m, l.ShareOfCapPaid);
        // Planned 5,000 (due); 7,000 - 5,000 = 2,000 ahead of plan.
        Assert.Equal(2_000m, l.ActualMinusPlannedDue);
    }

    [Fact]
    public void Commitment_view_compares_what_a_funder_committed_with_what_it_paid()
    {
        var f = Funder("P1", "ORG-C1", "GBP");
        Assert.Equal(100_000m, f.MaxCommitted);
        Assert.Equal(127_000m, f.MaxCommittedUsd);
        // 20,000 + 7,000 = 27,000 paid; 27,000 / 100,000 = 0.27.
        Assert.Equal(27_000m, f.PaidActual);
        Assert.Equal(0.27m, f.ShareOfCommitmentPaid);
        // Planned 36,000 + 5,000 = 41,000; due 24,000 + 5,000 = 29,000; 27,000 - 29,000 = -2,000.
        Assert.Equal(41_000m, f.Planned);
        Assert.Equal(29_000m, f.PlannedDue);
        Assert.Equal(-2_000m, f.ActualMinusPlannedDue);
        // The commitment itself reports 30,000 paid: a discrepancy of 3,000 an analyst can see.
        Assert.Equal(30_000m, f.ReportedPaid);
        Assert.Contains("projects_outcome_payment_commitments.csv:1", f.Provenance);
    }

    [Fact]
    public void Payment_with_empty_payer_in_a_fund_project_goes_to_the_fund()
    {
        var l = Link("P2", "FUND-1", "m1", "EUR");
        Assert.Equal(FunderKind.OutcomeFund, l.FunderKind);
        Assert.Equal("Better Lives Fund", l.FunderName);
        Assert.StartsWith("payer empty", l.Attribution, StringComparison.Ordinal);
        // 4,000 EUR for 5 + 3 = 8 outcomes: 500 each; 4,320 USD / 8 = 540; 4,000 / 70,000 = 0.0571.
        Assert.Equal(4_000m, l.PaidActual);
        Assert.Equal(8m, l.OutcomesAchieved);
        Assert.Equal(500m, l.CostPerOutcome);
        Assert.Equal(540m, l.CostPerOutcomeUsd);
        Assert.Equal(0.0571m, l.ShareOfCapPaid);

        // The commitment that names no organisation is the fund's too: 4,000 / 20,000 = 0.2.
        var f = Funder("P2", "FUND-1", "EUR");
        Assert.Equal(20_000m, f.MaxCommitted);
        Assert.Equal(0.2m, f.ShareOfCommitmentPaid);
        Assert.Contains("projects_outcome_funds.csv:1", f.Provenance);
    }

    [Fact]
    public void Joint_payers_stay_one_funder_and_funders_costs_add_up_to_the_price()
    {
        var joint = Link("P2", "ORG-C2,ORG-C1", "m1", "EUR");
        Assert.Equal(FunderKind.JointOrganisations, joint.FunderKind);
        Assert.Equal("Health Board + Northshire Council", joint.FunderName);
        Assert.Equal(6_000m, joint.PaidActual);
        Assert.Equal(750m, joint.CostPerOutcome);

        var single = Link("P2", "ORG-C2", "m1", "EUR");
        Assert.Equal(750m, single.CostPerOutcome);
        Assert.Equal(0.0857m, single.ShareOfCapPaid);

        // 500 (fund) + 750 (ORG-C2) + 750 (joint) = 2,000 = the price per outcome.
        var total = Result.Links.Where(l => l.ProjectId == "P2" && l.MetricId == "m1").Sum(l => l.CostPerOutcome!.Value);
        Assert.Equal(2_000m, total);

        // The joint funder committed nothing by itself.
        Assert.Null(Funder("P2", "ORG-C2,ORG-C1", "EUR").MaxCommitted);
        Assert.Equal(0.12m, Funder("P2", "ORG-C2", "EUR").ShareOfCommitmentPaid);
    }

    [Fact]
    public void Currencies_are_never_summed_together()
    {
        // The 1,000 USD payment tied to no metric is its own row, not added to the fund's EUR.
        var usd = Link("P2", "FUND-1", null, "USD");
        Assert.Equal(1_000m, usd.PaidActual);
        Assert.Null(usd.OutcomesAchieved);
        Assert.Null(usd.CostPerOutcome);
        Assert.Equal(4_000m, Funder("P2", "FUND-1", "EUR").PaidActual);
        Assert.Equal(1_000m, Funder("P2", "FUND-1", "USD").PaidActual);
        Assert.Null(Funder("P2", "FUND-1", "USD").MaxCommitted);
    }

    [Fact]
    public void Rows_that_cannot_be_used_are_listed_with_the_reason()
    {
        var e = Assert.Single(Result.Excluded);
        Assert.Equal("projects_outcome_payments.csv:9", e.Provenance);
        Assert.Contains("neither Planned nor Actual", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_sorted_and_data_frames_keep_exact_decimals()
    {
        Assert.Equal(
            ["P1|ORG-C1|m1|GBP", "P1|ORG-C1|m2|GBP", "P2|FUND-1||USD", "P2|FUND-1|m1|EUR", "P2|ORG-C2|m1|EUR", "P2|ORG-C2,ORG-C1|m1|EUR"],
            Result.Links.Select(l => $"{l.ProjectId}|{l.FunderId}|{l.MetricId}|{l.Currency}"));
        var frame = Result.LinksFrame();
        Assert.Equal(Result.Links.Count, frame.Rows.Count);
        Assert.Equal(0.3333m, frame["share_of_cap_paid"][0]);
        Assert.Null(frame["paid_actual_usd"][1]);
        Assert.Equal(typeof(decimal), frame["paid_actual"].DataType);
        Assert.Equal(Result.Funders.Count, Result.FundersFrame().Rows.Count);
    }

    [Fact]
    public void Linking_a_generated_scenario_accounts_for_every_actual_payment()
    {
        var scenario = ScenarioGenerator.Generate(new ScenarioOptions { Projects = 20 });
        var result = FundingLinker.Link(scenario.Dataset);
        foreach (var (currency, total) in scenario.GroundTruth.ActualPaidByCurrency)
        {
            Assert.Equal(total, result.Links.Where(l => l.Currency == currency).Sum(l => l.PaidActual));
            Assert.Equal(total, result.Funders.Where(l => l.Currency == currency).Sum(l => l.PaidActual));
        }

        Assert.Empty(result.Excluded);
        Assert.DoesNotContain(result.Links, l => l.FunderKind == FunderKind.Unattributed);
        Assert.Contains(result.Links, l => l.FunderKind == FunderKind.OutcomeFund);
        // Every funder's reported total equals what its payments add up to.
        Assert.All(result.Funders, f => Assert.Equal(f.ReportedPaid, f.PaidActual));
    }
}

public class FundingLinkerCommitmentTests
{
    [Fact]
    public void Commitment_without_amount_or_currency_is_listed_apart_never_under_a_made_up_currency()
    {
        var d = HandMadeScenario.Build();
        var noAmount = new CollabInsights.Domain.FundingCommitment(
            "P9", "ORG-C2", CollabInsights.Domain.OrganisationRole.OutcomePayer, null, null, null, null, null, null,
            new CollabInsights.Domain.FileProvenance("projects_outcome_payment_commitments.csv", 4));
        var result = FundingLinker.Link(d with { Commitments = [.. d.Commitments, noAmount] });

        Assert.DoesNotContain(result.Funders, f => f.ProjectId == "P9");
        Assert.All(result.Funders, f => Assert.True(CollabInsights.Domain.Iso4217.IsKnown(f.Currency), f.Currency));
        var row = Assert.Single(result.WithoutCurrency);
        Assert.Equal(("P9", "ORG-C2", "commitment", "projects_outcome_payment_commitments.csv:4"), (row.ProjectId, row.FunderId, row.Kind, row.Provenance));
        Assert.Contains("no currency", row.Reason, StringComparison.Ordinal);
        Assert.Equal(1L, result.WithoutCurrencyFrame().Rows.Count);
        Assert.DoesNotContain(result.Excluded, e => e.Provenance.StartsWith("projects_outcome_payment_commitments.csv", StringComparison.Ordinal));
    }
}

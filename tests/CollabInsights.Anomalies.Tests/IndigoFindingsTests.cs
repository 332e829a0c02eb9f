using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Anomalies.Tests;

/// <summary>
/// Findings in the real INDIGO export (2025-05) that were first found by hand in the raw CSVs (pandas on the files),
/// then asserted here against the rules' output.
/// </summary>
public class IndigoFindingsTests
{
    private static readonly Lazy<Task<IReadOnlyList<Flag>>> Flags = new(async () =>
        AnomalyRules.Run((await IndigoSource.LoadAsync(RepoPaths.IndigoData).ConfigureAwait(false)) is var loaded ? loaded.Value : null!, loaded.Problems));

    [Fact]
    public async Task Project_0170_payer_0171_paid_630000_against_a_270000_commitment()
    {
        // projects_outcome_payment_commitments.csv row 337: INDIGO-POJ-0170, INDIGO-ORG-0171, max 270000 GBP.
        // projects_outcome_payments.csv rows 311-319: nine Actual GBP payments by INDIGO-ORG-0171 summing to 630000.
        var flag = Assert.Single(await Flags.Value, f => f.Kind == FlagKinds.PaymentExceedsCommitment && f.Project == "INDIGO-POJ-0170");
        Assert.Equal(("projects_outcome_payment_commitments.csv", 337), (flag.File, flag.Row!.Value));
        Assert.Contains("630,000.00 GBP", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("270,000.00 GBP", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_0184_payer_0171_paid_more_than_three_times_its_maximum()
    {
        // projects_outcome_payment_commitments.csv row 376: INDIGO-POJ-0184, INDIGO-ORG-0171, max 4248082 GBP;
        // its twelve Actual payments in projects_outcome_payments.csv (from row 1349) sum to 15147230 GBP.
        var flag = Assert.Single(await Flags.Value, f => f.Kind == FlagKinds.PaymentExceedsCommitment && f.Project == "INDIGO-POJ-0184");
        Assert.Equal(376, flag.Row);
        Assert.Contains("15,147,230.00 GBP", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_0135_reports_more_outcomes_than_people_engaged()
    {
        // projects_results.csv row 206: INDIGO-POJ-0135 outcomemetric1, outcomes achieved 273, number engaged 270.
        var flag = Assert.Single(await Flags.Value, f => f.Kind == FlagKinds.ResultsInconsistent);
        Assert.Equal(("INDIGO-POJ-0135", "projects_results.csv", 206), (flag.Project, flag.File, flag.Row!.Value));
        Assert.Contains("273 outcomes achieved but only 270 people engaged", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Month_13_to_16_period_starts_of_project_0001_are_invalid_value_flags()
    {
        // projects_results.csv rows 2-5: INDIGO-POJ-0001 period starts 2018-13, 2018-14, 2018-15, 2018-16.
        var flags = (await Flags.Value).Where(f => f.Kind == FlagKinds.InvalidValue && f.File == "projects_results.csv" && f.Row is >= 2 and <= 5).ToList();
        Assert.Equal([2, 3, 4, 5], flags.Select(f => f.Row!.Value).Distinct().Order());
        Assert.Contains(flags, f => f.Reason.Contains("2018-13", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_duplicate_actual_payment_rows_exist_in_the_export()
    {
        // Checked by hand: no two Actual rows of projects_outcome_payments.csv share project, payer, recipient, metric, period, currency and amount.
        Assert.DoesNotContain(await Flags.Value, f => f.Kind == FlagKinds.DuplicatePayment);
    }
}

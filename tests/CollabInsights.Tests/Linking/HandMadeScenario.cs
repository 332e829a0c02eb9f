using CollabInsights.Domain;

namespace CollabInsights.Tests.Linking;

/// <summary>
/// A small collaboration built by hand, whose linking figures are computed by hand in the tests.
/// P1 (GBP, Employment): ORG-C1 commits 100,000 and pays two metrics; one payment lacks its USD amount;
/// metric m1 has interim results 10 + 12 and a Final result of 20; one payment row has no type.
/// P2 (EUR, in fund FUND-1): ORG-C2 commits 50,000, an unnamed commitment 20,000; payments by ORG-C2, by
/// nobody (the fund), jointly by ORG-C2 and ORG-C1, and one USD payment by nobody tied to no metric.
/// </summary>
internal static class HandMadeScenario
{
    private static FileProvenance At(string file, int row) => new(file, row);

    private static PartialDate M(int year, int month) => PartialDate.OfMonth(year, month);

    private static Money Gbp(decimal amount) => new(amount, "GBP");

    private static Money Eur(decimal amount) => new(amount, "EUR");

    public static CollabDataset Build()
    {
        const string pay = "projects_outcome_payments.csv";
        const string res = "projects_results.csv";
        Organisation[] orgs =
        [
            new("ORG-C1", "Northshire Council", "Government body", "GB", At("organisations.csv", 1)),
            new("ORG-C2", "Health Board", "Government body", "NL", At("organisations.csv", 2)),
            new("ORG-P", "Pathways Trust", null, "GB", At("organisations.csv", 3)),
        ];
        Project[] projects =
        [
            new("P1", "Jobs Bond", "Implementation", "GB", "Employment and training", null, null, null, Gbp(100_000m), 127_000m, null, null, null, null, At("projects.csv", 1)),
            new("P2", "Health Bond", "Implementation", "NL", "Health", null, null, null, Eur(70_000m), null, null, null, null, null, At("projects.csv", 2)),
        ];
        OutcomeFund[] funds = [new("FUND-1", "Better Lives Fund", null, "NL", Eur(20_000m), null, At("funds.csv", 1))];
        ProjectOutcomeFund[] projectFunds = [new("P2", "FUND-1", At("projects_outcome_funds.csv", 1))];
        FundingCommitment[] commitments =
        [
            new("P1", "ORG-C1", OrganisationRole.OutcomePayer, Gbp(100_000m), 127_000m, null, null, Gbp(30_000m), null, At("projects_outcome_payment_commitments.csv", 1)),
            new("P2", "ORG-C2", OrganisationRole.OutcomePayer, Eur(50_000m), 54_000m, null, null, null, null, At("projects_outcome_payment_commitments.csv", 2)),
            new("P2", null, OrganisationRole.OutcomePayer, Eur(20_000m), 21_600m, null, null, null, null, At("projects_outcome_payment_commitments.csv", 3)),
        ];
        OutcomeMetric[] metrics =
        [
            new("P1", "m1", "Job entry", "Employment and training", null, 60, At("projects_outcome_metrics.csv", 1)),
            new("P1", "m2", "Qualification", "Education", null, 80, At("projects_outcome_metrics.csv", 2)),
            new("P2", "m1", "Avoided admission", "Health", null, 35, At("projects_outcome_metrics.csv", 3)),
        ];
        OutcomePricing[] pricings =
        [
            new("P1", "m1", Gbp(1_000m), 1_270m, Gbp(60_000m), At("projects_outcome_pricings.csv", 1)),
            new("P1", "m2", Gbp(500m), 635m, Gbp(40_000m), At("projects_outcome_pricings.csv", 2)),
            new("P2", "m1", Eur(2_000m), 2_160m, Eur(70_000m), At("projects_outcome_pricings.csv", 3)),
        ];
        OutcomeResult[] results =
        [
            new("P1", "m1", "Interim", M(2020, 1), M(2020, 3), 10m, null, null, null, At(res, 1)),
            new("P1", "m1", "Interim", M(2020, 4), M(2020, 6), 12m, null, null, null, At(res, 2)),
            new("P1", "m1", "Final", M(2020, 1), M(2020, 6), 20m, null, null, null, At(res, 3)),
            new("P1", "m2", "Interim", M(2020, 1), M(2020, 3), 8m, null, null, null, At(res, 4)),
            new("P1", "m2", "Interim", M(2020, 4), M(2020, 6), 6m, null, null, null, At(res, 5)),
            new("P2", "m1", "Interim", M(2020, 1), M(2020, 3), 5m, null, null, null, At(res, 6)),
            new("P2", "m1", "Interim", M(2020, 4), M(2020, 6), 3m, null, null, null, At(res, 7)),
        ];
        OutcomePayment[] payments =
        [
            new("P1", "m1", M(2020, 1), M(2020, 3), "ORG-C1", "ORG-P", PaymentType.Actual, Gbp(10_000m), 12_700m, null, At(pay, 1)),
            new("P1", "m1", M(2020, 4), M(2020, 6), "ORG-C1", "ORG-P", PaymentType.Actual, Gbp(10_000m), 12_700m, null, At(pay, 2)),
            new("P1", "m2", M(2020, 1), M(2020, 3), "ORG-C1", "ORG-P", PaymentType.Actual, Gbp(4_000m), null, null, At(pay, 3)),
            new("P1", "m2", M(2020, 4), M(2020, 6), "ORG-C1", "ORG-P", PaymentType.Actual, Gbp(3_000m), 3_810m, null, At(pay, 4)),
            new("P1", "m1", M(2020, 1), M(2020, 3), "ORG-C1", "ORG-P", PaymentType.Planned, Gbp(12_000m), null, null, At(pay, 5)),
            new("P1", "m1", M(2020, 4), M(2020, 6), "ORG-C1", "ORG-P", PaymentType.Planned, Gbp(12_000m), null, null, At(pay, 6)),
            new("P1", "m1", M(2020, 7), M(2020, 9), "ORG-C1", "ORG-P", PaymentType.Planned, Gbp(12_000m), null, null, At(pay, 7)),
            new("P1", "m2", M(2020, 1), M(2020, 3), "ORG-C1", "ORG-P", PaymentType.Planned, Gbp(5_000m), null, null, At(pay, 8)),
            new("P1", "m1", M(2020, 1), M(2020, 3), "ORG-C1", "ORG-P", PaymentType.Unspecified, Gbp(999m), null, null, At(pay, 9)),
            new("P2", "m1", M(2020, 1), M(2020, 3), "ORG-C2", "ORG-P", PaymentType.Actual, Eur(6_000m), 6_480m, null, At(pay, 10)),
            new("P2", "m1", M(2020, 1), M(2020, 3), null, "ORG-P", PaymentType.Actual, Eur(4_000m), 4_320m, null, At(pay, 11)),
            new("P2", "m1", M(2020, 4), M(2020, 6), "ORG-C2, ORG-C1", "ORG-P", PaymentType.Actual, Eur(6_000m), 6_480m, null, At(pay, 12)),
            new("P2", null, M(2020, 4), M(2020, 6), null, "ORG-P", PaymentType.Actual, new Money(1_000m, "USD"), 1_000m, null, At(pay, 13)),
        ];
        return new CollabDataset(orgs, projects, funds, projectFunds, commitments, [], metrics, pricings, results, payments);
    }
}

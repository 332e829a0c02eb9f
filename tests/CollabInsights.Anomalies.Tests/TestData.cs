using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Tests;

/// <summary>Small hand-made records for rule tests.</summary>
internal static class TestData
{
    public static PartialDate M(int y, int m) => PartialDate.OfMonth(y, m);

    public static FileProvenance Row(string file, int row) => new(file, row);

    public static OutcomePayment Pay(int row, decimal amount, string metric = "m1", int year = 2020, int month = 3, string payer = "PAYER", string recipient = "PROV", string project = "P1", DateTimeOffset? paidAt = null, string currency = "GBP") =>
        new(project, metric, M(year, month - 2), M(year, month), payer, recipient, PaymentType.Actual, new Money(amount, currency), null, paidAt, Row("projects_outcome_payments.csv", row));

    public static OutcomeResult Result(int row, string metric = "m1", int year = 2020, int month = 3, decimal achieved = 10, decimal engaged = 20, string? validator = "VAL", string project = "P1") =>
        new(project, metric, "Final", M(year, month - 2), M(year, month), achieved, engaged, validator, null, Row("projects_results.csv", row));

    public static FundingCommitment Commitment(int row, decimal max, string payer = "PAYER", string project = "P1", string currency = "GBP", decimal? made = null) =>
        new(project, payer, OrganisationRole.OutcomePayer, new Money(max, currency), null, null, null, made is null ? null : new Money(made.Value, currency), null, Row("projects_outcome_payment_commitments.csv", row));

    public static CollabDataset With(
        IReadOnlyList<OutcomePayment>? payments = null,
        IReadOnlyList<OutcomeResult>? results = null,
        IReadOnlyList<FundingCommitment>? commitments = null,
        IReadOnlyList<OutcomePricing>? pricings = null,
        IReadOnlyList<OutcomeMetric>? metrics = null,
        IReadOnlyList<Organisation>? organisations = null) =>
        CollabDataset.Empty with
        {
            Payments = payments ?? [],
            Results = results ?? [],
            Commitments = commitments ?? [],
            Pricings = pricings ?? [],
            Metrics = metrics ?? [],
            Organisations = organisations ?? [],
        };
}

namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PaymentWithoutResultRule"/>.</summary>
/// <param name="OnlyProjectsReportingResults">Check only projects that report at least one result (default true): a project with no results at all is a gap in the data, not evidence about one payment.</param>
public sealed record PaymentWithoutResultOptions(bool OnlyProjectsReportingResults = true);

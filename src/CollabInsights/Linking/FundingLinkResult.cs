using CollabInsights.Reporting;
using Microsoft.Data.Analysis;

namespace CollabInsights.Linking;

/// <summary>
/// The output of <see cref="FundingLinker.Link"/>: links per metric, links per funder and project, the input rows
/// that could not be used, and the as-of date used for "planned due". Also available as DataFrames.
/// </summary>
public sealed record FundingLinkResult(
    IReadOnlyList<FundingLink> Links,
    IReadOnlyList<FunderProjectLink> Funders,
    IReadOnlyList<LinkExclusion> Excluded,
    DateOnly? AsOf)
{
    /// <summary>Input rows that name no currency at all (commitments without an amount in projects without a currency): counted and listed apart, never under a made-up currency.</summary>
    public IReadOnlyList<RowWithoutCurrency> WithoutCurrency { get; init; } = [];

    /// <summary>The currency every amount was also converted to (<see cref="FundingLinkOptions.ConvertTo"/>); null when not converting.</summary>
    public string? ConvertedTo { get; init; }

    /// <summary>Where the conversion rates come from (the rate table's citation); null when not converting.</summary>
    public string? ConversionSource { get; init; }

    /// <summary>The rows without a currency as a DataFrame.</summary>
    public DataFrame WithoutCurrencyFrame() => new(
        Str("project_id", WithoutCurrency.Select(r => r.ProjectId)),
        Str("project_name", WithoutCurrency.Select(r => r.ProjectName)),
        Str("funder_id", WithoutCurrency.Select(r => r.FunderId)),
        Str("funder_name", WithoutCurrency.Select(r => r.FunderName)),
        Str("kind", WithoutCurrency.Select(r => r.Kind)),
        Str("reason", WithoutCurrency.Select(r => r.Reason)),
        Str("provenance", WithoutCurrency.Select(r => r.Provenance)));

    /// <summary>The metric-grain links as a DataFrame: strings, decimals (exact, nullable; money columns are <see cref="MoneyDataFrameColumn"/>s) and counts; provenance joined with "; ".</summary>
    public DataFrame LinksFrame() => WithConversion(
        [
            Str("project_id", Links.Select(l => l.ProjectId)),
            Str("project_name", Links.Select(l => l.ProjectName)),
            Str("policy_sector", Links.Select(l => l.PolicySector)),
            Str("funder_id", Links.Select(l => l.FunderId)),
            Str("funder_name", Links.Select(l => l.FunderName)),
            Str("funder_kind", Links.Select(l => l.FunderKind.ToString())),
            Str("attribution", Links.Select(l => l.Attribution)),
            Str("metric_id", Links.Select(l => l.MetricId)),
            Str("metric_definition", Links.Select(l => l.MetricDefinition)),
            Str("currency", Links.Select(l => l.Currency)),
            Money("price_per_outcome", Links.Select(l => l.PricePerOutcome)),
            Money("metric_cap", Links.Select(l => l.MetricCap)),
            Money("paid_actual", Links.Select(l => (decimal?)l.PaidActual)),
            Usd("paid_actual_usd", Links.Select(l => l.PaidActualUsd)),
            Money("planned", Links.Select(l => (decimal?)l.Planned)),
            Money("planned_due", Links.Select(l => (decimal?)l.PlannedDue)),
            Money("actual_minus_planned_due", Links.Select(l => (decimal?)l.ActualMinusPlannedDue)),
            Dec("outcomes_achieved", Links.Select(l => l.OutcomesAchieved)),
            Money("cost_per_outcome", Links.Select(l => l.CostPerOutcome)),
            Usd("cost_per_outcome_usd", Links.Select(l => l.CostPerOutcomeUsd)),
            Dec("share_of_cap_paid", Links.Select(l => l.ShareOfCapPaid)),
            new Int32DataFrameColumn("payment_rows", Links.Select(l => l.PaymentRows)),
            Str("provenance", Links.Select(l => string.Join("; ", l.Provenance))),
        ],
        Links.Select(l => l.ConvertedTo),
        [("paid_actual_converted", Links.Select(l => l.PaidActualConverted)), ("planned_due_converted", Links.Select(l => l.PlannedDueConverted))],
        Links.Select(l => l.Conversion));

    /// <summary>The funder-by-project links (commitments against payments) as a DataFrame.</summary>
    public DataFrame FundersFrame() => WithConversion(
        [
            Str("project_id", Funders.Select(l => l.ProjectId)),
            Str("project_name", Funders.Select(l => l.ProjectName)),
            Str("policy_sector", Funders.Select(l => l.PolicySector)),
            Str("funder_id", Funders.Select(l => l.FunderId)),
            Str("funder_name", Funders.Select(l => l.FunderName)),
            Str("funder_kind", Funders.Select(l => l.FunderKind.ToString())),
            Str("attribution", Funders.Select(l => l.Attribution)),
            Str("currency", Funders.Select(l => l.Currency)),
            Money("max_committed", Funders.Select(l => l.MaxCommitted)),
            Usd("max_committed_usd", Funders.Select(l => l.MaxCommittedUsd)),
            Money("paid_actual", Funders.Select(l => (decimal?)l.PaidActual)),
            Usd("paid_actual_usd", Funders.Select(l => l.PaidActualUsd)),
            Money("planned", Funders.Select(l => (decimal?)l.Planned)),
            Money("planned_due", Funders.Select(l => (decimal?)l.PlannedDue)),
            Money("actual_minus_planned_due", Funders.Select(l => (decimal?)l.ActualMinusPlannedDue)),
            Dec("share_of_commitment_paid", Funders.Select(l => l.ShareOfCommitmentPaid)),
            Money("reported_paid", Funders.Select(l => l.ReportedPaid)),
            Str("provenance", Funders.Select(l => string.Join("; ", l.Provenance))),
        ],
        Funders.Select(l => l.ConvertedTo),
        [("max_committed_converted", Funders.Select(l => l.MaxCommittedConverted)), ("paid_actual_converted", Funders.Select(l => l.PaidActualConverted)), ("planned_due_converted", Funders.Select(l => l.PlannedDueConverted))],
        Funders.Select(l => l.Conversion));

    /// <summary>The excluded input rows as a DataFrame.</summary>
    public DataFrame ExcludedFrame() => new(
        Str("provenance", Excluded.Select(e => e.Provenance)),
        Str("reason", Excluded.Select(e => e.Reason)));

    private static StringDataFrameColumn Str(string name, IEnumerable<string?> values) => new(name, values);

    // With a conversion, the converted amounts follow the native ones, marked by their names (..._converted), the
    // converted_to currency and the conversion column (rates per year; the rate rows are in the provenance).
    private DataFrame WithConversion(List<DataFrameColumn> columns, IEnumerable<string?> convertedTo, (string Name, IEnumerable<decimal?> Values)[] converted, IEnumerable<string?> conversion)
    {
        if (ConvertedTo is null)
        {
            return new DataFrame(columns);
        }

        var at = columns.Count - 1;
        columns.Insert(at++, Str("converted_to", convertedTo));
        foreach (var (name, values) in converted)
        {
            columns.Insert(at++, new MoneyDataFrameColumn(name, values, "converted_to"));
        }

        columns.Insert(at, Str("conversion", conversion));
        return new DataFrame(columns);
    }

    private static DecimalDataFrameColumn Dec(string name, IEnumerable<decimal?> values) => new(name, values);

    private static MoneyDataFrameColumn Money(string name, IEnumerable<decimal?> values) => new(name, values, "currency");

    private static MoneyDataFrameColumn Usd(string name, IEnumerable<decimal?> values) => MoneyDataFrameColumn.InCurrency(name, values, "USD");
}

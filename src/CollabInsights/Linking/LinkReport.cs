using System.Globalization;
using System.Text;
using CollabInsights.Domain;
using CollabInsights.Reporting;
using Microsoft.Data.Analysis;

namespace CollabInsights.Linking;

/// <summary>
/// The offline funding-to-outcome report: the method in plain words, totals per currency, the charts of every
/// currency (flows, committed versus paid, cost per outcome by sector), the rows without a currency, and previews
/// of the linking tables; plus the tables themselves as CSV and Parquet.
/// </summary>
public static class LinkReport
{
    /// <summary>Markdown explaining the method to a policy analyst (also used by the notebook).</summary>
    public const string MethodMarkdown = """
        **How to read this report.** Every figure is computed from the input rows listed in its `provenance`
        column (`file:row`, rows counted from 1 after the header), so any number can be traced back.

        - **Funder.** A payment belongs to the organisation named as payer. Several organisations named in one
          payer cell are kept together as one *joint* funder (the data does not say how they shared the
          payment). When the payer is left empty, the payment goes to the project's outcome fund if it belongs to
          exactly one fund, otherwise to the only organisation that committed money to the project, otherwise it
          stays *unattributed*. The `attribution` column says which rule applied.
        - **Currencies** are never added together. Each row and each chart is in one currency, and every currency
          gets its own charts. The `_usd` columns are the conversions given in the data and are left empty when any
          row behind them lacks one. Rows that name no currency at all are counted and listed apart
          (*Rows without a currency*), never under a made-up one.
        - **Charts** draw the largest projects, funders and metrics one by one and group the rest into one
          element named with its count ("45 other projects"); labels are cut, the full name shows on hover.
        - **Committed** is the funder's maximum potential outcome payment to the project; **share of commitment
          paid** is actual payments divided by it. Per outcome metric, the **cap** (maximum payable if all
          targets are met) plays that role.
        - **Planned due** sums planned payments for periods that ended by the as-of date; **actual minus planned
          due** is negative when payments fall behind plan.
        - **Outcomes achieved** per metric: its Final results when there are any, otherwise the sum of its
          interim results. **Cost per outcome** is what a funder paid for the metric divided by those outcomes;
          the funders' costs per outcome of one metric add up to the metric's.
        - Rows that could not be used (payment type neither Planned nor Actual, no amount) are listed under
          *Excluded rows*; problems found while loading are listed under *Data problems*.
        - Money in the page shows thousands separators and the currency's minor units; the CSV and Parquet
          tables keep the exact values. A `provenance` cell shows row ranges and a count; click it for every range.
        """;

    /// <summary>Builds the report page.</summary>
    public static HtmlReport Build(FundingLinkResult result, LinkReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= LinkReportOptions.Default;
        var report = new HtmlReport(options.Title);
        var intro = new StringBuilder();
        if (options.Source is not null)
        {
            intro.Append("Data: `").Append(options.Source.Replace("`", "'", StringComparison.Ordinal)).Append("`. ");
        }

        intro.Append(CultureInfo.InvariantCulture, $"{result.Funders.Select(f => f.ProjectId).Concat(result.WithoutCurrency.Select(r => r.ProjectId)).Distinct(StringComparer.Ordinal).Count()} projects, ")
             .Append(CultureInfo.InvariantCulture, $"{result.Funders.Select(f => f.FunderId).Concat(result.WithoutCurrency.Select(r => r.FunderId)).Distinct(StringComparer.Ordinal).Count()} funders, ")
             .Append(CultureInfo.InvariantCulture, $"{result.Links.Count} funder-metric links. ")
             .Append("Planned payments count as due up to ")
             .Append(result.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(no actual payments)")
             .Append('.');
        report.AddMarkdown(intro.ToString());
        report.AddHeading("Totals by currency");
        report.AddTable(Totals(result), previewRows: 200);
        if (result.WithoutCurrency.Count > 0)
        {
            report.AddMarkdown(string.Create(CultureInfo.InvariantCulture,
                $"{result.WithoutCurrency.Count} {(result.WithoutCurrency.Count == 1 ? "commitment names" : "commitments name")} no currency (no amount, and the project gives none), in {result.WithoutCurrency.Select(r => r.ProjectId).Distinct(StringComparer.Ordinal).Count()} projects: they are not in the totals and are listed under *Rows without a currency*."));
        }

        report.AddHeading("Method");
        report.AddMarkdown(MethodMarkdown);
        if (result.ConvertedTo is { } to)
        {
            var notConverted = result.Funders.Count(f => f.PaidActual != 0 && f.PaidActualConverted is null);
            report.AddHeading($"All currencies converted to {to} (on request)");
            report.AddMarkdown(string.Create(CultureInfo.InvariantCulture,
                $"""
                Every figure in this section is **converted**: each payment at the annual average rate of the year of its
                period (its end, else its start), each commitment at the rate of its period's year. Rates: {result.ConversionSource}.
                In the tables the converted amounts are the `*_converted` columns, the `conversion` column gives the rates used
                per year, and the provenance lists the rate table's rows. {notConverted} funder rows with payments could not be
                converted (a payment without a period, or no rate for its year) and are left out of these charts; the native
                charts below show every amount as it was paid.
                """));
            report.AddChart(FundingCharts.FundingFlowsConverted(result));
            report.AddChart(FundingCharts.PaidVersusCommittedConverted(result));
        }

        report.AddHeading("Charts, one currency at a time");
        foreach (var currency in FundingCharts.Currencies(result))
        {
            report.AddHeading(currency, 3);
            if (result.Links.Any(l => l.Currency == currency && l.PaidActual > 0))
            {
                report.AddChart(FundingCharts.FundingFlows(result, currency));
            }

            report.AddChart(FundingCharts.PaidVersusCommitted(result, currency));
            if (FundingCharts.CostPerOutcomePoints(result, currency) > 0)
            {
                report.AddChart(FundingCharts.CostPerOutcomeBySector(result, currency));
            }
        }

        report.AddHeading("Funders by project");
        report.AddTable(result.FundersFrame(), previewRows: options.PreviewRows);
        report.AddHeading("Funders by project and outcome metric");
        report.AddTable(result.LinksFrame(), previewRows: options.PreviewRows);
        report.AddHeading("Rows without a currency");
        report.AddTable(result.WithoutCurrencyFrame(), previewRows: options.PreviewRows);
        report.AddHeading("Excluded rows");
        report.AddTable(result.ExcludedFrame(), previewRows: options.PreviewRows);
        report.AddHeading("Data problems found while loading");
        report.AddTable(ProblemsFrame(options.Problems), previewRows: options.PreviewRows);
        report.AddMarkdown("Tables in the page show their first rows; the files in `tables/` hold every row.");
        return report;
    }

    /// <summary>
    /// Writes <c>report.html</c> and <c>tables/</c> (funder_projects, funding_links, without_currency, excluded, data_problems; each
    /// as .csv and .parquet) into <paramref name="directory"/>.
    /// </summary>
    public static async Task<LinkOutputs> WriteAllAsync(FundingLinkResult result, string directory, LinkReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= LinkReportOptions.Default;
        var dir = Path.GetFullPath(directory);
        var tablesDir = Path.Combine(dir, "tables");
        var tables = new List<string>();
        foreach (var (name, frame) in new (string, DataFrame)[]
                 {
                     ("funder_projects", result.FundersFrame()), ("funding_links", result.LinksFrame()),
                     ("without_currency", result.WithoutCurrencyFrame()), ("excluded", result.ExcludedFrame()),
                     ("data_problems", ProblemsFrame(options.Problems)),
                 })
        {
            var csv = Path.Combine(tablesDir, name + ".csv");
            var parquet = Path.Combine(tablesDir, name + ".parquet");
            await DataFrameFiles.WriteCsvAsync(frame, csv, cancellationToken).ConfigureAwait(false);
            await DataFrameFiles.WriteParquetAsync(frame, parquet, cancellationToken).ConfigureAwait(false);
            tables.Add(csv);
            tables.Add(parquet);
        }

        var report = Path.Combine(dir, "report.html");
        await Build(result, options).WriteAsync(report, cancellationToken).ConfigureAwait(false);
        return new LinkOutputs(report, tables);
    }

    /// <summary>
    /// Committed, paid, planned and planned due per currency (native amounts, never converted; money columns are
    /// <see cref="MoneyDataFrameColumn"/>s). <c>max_committed</c> is empty when no commitment in the currency gives an amount.
    /// </summary>
    public static DataFrame Totals(FundingLinkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byCurrency = result.Funders.GroupBy(f => f.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new DataFrame(
            new StringDataFrameColumn("currency", byCurrency.Select(g => g.Key)),
            new MoneyDataFrameColumn("max_committed", byCurrency.Select(g => g.Any(f => f.MaxCommitted is not null) ? g.Sum(f => f.MaxCommitted ?? 0m) : (decimal?)null), "currency"),
            new MoneyDataFrameColumn("paid_actual", byCurrency.Select(g => (decimal?)g.Sum(f => f.PaidActual)), "currency"),
            new MoneyDataFrameColumn("planned", byCurrency.Select(g => (decimal?)g.Sum(f => f.Planned)), "currency"),
            new MoneyDataFrameColumn("planned_due", byCurrency.Select(g => (decimal?)g.Sum(f => f.PlannedDue)), "currency"),
            new Int32DataFrameColumn("projects", byCurrency.Select(g => g.Select(f => f.ProjectId).Distinct(StringComparer.Ordinal).Count())));
    }

    private static DataFrame ProblemsFrame(IReadOnlyList<DataProblem> problems) => new(
        new StringDataFrameColumn("file", problems.Select(p => p.File)),
        new Int32DataFrameColumn("row", problems.Select(p => p.Row)),
        new StringDataFrameColumn("column", problems.Select(p => p.Column)),
        new StringDataFrameColumn("value", problems.Select(p => p.Value)),
        new StringDataFrameColumn("severity", problems.Select(p => p.Severity.ToString())),
        new StringDataFrameColumn("message", problems.Select(p => p.Message)),
        new StringDataFrameColumn("provenance", problems.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.File}:{p.Row}"))));
}

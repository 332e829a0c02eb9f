using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Domain;
using CollabInsights.Linking;
using CollabInsights.OffChain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab link --data PATH --out DIR</c>: links funding to outcomes and writes the tables and the offline report.</summary>
internal static class LinkCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data in the INDIGO layout (the export's folder of CSV files or its zip, or a generated scenario folder), or an IATI activity XML file, an OCDS release or record package, a 360Giving JSON or CSV file, or a folder of one standard's files.", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder for report.html and tables/ (CSV and Parquet); created if needed.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (outputs and headline figures) instead of tables." };
        var format = new Option<string>("--format")
        {
            Description = "auto (default: a folder with projects.csv or a zip is INDIGO; else each file's standard is detected), indigo, iati, ocds or 360giving.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "indigo", "iati", "ocds", "360giving");
        var convertTo = new Option<string?>("--convert-to") { Description = "Also convert every amount to this ISO 4217 currency (e.g. USD) at annual average rates by the year of each payment's period, and draw converted charts; native amounts and charts stay. Default: no conversion." };
        var rates = new Option<string?>("--rates") { Description = "Rate table for --convert-to, in the layout of " + ImfExchangeRates.RepositoryPath + "; default that pinned IMF table (embedded)." };
        var command = new Command("link", "Link each funder's commitments and payments to the outcomes they paid for; write the linking tables (CSV, Parquet) and an offline HTML report.")
        {
            data, outDir, json, format, convertTo, rates,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var path = parseResult.GetValue(data)!;
            var (dataset, problems, source, chain) = await LinkSources.LoadAsync(path, parseResult.GetValue(format)!, ct).ConfigureAwait(false);
            var to = parseResult.GetValue(convertTo)?.Trim().ToUpperInvariant();
            var table = to is null ? null
                : parseResult.GetValue(rates) is { } ratesPath ? await ImfExchangeRates.LoadAsync(ratesPath, ct).ConfigureAwait(false)
                : ImfExchangeRates.Pinned;
            var result = FundingLinker.Link(dataset, new FundingLinkOptions { ConvertTo = to, ExchangeRates = table });
            var outputs = await LinkReport.WriteAllAsync(result, parseResult.GetValue(outDir)!, new LinkReportOptions { Source = source, Problems = problems }, ct).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                output.WriteLine(ToJson(result, problems, outputs, chain));
            }
            else
            {
                Render(CliCommand.ConsoleFor(output), result, problems, outputs);
                if (chain is not null)
                {
                    output.WriteLine($"Chain: {chain}");
                }
            }

            return 0;
        });
        return command;
    }

    internal static void Render(IAnsiConsole console, FundingLinkResult result, IReadOnlyList<DataProblem> problems, LinkOutputs outputs)
    {
        var table = new Table().Title("Paid against committed, by currency").AddColumn("currency")
            .AddColumn(new TableColumn("committed").RightAligned()).AddColumn(new TableColumn("paid").RightAligned())
            .AddColumn(new TableColumn("planned due").RightAligned()).AddColumn(new TableColumn("projects").RightAligned());
        foreach (var g in result.Funders.GroupBy(f => f.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(g.Key), g.Any(f => f.MaxCommitted is not null) ? MoneyFormat.Amount(g.Sum(f => f.MaxCommitted ?? 0m), g.Key) : "-", MoneyFormat.Amount(g.Sum(f => f.PaidActual), g.Key), MoneyFormat.Amount(g.Sum(f => f.PlannedDue), g.Key),
                g.Select(f => f.ProjectId).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (result.WithoutCurrency.Count > 0)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "{0} commitments name no currency (in {1} projects); listed apart in the report and in tables/without_currency.csv.",
                result.WithoutCurrency.Count, result.WithoutCurrency.Select(r => r.ProjectId).Distinct(StringComparer.Ordinal).Count());
        }

        if (result.ConvertedTo is { } to)
        {
            console.MarkupLine(CultureInfo.InvariantCulture, "Converted to {0} at annual average rates: {1} paid; {2} funder rows with payments could not be converted.",
                to, MoneyFormat.Format(result.Funders.Sum(f => f.PaidActualConverted ?? 0m), to), result.Funders.Count(f => f.PaidActual != 0 && f.PaidActualConverted is null));
        }

        console.MarkupLine(CultureInfo.InvariantCulture, "{0} funder-project rows, {1} funder-metric rows, {2} rows excluded, {3} data problems while loading.",
            result.Funders.Count, result.Links.Count, result.Excluded.Count, problems.Count);
        console.MarkupLine("Report: [bold]{0}[/]", Markup.Escape(outputs.Report));
        console.MarkupLine("Tables: [bold]{0}[/]", Markup.Escape(Path.GetDirectoryName(outputs.Tables[0])!));
    }

    private static string ToJson(FundingLinkResult result, IReadOnlyList<DataProblem> problems, LinkOutputs outputs, string? chain) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["report"] = outputs.Report,
            ["chain"] = chain ?? "funder -> project -> outcome metric (INDIGO)",
            ["tables"] = outputs.Tables,
            ["projects"] = result.Funders.Select(f => f.ProjectId).Distinct(StringComparer.Ordinal).Count(),
            ["funder_project_rows"] = result.Funders.Count,
            ["funder_metric_rows"] = result.Links.Count,
            ["excluded_rows"] = result.Excluded.Count,
            ["data_problems"] = problems.Count,
            ["as_of"] = result.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["rows_without_currency"] = result.WithoutCurrency.Count,
            ["converted_to"] = result.ConvertedTo,
            ["paid_actual_converted"] = result.ConvertedTo is null ? null : result.Funders.Sum(f => f.PaidActualConverted ?? 0m),
            ["funder_rows_not_converted"] = result.ConvertedTo is null ? null : result.Funders.Count(f => f.PaidActual != 0 && f.PaidActualConverted is null),
            ["paid_actual_by_currency"] = new SortedDictionary<string, decimal>(
                result.Funders.GroupBy(f => f.Currency, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(f => f.PaidActual), StringComparer.Ordinal), StringComparer.Ordinal),
        });
}

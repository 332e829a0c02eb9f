using System.Globalization;
using CollabInsights.Anomalies;
using CollabInsights.Anomalies.Forensic;
using CollabInsights.Domain;
using CollabInsights.Reporting;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary>How <c>collab anomalies</c> shows the forensic tests: a table in the terminal, and the offline HTML report of <c>--report</c>.</summary>
internal static class ForensicOutput
{
    /// <summary>One line per test and scope: figure, threshold, verdict and how many rows are behind it; then the failed tests' reasons.</summary>
    public static void Write(IAnsiConsole console, ForensicResult result)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Forensic tests (Nigrini) over {result.Amounts} actual payment amounts, {result.Tested} of at least 10 tested:"));
        var table = new Table().AddColumn("test").AddColumn("scope").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("figure").RightAligned())
            .AddColumn(new TableColumn("threshold").RightAligned()).AddColumn("verdict").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var t in result.Tests)
        {
            table.AddRow(Markup.Escape(t.Test), Markup.Escape(t.Scope), t.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape($"{t.FigureName} {(t.Figure is { } f ? f.ToString("0.######", CultureInfo.InvariantCulture) : "n/a")}"),
                t.Threshold.ToString("0.######", CultureInfo.InvariantCulture), Markup.Escape((t.Passed ? string.Empty : "FAIL: ") + t.Verdict), t.Rows.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var t in result.Tests.Where(t => !t.Passed))
        {
            console.WriteLine($"{t.Test} ({t.Scope}): {t.Reason}");
        }
    }

    /// <summary>
    /// Writes the anomalies report: the anomaly flags per kind and listed, the forensic tests with their digit charts against Benford's curve,
    /// then the data-quality findings apart (<paramref name="problems"/>, the loader's, per category and listed; without them the invalid_value flags).
    /// </summary>
    public static async Task WriteReportAsync(string path, string source, IReadOnlyList<Flag> flags, ForensicResult result, IReadOnlyList<DataProblem>? problems, CancellationToken ct)
    {
        // Anomaly flags first; the data-quality findings (the loader's problems, which are the invalid_value flags) apart at the end.
        var anomalies = flags.Where(f => !FlagKinds.IsDataQuality(f.Kind)).ToList();
        var report = new HtmlReport($"Anomalies: {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(source)))}");
        report.AddHeading("Anomaly flags");
        if (anomalies.Count > 0)
        {
            report.AddChart(AnomalyCharts.FlagsByKind(anomalies));
        }

        report.AddTable(anomalies, string.Create(CultureInfo.InvariantCulture, $"{anomalies.Count} anomaly flags"));
        ForensicReport.AddTo(report, result);
        report.AddHeading("Data quality");
        var invalidFlags = flags.Count - anomalies.Count;
        if (problems is null)
        {
            report.AddTable(flags.Where(f => FlagKinds.IsDataQuality(f.Kind)), string.Create(CultureInfo.InvariantCulture, $"{invalidFlags} {FlagKinds.InvalidValue} flags: values the loader could not use"));
        }
        else
        {
            var quality = DataQualitySummary.Of(problems);
            report.AddMarkdown(string.Create(CultureInfo.InvariantCulture,
                $"The loader located {quality.Problems.Count} problem(s): {quality.Invalid} value(s) it could not use (the {invalidFlags} `{FlagKinds.InvalidValue}` flags) and {quality.Warnings} it normalised. They are data quality, not anomalies."));
            report.AddTable(quality.ByCategory.Select(kv => new { Category = kv.Key, Problems = kv.Value }), "Problems per file, column and severity");
            report.AddTable(quality.Problems, "Every problem with its file, row, column and value");
        }

        await report.WriteAsync(path, ct).ConfigureAwait(false);
    }
}

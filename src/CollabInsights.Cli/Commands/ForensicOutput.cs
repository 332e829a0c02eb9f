using System.Globalization;
using CollabInsights.Anomalies;
using CollabInsights.Anomalies.Forensic;
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

    /// <summary>Writes the anomalies report: flags per kind, the flags, and the forensic tests with their digit charts against Benford's curve.</summary>
    public static async Task WriteReportAsync(string path, string source, IReadOnlyList<Flag> flags, ForensicResult result, CancellationToken ct)
    {
        var report = new HtmlReport($"Anomalies: {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(source)))}");
        report.AddHeading("Flags");
        if (flags.Count > 0)
        {
            report.AddChart(AnomalyCharts.FlagsByKind(flags));
        }

        report.AddTable(flags, string.Create(CultureInfo.InvariantCulture, $"{flags.Count} flags"));
        ForensicReport.AddTo(report, result);
        await report.WriteAsync(path, ct).ConfigureAwait(false);
    }
}

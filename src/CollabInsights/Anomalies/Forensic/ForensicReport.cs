using System.Globalization;
using System.Text;
using CollabInsights.Reporting;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>The forensic tests as a report section: a table of every test (figure, threshold, verdict, rows), a digit chart against Benford's curve for each digit test, and the rows behind each failed test.</summary>
public static class ForensicReport
{
    /// <summary>Rows listed per failed test before the list is cut (default 20); the JSON keeps them all.</summary>
    public const int RowPreview = 20;

    /// <summary>Appends the forensic section to <paramref name="report"/>.</summary>
    public static HtmlReport AddTo(HtmlReport report, ForensicResult result)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        report.AddHeading("Forensic tests (Nigrini)");
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"{result.Amounts} actual payment amounts, {result.Tested} of at least 10 tested ({result.Excluded} left out). ")
          .Append("Benford tests: mean absolute deviation (MAD) against Nigrini's conformity ranges; a digit is a spike when its z statistic (with continuity correction) is above 1.96.\n\n")
          .Append("| test | scope | n | figure | threshold | verdict | rows |\n|---|---|---|---|---|---|---|\n");
        foreach (var t in result.Tests)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {t.Test} | {Cell(t.Scope)} | {t.Count} | {t.FigureName} {(t.Figure is { } f ? f.ToString("0.######", CultureInfo.InvariantCulture) : "n/a")} | {t.Threshold.ToString("0.######", CultureInfo.InvariantCulture)} | {(t.Passed ? string.Empty : "FAIL: ")}{t.Verdict} | {t.Rows.Count} |\n");
        }

        report.AddMarkdown(md.ToString());
        foreach (var t in result.Tests)
        {
            if (t.Digits is not null && t.Count > 0)
            {
                report.AddChart(ForensicCharts.Digits(t));
            }

            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"**{t.Test}** ({Cell(t.Scope)}): {Cell(t.Reason)}");
            if (!t.Passed && t.Rows.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n\nRows behind it ({t.Rows.Count}): ").Append(string.Join(", ", t.Rows.Take(RowPreview).Select(r => $"`{r}`")))
                    .Append(t.Rows.Count > RowPreview ? string.Create(CultureInfo.InvariantCulture, $" and {t.Rows.Count - RowPreview} more (all in the JSON result)") : string.Empty);
            }

            report.AddMarkdown(text.ToString());
        }

        return report;
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

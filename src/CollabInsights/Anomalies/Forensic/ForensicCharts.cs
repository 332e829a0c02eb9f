using System.Globalization;
using CollabInsights.Reporting;
using DynamicObj;
using Plotly.NET;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>Charts of the forensic tests: digit frequencies as bars against Benford's (or the uniform) curve as a line.</summary>
public static class ForensicCharts
{
    /// <summary>Actual proportion of each digit (bars) against the expected proportion (line), titled with the MAD and verdict.</summary>
    public static GenericChart Digits(ForensicTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Digits is null)
        {
            throw new CollabInsightsException($"{result.Test} is not a digit test, so it has no digit chart; chart one of {ForensicTestNames.FirstDigit}, {ForensicTestNames.FirstTwoDigits}, {ForensicTestNames.FirstThreeDigits}, {ForensicTestNames.LastTwoDigits}.");
        }

        var x = result.Digits.Select(d => d.Digits).ToArray();
        var bars = new Trace2D("bar");
        bars.SetProperty("x", x);
        bars.SetProperty("y", result.Digits.Select(d => d.Actual).ToArray());
        bars.SetProperty("name", "actual");
        bars.SetProperty("marker", Marker(result.Digits.Select(d => d.SignificantExcess ? "#d62728" : "#1f77b4").ToArray()));
        var line = new Trace2D("scatter");
        line.SetProperty("x", x);
        line.SetProperty("y", result.Digits.Select(d => d.Expected).ToArray());
        line.SetProperty("mode", "lines");
        line.SetProperty("name", result.Test == ForensicTestNames.LastTwoDigits ? "uniform (1%)" : "Benford");
        var chart = Plotly.NET.CSharp.Chart.Combine(new[] { GenericChart.ofTraceObject(true, bars), GenericChart.ofTraceObject(true, line) });
        var layout = new Layout();
        var title = new DynamicObj.DynamicObj();
        title.SetProperty("text", string.Create(CultureInfo.InvariantCulture, $"{result.Test} ({result.Scope}, n = {result.Count}): {result.FigureName} {result.Figure:0.######}, {result.Verdict}; red bars: z > {Benford.CriticalZ}"));
        layout.SetProperty("title", title);
        layout.SetProperty("width", 900);
        layout.SetProperty("height", 420);
        var xaxis = PlotlyLayout.Axis(result.Test == ForensicTestNames.LastTwoDigits ? "last two digits" : "leading digits");
        xaxis.SetProperty("type", "category");
        layout.SetProperty("xaxis", xaxis);
        layout.SetProperty("yaxis", PlotlyLayout.Axis("proportion of amounts"));
        return Chart.withLayout(layout).Invoke(chart);
    }

    private static DynamicObj.DynamicObj Marker(string[] colours)
    {
        var m = new DynamicObj.DynamicObj();
        m.SetProperty("color", colours);
        return m;
    }
}

using CollabInsights.Anomalies.Ml;
using CollabInsights.Reconciliation;
using CollabInsights.Reporting;
using DynamicObj;
using Plotly.NET;

namespace CollabInsights.Anomalies;

/// <summary>Plotly charts of flags, ML scores and reconciliation counts, for notebooks and reports (offline rendering is the display layer's job).</summary>
public static class AnomalyCharts
{
    private const int Width = 900;

    /// <summary>Bars: number of flags per kind.</summary>
    public static GenericChart FlagsByKind(IEnumerable<Flag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var groups = flags.GroupBy(f => f.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return Bars(groups.Select(g => g.Key).ToArray(), groups.Select(g => (double)g.Count()).ToArray(), "Flags by kind", "kind", "flags");
    }

    /// <summary>Histogram of the ML detector's raw scores (log10 of the squared distance to the nearest centre); the tail is where flags come from.</summary>
    public static GenericChart ScoreDistribution(IEnumerable<PaymentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var t = new Trace2D("histogram");
        t.SetProperty("x", scores.Select(s => Math.Round(Math.Log10(Math.Max(s.RawScore, 1e-6)), 3)).ToArray());
        t.SetProperty("nbinsx", 40);
        return Layout(GenericChart.ofTraceObject(true, t), "ML anomaly score distribution (log10 squared distance to the nearest k-means centre)", "log10 score", "payments");
    }

    /// <summary>Bars: records per reconciliation class.</summary>
    public static GenericChart ReconciliationClasses(ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var classes = Enum.GetValues<ReconciliationClass>();
        return Bars(classes.Select(ReconciliationResult.NameOf).ToArray(), classes.Select(c => (double)result.Counts[c]).ToArray(), "Reconciliation: records per class", "class", "records");
    }

    private static GenericChart Bars(string[] x, double[] y, string title, string xTitle, string yTitle)
    {
        var t = new Trace2D("bar");
        t.SetProperty("x", x);
        t.SetProperty("y", y);
        return Layout(GenericChart.ofTraceObject(true, t), title, xTitle, yTitle);
    }

    private static GenericChart Layout(GenericChart chart, string title, string xTitle, string yTitle)
    {
        var layout = new Layout();
        var t = new DynamicObj.DynamicObj();
        t.SetProperty("text", title);
        layout.SetProperty("title", t);
        layout.SetProperty("width", Width);
        layout.SetProperty("height", 450);
        layout.SetProperty("xaxis", PlotlyLayout.Axis(xTitle));
        layout.SetProperty("yaxis", PlotlyLayout.Axis(yTitle));
        return Chart.withLayout(layout).Invoke(chart);
    }
}

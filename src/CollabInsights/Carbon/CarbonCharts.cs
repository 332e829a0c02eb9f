using CollabInsights.Reporting;
using DynamicObj;
using Plotly.NET;

namespace CollabInsights.Carbon;

/// <summary>Plotly charts of registry data and double-counting flags, for notebooks and the <c>collab carbon report</c> page.</summary>
public static class CarbonCharts
{
    private const int Width = 900;

    /// <summary>Stacked bars: credits (tonnes) per registry, by block status (issued, held, retired, cancelled...).</summary>
    public static GenericChart CreditsByRegistry(CarbonDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var registries = dataset.Registries.ToArray();
        var traces = Enum.GetValues<CreditStatus>()
            .Where(s => dataset.Blocks.Any(b => b.Status == s))
            .Select(s => Bar(registries, registries.Select(r => (double)dataset.Blocks.Where(b => b.Registry == r && b.Status == s).Sum(b => b.Quantity)).ToArray(), s.ToString().ToLowerInvariant()))
            .ToList();
        return Layout(GenericChart.ofTraceObjects(true, traces.Select(t => (Trace)t)), "Credits per registry, by status (tonnes)", "registry", "tonnes", stacked: true);
    }

    /// <summary>Bars: retired and cancelled tonnes per vintage year (blocks with a vintage), one trace per registry.</summary>
    public static GenericChart RetiredByVintage(CarbonDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var retired = dataset.Blocks.Where(b => b.IsRetiredOrCancelled && b.Vintage is not null).ToList();
        var years = retired.Select(b => b.Vintage!.Value).Distinct().Order().ToArray();
        var traces = dataset.Registries.Where(r => retired.Any(b => b.Registry == r))
            .Select(r => Bar(years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), years.Select(y => (double)retired.Where(b => b.Registry == r && b.Vintage == y).Sum(b => b.Quantity)).ToArray(), r))
            .ToList();
        return Layout(GenericChart.ofTraceObjects(true, traces.Select(t => (Trace)t)), "Retired and cancelled credits by vintage (tonnes)", "vintage", "tonnes", stacked: true);
    }

    /// <summary>Bars: flags per rule, every rule shown (zero included).</summary>
    public static GenericChart FlagsByRule(IEnumerable<CarbonFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var counts = CarbonRules.Counts(flags);
        return Layout(GenericChart.ofTraceObject(true, Bar(counts.Keys.ToArray(), counts.Values.Select(v => (double)v).ToArray(), "flags")), "Double-counting flags per rule", "rule", "flags", stacked: false);
    }

    private static Trace2D Bar(string[] x, double[] y, string name)
    {
        var t = new Trace2D("bar");
        t.SetProperty("x", x);
        t.SetProperty("y", y);
        t.SetProperty("name", name);
        return t;
    }

    private static GenericChart Layout(GenericChart chart, string title, string xTitle, string yTitle, bool stacked)
    {
        var layout = new Layout();
        var t = new DynamicObj.DynamicObj();
        t.SetProperty("text", title);
        layout.SetProperty("title", t);
        layout.SetProperty("width", Width);
        layout.SetProperty("height", 450);
        layout.SetProperty("xaxis", PlotlyLayout.Axis(xTitle));
        layout.SetProperty("yaxis", PlotlyLayout.Axis(yTitle));
        if (stacked)
        {
            layout.SetProperty("barmode", "stack");
        }

        return Chart.withLayout(layout).Invoke(chart);
    }
}

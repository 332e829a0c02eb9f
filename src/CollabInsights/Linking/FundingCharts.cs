using System.Globalization;
using CollabInsights.Reporting.Internal;
using DynamicObj;
using Plotly.NET;

namespace CollabInsights.Linking;

/// <summary>
/// Plotly charts of a <see cref="FundingLinkResult"/>. Amounts are never mixed across currencies: with
/// <c>currency</c> null a chart uses the USD figures the data gives (rows without USD are left out and
/// counted in the title); with a currency code it uses the amounts in that currency only.
/// </summary>
public static class FundingCharts
{
    private const int Width = 1000;

    /// <summary>
    /// Sankey of actual payments: funders to projects to outcome metrics ("(no metric)" for payments not tied to one).
    /// </summary>
    public static GenericChart FundingFlows(FundingLinkResult result, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (rows, left) = Amounts(result.Links, currency, l => l.PaidActual, l => l.PaidActualUsd);
        var flows = rows.Where(r => r.Value > 0).ToList();

        var labels = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Node(string key, string label)
        {
            if (!index.TryGetValue(key, out var i))
            {
                i = labels.Count;
                index.Add(key, i);
                labels.Add(label);
            }

            return i;
        }

        var links = new SortedDictionary<(int Source, int Target), decimal>();
        foreach (var (l, value) in flows)
        {
            var funder = Node("F|" + l.FunderId, l.FunderName);
            var project = Node("P|" + l.ProjectId, Short(l.ProjectName ?? l.ProjectId, 40));
            var metric = Node($"M|{l.ProjectId}|{l.MetricId}", l.MetricId is null ? $"{l.ProjectId}: (no metric)" : $"{l.ProjectId}: {Short(l.MetricDefinition ?? l.MetricId, 40)}");
            links[(funder, project)] = links.GetValueOrDefault((funder, project)) + value;
            links[(project, metric)] = links.GetValueOrDefault((project, metric)) + value;
        }

        var node = new DynamicObj.DynamicObj();
        node.SetProperty("label", labels.ToArray());
        node.SetProperty("pad", 12);
        node.SetProperty("thickness", 14);
        var link = new DynamicObj.DynamicObj();
        link.SetProperty("source", links.Keys.Select(k => k.Source).ToArray());
        link.SetProperty("target", links.Keys.Select(k => k.Target).ToArray());
        link.SetProperty("value", links.Values.Select(v => (double)v).ToArray());
        var trace = new TraceDomain("sankey");
        trace.SetProperty("node", node);
        trace.SetProperty("link", link);
        trace.SetProperty("arrangement", "snap");
        var height = Math.Clamp(20 * labels.Count, 400, 1600);
        return WithLayout(GenericChart.ofTraceObject(true, trace), Title("Actual payments: funders → projects → outcome metrics", currency, left), height, null, null);
    }

    /// <summary>Grouped bars per project: committed (maximum potential outcome payments), planned payments due, and actually paid.</summary>
    public static GenericChart PaidVersusCommitted(FundingLinkResult result, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var usd = currency is null;
        var rows = result.Funders.Where(f => usd || f.Currency == currency).ToList();
        var perProject = rows.GroupBy(f => f.ProjectId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (
                Project: g.Key,
                Committed: Sum(g.Select(f => usd ? f.MaxCommittedUsd : f.MaxCommitted)),
                PlannedDue: usd ? null : (decimal?)g.Sum(f => f.PlannedDue),
                Paid: Sum(g.Select(f => usd ? (f.PaidActual == 0 ? 0m : f.PaidActualUsd) : f.PaidActual))))
            .ToList();
        var shown = perProject.Where(p => p.Paid is not null || p.Committed is not null).ToList();
        var left = perProject.Count - shown.Count;
        var x = shown.Select(p => p.Project).ToArray();
        var traces = new List<Trace>
        {
            Bar("committed", x, shown.Select(p => p.Committed)),
            Bar("paid", x, shown.Select(p => p.Paid)),
        };
        if (!usd)
        {
            traces.Insert(1, Bar("planned due", x, shown.Select(p => p.PlannedDue)));
        }

        var chart = GenericChart.ofTraceObjects(true, traces);
        return WithLayout(chart, Title("Committed versus paid per project", currency, left), 500, "project", usd ? "USD" : currency, barmode: "group");
    }

    /// <summary>
    /// Box plot of cost per outcome by policy sector: one point per project metric (all its funders together:
    /// paid / outcomes achieved). Metrics without outcomes or payments are left out.
    /// </summary>
    public static GenericChart CostPerOutcomeBySector(FundingLinkResult result, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var usd = currency is null;
        var perMetric = result.Links
            .Where(l => l.MetricId is not null && (usd || l.Currency == currency))
            .GroupBy(l => (l.ProjectId, l.MetricId, usd ? "USD" : l.Currency))
            .Select(g =>
            {
                var outcomes = g.First().OutcomesAchieved;
                var paid = Sum(g.Select(l => usd ? l.PaidActualUsd : l.PaidActual));
                return (Sector: g.First().PolicySector ?? "(no sector)", Cost: outcomes is > 0 && paid is > 0 ? paid / outcomes : null);
            })
            .ToList();
        var points = perMetric.Where(p => p.Cost is not null).ToList();
        var left = perMetric.Count - points.Count;
        var traces = points.GroupBy(p => p.Sector, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var t = new Trace2D("box");
                t.SetProperty("name", g.Key);
                t.SetProperty("y", g.Select(p => Math.Round((double)p.Cost!.Value, 2)).ToArray());
                t.SetProperty("boxpoints", "all");
                return (Trace)t;
            })
            .ToList();
        var chart = GenericChart.ofTraceObjects(true, traces);
        return WithLayout(chart, Title("Cost per outcome by policy sector (one point per project metric)", currency, left), 500, "policy sector", usd ? "USD per outcome" : currency + " per outcome");
    }

    private static Trace Bar(string name, string[] x, IEnumerable<decimal?> y)
    {
        var t = new Trace2D("bar");
        t.SetProperty("name", name);
        t.SetProperty("x", x);
        t.SetProperty("y", y.Select(v => v is null ? (double?)null : (double)v.Value).ToArray());
        return t;
    }

    private static (List<(FundingLink Link, decimal Value)> Rows, int Left) Amounts(IEnumerable<FundingLink> links, string? currency, Func<FundingLink, decimal> native, Func<FundingLink, decimal?> usd)
    {
        var rows = new List<(FundingLink, decimal)>();
        var left = 0;
        foreach (var l in links)
        {
            if (currency is not null)
            {
                if (l.Currency == currency)
                {
                    rows.Add((l, native(l)));
                }
            }
            else if (usd(l) is { } value)
            {
                rows.Add((l, value));
            }
            else if (native(l) != 0)
            {
                left++;
            }
        }

        return (rows, left);
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (var v in values)
        {
            if (v is null)
            {
                return null;
            }

            total = (total ?? 0m) + v.Value;
        }

        return total;
    }

    private static string Title(string title, string? currency, int left) =>
        string.Create(CultureInfo.InvariantCulture, $"{title} ({currency ?? "USD as given in the data"})")
        + (left > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {left} rows without a USD amount left out") : string.Empty);

    private static string Short(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }

    private static GenericChart WithLayout(GenericChart chart, string title, int height, string? xTitle, string? yTitle, string? barmode = null)
    {
        var layout = new Layout();
        var t = new DynamicObj.DynamicObj();
        t.SetProperty("text", title);
        layout.SetProperty("title", t);
        layout.SetProperty("width", Width);
        layout.SetProperty("height", height);
        if (barmode is not null)
        {
            layout.SetProperty("barmode", barmode);
        }

        if (xTitle is not null)
        {
            layout.SetProperty("xaxis", PlotlyLayout.Axis(xTitle));
        }

        if (yTitle is not null)
        {
            layout.SetProperty("yaxis", PlotlyLayout.Axis(yTitle));
        }

        return Chart.withLayout(layout).Invoke(chart);
    }
}

using System.Globalization;
using CollabInsights.Domain;
using CollabInsights.Reporting;
using Plotly.NET;

namespace CollabInsights.Linking;

/// <summary>
/// Plotly charts of a <see cref="FundingLinkResult"/>, one currency per chart: amounts in different currencies are
/// never drawn on one axis (<see cref="Currencies"/> lists them; a report draws each). Charts stay readable on
/// large data: the largest projects, funders and metrics are drawn and the rest is grouped into one named
/// element ("45 other projects"); labels are cut to a few words with the full name on hover; every title names
/// the currency's paid total.
/// </summary>
public static class FundingCharts
{
    /// <summary>Projects drawn one by one in <see cref="PaidVersusCommitted"/> before the rest is grouped: 25.</summary>
    public const int DefaultTopProjects = 25;

    /// <summary>Nodes per column (funders, projects, metrics) drawn one by one in <see cref="FundingFlows"/> before the rest is grouped: 12.</summary>
    public const int DefaultTopNodes = 12;

    /// <summary>Characters of a bar or axis label before it is cut (the full text is in the hover): 36.</summary>
    public const int LabelChars = 36;

    /// <summary>
    /// Characters of a Sankey node label before it is cut: 28, so that the labels of the middle column (drawn to the
    /// right of their nodes) and of the last column (drawn to the left) cannot meet in a 1,000-pixel chart.
    /// </summary>
    public const int SankeyLabelChars = 28;

    private const int Width = 1000;

    /// <summary>Every currency of the result (commitments or payments), in ordinal order.</summary>
    public static IReadOnlyList<string> Currencies(FundingLinkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Funders.Select(f => f.Currency).Concat(result.Links.Select(l => l.Currency))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Sum of actual payments in <paramref name="currency"/> (all funders, projects and metrics).</summary>
    public static decimal PaidTotal(FundingLinkResult result, string currency)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Funders.Where(f => f.Currency == currency).Sum(f => f.PaidActual);
    }

    /// <summary>
    /// Sankey of actual payments in <paramref name="currency"/>: funders to projects to outcome metrics (payments not tied
    /// to a metric go to "payments not tied to a metric"). The <paramref name="top"/> largest nodes of each column are
    /// drawn one by one, the rest of the column is one node named with its count.
    /// </summary>
    public static GenericChart FundingFlows(FundingLinkResult result, string currency, int top = DefaultTopNodes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var flows = result.Links.Where(l => l.Currency == currency && l.PaidActual > 0).Select(l => (l, l.PaidActual)).ToList();
        var projectCount = flows.Select(f => f.l.ProjectId).Distinct(StringComparer.Ordinal).Count();
        return Sankey(flows, currency, top, Title(
            string.Create(CultureInfo.InvariantCulture, $"{currency}: {MoneyFormat.Format(PaidTotal(result, currency), currency)} paid to {projectCount} {Plural(projectCount, "project", "projects")}"),
            "Actual payments: funders → projects → outcome metrics"));
    }

    /// <summary>
    /// The Sankey of <see cref="FundingFlows"/> with every currency converted to <see cref="FundingLinkResult.ConvertedTo"/>
    /// (link with <see cref="FundingLinkOptions.ConvertTo"/> set). Rows that could not be converted are left out and counted in the title.
    /// </summary>
    public static GenericChart FundingFlowsConverted(FundingLinkResult result, int top = DefaultTopNodes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var to = result.ConvertedTo ?? throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, "The links were not converted: link with FundingLinkOptions.ConvertTo to draw converted charts.", "FundingLinkOptions.ConvertTo");
        var paid = result.Links.Where(l => l.PaidActual > 0).ToList();
        var flows = paid.Where(l => l.PaidActualConverted is > 0).Select(l => (l, l.PaidActualConverted!.Value)).ToList();
        var left = paid.Count - flows.Count;
        var projectCount = flows.Select(f => f.l.ProjectId).Distinct(StringComparer.Ordinal).Count();
        var currencies = string.Join(", ", flows.Select(f => f.l.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Sankey(flows, to, top, Title(
            string.Create(CultureInfo.InvariantCulture, $"Converted to {to}: {MoneyFormat.Format(flows.Sum(f => f.Item2), to)} paid to {projectCount} {Plural(projectCount, "project", "projects")}"),
            string.Create(CultureInfo.InvariantCulture, $"{currencies} at annual average rates by payment year{(left > 0 ? $"; {left} rows without a rate left out" : string.Empty)}")));
    }

    private static GenericChart Sankey(List<(FundingLink l, decimal Value)> flows, string currency, int top, string title)
    {
        string FunderKey(FundingLink l) => l.FunderId;
        string ProjectKey(FundingLink l) => l.ProjectId;
        string MetricKey(FundingLink l) => l.MetricId is null ? "\u0001none" : l.ProjectId + "|" + l.MetricId;
        var funders = Keep(flows, FunderKey, top);
        var projects = Keep(flows, ProjectKey, top);
        var metrics = Keep(flows, MetricKey, top);
        var links = new SortedDictionary<(int Source, int Target), decimal>();

        var labels = new List<string>();
        var hovers = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Node(string key, string label, string hover)
        {
            if (!index.TryGetValue(key, out var i))
            {
                i = labels.Count;
                index.Add(key, i);
                labels.Add(Text(Short(label, SankeyLabelChars)));
                hovers.Add(Text(hover));
            }

            return i;
        }

        foreach (var (l, value) in flows)
        {
            var funder = funders.Kept.Contains(FunderKey(l))
                ? Node("F|" + l.FunderId, FunderLabel(l.FunderName, SankeyLabelChars), l.FunderName + " (" + l.FunderId + ")")
                : Node("F|*", Other(funders.Others, "funder", "funders"), Other(funders.Others, "funder", "funders") + " with smaller payments");
            var project = projects.Kept.Contains(ProjectKey(l))
                ? Node("P|" + l.ProjectId, l.ProjectName ?? l.ProjectId, l.ProjectId + ": " + (l.ProjectName ?? "(no name)"))
                : Node("P|*", Other(projects.Others, "project", "projects"), Other(projects.Others, "project", "projects") + " with smaller payments");
            var metric = !metrics.Kept.Contains(MetricKey(l))
                ? Node("M|*", Other(metrics.Others, "metric", "metrics"), Other(metrics.Others, "outcome metric", "outcome metrics") + " with smaller payments")
                : l.MetricId is null
                    ? Node("M|none", "payments not tied to a metric", "payments not tied to an outcome metric")
                    : Node("M|" + MetricKey(l), l.MetricDefinition ?? l.MetricId, l.ProjectId + " " + l.MetricId + ": " + (l.MetricDefinition ?? "(no definition)"));
            links[(funder, project)] = links.GetValueOrDefault((funder, project)) + value;
            links[(project, metric)] = links.GetValueOrDefault((project, metric)) + value;
        }

        var digits = Iso4217.MinorUnits(currency).ToString(CultureInfo.InvariantCulture);
        var node = new DynamicObj.DynamicObj();
        node.SetProperty("label", labels.ToArray());
        node.SetProperty("customdata", hovers.ToArray());
        node.SetProperty("hovertemplate", "%{customdata}<br>%{value:,." + digits + "f} " + currency + "<extra></extra>");
        node.SetProperty("pad", 18);
        node.SetProperty("thickness", 14);
        var link = new DynamicObj.DynamicObj();
        link.SetProperty("source", links.Keys.Select(k => k.Source).ToArray());
        link.SetProperty("target", links.Keys.Select(k => k.Target).ToArray());
        link.SetProperty("value", links.Values.Select(v => (double)v).ToArray());
        var trace = new TraceDomain("sankey");
        trace.SetProperty("node", node);
        trace.SetProperty("link", link);
        trace.SetProperty("arrangement", "snap");
        trace.SetProperty("valueformat", ",." + digits + "f");
        trace.SetProperty("valuesuffix", " " + currency);
        var font = new DynamicObj.DynamicObj();
        font.SetProperty("size", 11);
        trace.SetProperty("textfont", font);
        var column = Math.Max(funders.Kept.Count + (funders.Others > 0 ? 1 : 0), Math.Max(projects.Kept.Count + (projects.Others > 0 ? 1 : 0), metrics.Kept.Count + (metrics.Others > 0 ? 1 : 0)));
        var height = Math.Clamp(140 + (40 * column), 420, 1100);
        return WithLayout(GenericChart.ofTraceObject(true, trace), title, height, null, null);
    }

    /// <summary>
    /// Horizontal bars per project in <paramref name="currency"/>: committed (maximum potential outcome payments), planned
    /// payments due, and actually paid. The <paramref name="top"/> largest projects are drawn one by one, the rest as one
    /// bar named with its count.
    /// </summary>
    public static GenericChart PaidVersusCommitted(FundingLinkResult result, string currency, int top = DefaultTopProjects)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var perProject = result.Funders.Where(f => f.Currency == currency)
            .GroupBy(f => f.ProjectId, StringComparer.Ordinal)
            .Select(g => new ProjectBar(
                g.Key,
                g.First().ProjectName,
                Sum(g.Select(f => f.MaxCommitted)),
                g.Sum(f => f.PlannedDue),
                g.Sum(f => f.PaidActual)))
            .ToList();
        var committed = perProject.Where(p => p.Committed is not null).Sum(p => p.Committed!.Value);
        return Bars(perProject, currency, top, string.Create(CultureInfo.InvariantCulture, $"{currency}: {MoneyFormat.Format(PaidTotal(result, currency), currency)} paid, {MoneyFormat.Format(committed, currency)} committed"), null);
    }

    /// <summary>
    /// The bars of <see cref="PaidVersusCommitted"/> with every currency converted to <see cref="FundingLinkResult.ConvertedTo"/>
    /// (link with <see cref="FundingLinkOptions.ConvertTo"/> set). Funder rows that could not be converted are left out and counted in the title.
    /// </summary>
    public static GenericChart PaidVersusCommittedConverted(FundingLinkResult result, int top = DefaultTopProjects)
    {
        ArgumentNullException.ThrowIfNull(result);
        var to = result.ConvertedTo ?? throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, "The links were not converted: link with FundingLinkOptions.ConvertTo to draw converted charts.", "FundingLinkOptions.ConvertTo");
        var rows = result.Funders.Where(f => f.PaidActualConverted is not null && f.PlannedDueConverted is not null).ToList();
        var left = result.Funders.Count(f => f.PaidActual != 0 || f.PlannedDue != 0 || f.MaxCommitted is not null) - rows.Count(f => f.PaidActual != 0 || f.PlannedDue != 0 || f.MaxCommitted is not null);
        var perProject = rows.GroupBy(f => f.ProjectId, StringComparer.Ordinal)
            .Select(g => new ProjectBar(g.Key, g.First().ProjectName, Sum(g.Select(f => f.MaxCommittedConverted)), g.Sum(f => f.PlannedDueConverted!.Value), g.Sum(f => f.PaidActualConverted!.Value)))
            .ToList();
        var committed = perProject.Where(p => p.Committed is not null).Sum(p => p.Committed!.Value);
        return Bars(perProject, to, top, string.Create(CultureInfo.InvariantCulture, $"Converted to {to}: {MoneyFormat.Format(perProject.Sum(p => p.Paid), to)} paid, {MoneyFormat.Format(committed, to)} committed"),
            string.Create(CultureInfo.InvariantCulture, $"at annual average rates by period year{(left > 0 ? $"; {left} funder rows without a period or rate left out" : string.Empty)}"));
    }

    private static GenericChart Bars(List<ProjectBar> projects, string currency, int top, string headline, string? note)
    {
        var perProject = projects
            .OrderByDescending(p => Math.Max(p.Committed ?? 0m, Math.Max(p.PlannedDue, p.Paid)))
            .ThenBy(p => p.ProjectId, StringComparer.Ordinal)
            .ToList();
        var shown = perProject.Take(top).ToList();
        var rest = perProject.Skip(top).ToList();
        var labels = new List<string>();
        var hovers = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in shown)
        {
            var label = Short(p.ProjectName ?? p.ProjectId, LabelChars);
            if (!used.Add(label))
            {
                label = Short(p.ProjectName ?? p.ProjectId, LabelChars - p.ProjectId.Length - 3) + " (" + p.ProjectId + ")";
                used.Add(label);
            }

            labels.Add(Text(label));
            hovers.Add(Text(p.ProjectId + ": " + (p.ProjectName ?? "(no name)")));
        }

        if (rest.Count > 0)
        {
            shown.Add(new ProjectBar("*", null, Sum(rest.Select(p => p.Committed).Where(c => c is not null)), rest.Sum(p => p.PlannedDue), rest.Sum(p => p.Paid)));
            var other = Other(rest.Count, "project", "projects");
            labels.Add(other);
            hovers.Add(other + " together (smaller amounts)");
        }

        var y = labels.ToArray();
        var custom = hovers.ToArray();
        var traces = new List<Trace>
        {
            Bar("committed", y, custom, shown.Select(p => p.Committed), currency),
            Bar("planned due", y, custom, shown.Select(p => (decimal?)p.PlannedDue), currency),
            Bar("paid", y, custom, shown.Select(p => (decimal?)p.Paid), currency),
        };
        var title = Title(
            headline,
            (rest.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Committed, planned due and paid per project: the {top} largest of {perProject.Count}, the rest grouped")
                : string.Create(CultureInfo.InvariantCulture, $"Committed, planned due and paid per project ({perProject.Count} {Plural(perProject.Count, "project", "projects")})"))
            + (note is null ? string.Empty : "; " + note));
        var height = Math.Clamp(160 + (36 * shown.Count), 300, 1400);
        var chart = GenericChart.ofTraceObjects(true, traces);
        var yAxis = PlotlyLayout.Axis("project");
        yAxis.SetProperty("autorange", "reversed");
        var xAxis = PlotlyLayout.Axis(currency);
        xAxis.SetProperty("tickformat", ",.0f");
        xAxis.SetProperty("nticks", 6);
        return WithLayout(chart, title, height, xAxis, yAxis, barmode: "group");
    }

    /// <summary>
    /// Box plot of cost per outcome in <paramref name="currency"/> by policy sector: one point per project metric (all its
    /// funders together: paid / outcomes achieved). Metrics without outcomes or payments are left out and counted in the title.
    /// </summary>
    public static GenericChart CostPerOutcomeBySector(FundingLinkResult result, string currency)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        var perMetric = CostPoints(result, currency);
        var points = perMetric.Where(p => p.Cost is not null).ToList();
        var left = perMetric.Count - points.Count;
        var traces = points.GroupBy(p => p.Sector, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var t = new Trace2D("box");
                t.SetProperty("name", Text(Short(g.Key, LabelChars)));
                t.SetProperty("y", g.Select(p => Math.Round((double)p.Cost!.Value, 2)).ToArray());
                t.SetProperty("text", g.Select(p => Text(p.Label)).ToArray());
                t.SetProperty("boxpoints", "all");
                return (Trace)t;
            })
            .ToList();
        var chart = GenericChart.ofTraceObjects(true, traces);
        var title = Title(
            string.Create(CultureInfo.InvariantCulture, $"{currency}: cost per outcome by policy sector ({points.Count} project {Plural(points.Count, "metric", "metrics")})"),
            left > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Paid / outcomes achieved; {left} {Plural(left, "metric", "metrics")} without outcomes or payments left out")
                : "Paid / outcomes achieved, one point per project metric");
        var xAxis = PlotlyLayout.Axis("policy sector");
        var yAxis = PlotlyLayout.Axis(currency + " per outcome");
        yAxis.SetProperty("tickformat", ",.0f");
        return WithLayout(chart, title, 500, xAxis, yAxis);
    }

    /// <summary>Number of project metrics in <paramref name="currency"/> with both payments and outcomes (the points <see cref="CostPerOutcomeBySector"/> draws).</summary>
    public static int CostPerOutcomePoints(FundingLinkResult result, string currency)
    {
        ArgumentNullException.ThrowIfNull(result);
        return CostPoints(result, currency).Count(p => p.Cost is not null);
    }

    private static List<(string Sector, decimal? Cost, string Label)> CostPoints(FundingLinkResult result, string currency) =>
        result.Links
            .Where(l => l.MetricId is not null && l.Currency == currency)
            .GroupBy(l => (l.ProjectId, l.MetricId))
            .OrderBy(g => g.Key.ProjectId, StringComparer.Ordinal).ThenBy(g => g.Key.MetricId, StringComparer.Ordinal)
            .Select(g =>
            {
                var outcomes = g.First().OutcomesAchieved;
                var paid = g.Sum(l => l.PaidActual);
                return (
                    Sector: g.First().PolicySector ?? "(no sector)",
                    Cost: outcomes is > 0 && paid > 0 ? paid / outcomes : null,
                    Label: g.Key.ProjectId + " " + g.Key.MetricId + ": " + (g.First().MetricDefinition ?? string.Empty));
            })
            .ToList();

    private static (HashSet<string> Kept, int Others) Keep(IEnumerable<(FundingLink l, decimal Value)> flows, Func<FundingLink, string> key, int top)
    {
        var ranked = flows.GroupBy(f => key(f.l), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Value: g.Sum(f => f.Value)))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

        // Grouping a single leftover saves nothing: draw it.
        var keep = ranked.Count == top + 1 ? ranked.Count : top;
        return (ranked.Take(keep).Select(x => x.Key).ToHashSet(StringComparer.Ordinal), ranked.Count - Math.Min(keep, ranked.Count));
    }

    private static Trace Bar(string name, string[] y, string[] hover, IEnumerable<decimal?> x, string currency)
    {
        var t = new Trace2D("bar");
        t.SetProperty("name", name);
        t.SetProperty("orientation", "h");
        t.SetProperty("y", y);
        t.SetProperty("x", x.Select(v => v is null ? (double?)null : (double)v.Value).ToArray());
        t.SetProperty("customdata", hover);
        var digits = Iso4217.MinorUnits(currency).ToString(CultureInfo.InvariantCulture);
        t.SetProperty("hovertemplate", "%{customdata}<br>" + name + ": %{x:,." + digits + "f} " + currency + "<extra></extra>");
        return t;
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                total = (total ?? 0m) + x;
            }
        }

        return total;
    }

    // Joint payers ("A + B") keep a part of every name, so two joint funders that share their first payer stay apart.
    private static string FunderLabel(string name, int max)
    {
        var parts = name.Split(" + ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || name.Length <= max)
        {
            return name;
        }

        var each = Math.Max(6, (max - (3 * (parts.Length - 1))) / parts.Length);
        return string.Join(" + ", parts.Select(p => Short(p, each)));
    }

    private static string Other(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} other {Plural(count, one, many)}");

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    // A two-line title: the headline (with the currency's paid total) and a smaller line saying what is drawn.
    private static string Title(string headline, string detail) => Text(headline) + "<br><sup>" + Text(detail) + "</sup>";

    // Plotly reads a few HTML tags and entities in its text; data never brings its own.
    private static string Text(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Short(string text, int max)
    {
        var line = string.Join(' ', text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        max = Math.Max(max, 8);
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1).TrimEnd(), "…");
    }

    private static GenericChart WithLayout(GenericChart chart, string title, int height, DynamicObj.DynamicObj? xAxis, DynamicObj.DynamicObj? yAxis, string? barmode = null)
    {
        var layout = new Layout();
        var t = new DynamicObj.DynamicObj();
        t.SetProperty("text", title);
        t.SetProperty("x", 0.02);
        t.SetProperty("xanchor", "left");
        var font = new DynamicObj.DynamicObj();
        font.SetProperty("size", 15);
        t.SetProperty("font", font);
        layout.SetProperty("title", t);
        layout.SetProperty("width", Width);
        layout.SetProperty("height", height);
        var margin = new DynamicObj.DynamicObj();
        margin.SetProperty("t", 80);
        layout.SetProperty("margin", margin);
        if (barmode is not null)
        {
            layout.SetProperty("barmode", barmode);
        }

        if (xAxis is not null)
        {
            layout.SetProperty("xaxis", xAxis);
        }

        if (yAxis is not null)
        {
            layout.SetProperty("yaxis", yAxis);
        }

        return Chart.withLayout(layout).Invoke(chart);
    }

    private sealed record ProjectBar(string ProjectId, string? ProjectName, decimal? Committed, decimal PlannedDue, decimal Paid);
}

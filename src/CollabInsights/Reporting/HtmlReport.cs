using System.Globalization;
using System.Text;
using Markdig;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace CollabInsights.Reporting;

/// <summary>
/// Builds a self-contained offline HTML page: a title, markdown sections, tables and Plotly charts.
/// plotly.js is inlined exactly once (only when the page has a chart); nothing is loaded from the network.
/// Every value from the data is escaped for where it lands (HTML text and attributes, JSON inside scripts), and the page
/// carries a Content-Security-Policy (<see cref="ContentSecurityPolicy"/>) that runs only the kit's own scripts, by hash.
/// The same content gives the same bytes (chart ids are numbered, not random).
/// </summary>
public sealed class HtmlReport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private readonly List<string> _parts = [];
    private readonly List<string> _scripts = [];
    private int _charts;

    /// <summary>Starts a report with <paramref name="title"/> as page title and first heading.</summary>
    public HtmlReport(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    /// <summary>The page title.</summary>
    public string Title { get; }

    /// <summary>Number of charts added so far.</summary>
    public int ChartCount => _charts;

    /// <summary>Adds a heading (level 2 by default; level 1 is the title).</summary>
    public HtmlReport AddHeading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        _parts.Add(string.Create(CultureInfo.InvariantCulture, $"<h{level}>{HtmlTable.Escape(text)}</h{level}>\n"));
        return this;
    }

    /// <summary>Adds a markdown section (CommonMark with pipe tables; raw HTML in it is escaped, not rendered).</summary>
    public HtmlReport AddMarkdown(string markdown)
    {
        _parts.Add("<section class=\"md\">\n" + Markdig.Markdown.ToHtml(markdown ?? string.Empty, Markdown) + "</section>\n");
        return this;
    }

    /// <summary>Adds a DataFrame as a table with a bounded preview (<see cref="HtmlTable.DefaultPreviewRows"/> rows by default).</summary>
    public HtmlReport AddTable(DataFrame frame, string? caption = null, int previewRows = HtmlTable.DefaultPreviewRows)
    {
        AddCaption(caption);
        _parts.Add(HtmlTable.FromDataFrame(frame, previewRows));
        return this;
    }

    /// <summary>Adds records as a table (public properties as columns) with a bounded preview.</summary>
    public HtmlReport AddTable<T>(IEnumerable<T> records, string? caption = null, int previewRows = HtmlTable.DefaultPreviewRows)
    {
        AddCaption(caption);
        _parts.Add(HtmlTable.FromRecords(records, previewRows));
        return this;
    }

    /// <summary>Adds a Plotly chart; the first chart brings the single inlined copy of plotly.js.</summary>
    public HtmlReport AddChart(GenericChart chart, string? caption = null)
    {
        AddCaption(caption);
        _charts++;
        var id = string.Create(CultureInfo.InvariantCulture, $"collab_chart_{_charts}");
        var script = PlotlyOffline.ChartScript(chart, id);
        _scripts.Add(script);
        _parts.Add("<div class=\"chart\">\n<div><div id=\"" + id + "\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">"
            + script + "</script></div>\n</div>\n");
        return this;
    }

    /// <summary>Adds trusted HTML as is (the caller is responsible for escaping; a script in it does not run, the page's policy blocks it).</summary>
    public HtmlReport AddHtml(string html)
    {
        _parts.Add(html);
        return this;
    }

    /// <summary>The complete page.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append(ContentSecurityPolicy.MetaTag(_charts > 0 ? [PlotlyOffline.ScriptBody, .. _scripts] : _scripts))
          .Append("<title>")
          .Append(HtmlTable.Escape(Title))
          .Append("</title>\n<style>\n")
          .Append(Css)
          .Append("</style>\n");
        if (_charts > 0)
        {
            sb.Append(PlotlyOffline.ScriptTag());
        }

        sb.Append("</head>\n<body>\n<h1>").Append(HtmlTable.Escape(Title)).Append("</h1>\n");
        foreach (var part in _parts)
        {
            sb.Append(part);
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the page as UTF-8 (no BOM) to <paramref name="path"/>, creating its folder.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        await File.WriteAllTextAsync(path, ToHtml(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private void AddCaption(string? caption)
    {
        if (!string.IsNullOrWhiteSpace(caption))
        {
            _parts.Add("<h3>" + HtmlTable.Escape(caption) + "</h3>\n");
        }
    }

    private const string Css = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
        table.collab-table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
        table.collab-table th, table.collab-table td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
        table.collab-table th { background: #f3f3f3; }
        table.collab-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
        p.collab-table-more { font-size: 0.8em; color: #666; margin-top: 0; }
        div.chart { margin: 1em 0; }
        details.collab-prov summary { cursor: pointer; white-space: nowrap; }
        details.collab-prov[open] { white-space: normal; }

        """;
}

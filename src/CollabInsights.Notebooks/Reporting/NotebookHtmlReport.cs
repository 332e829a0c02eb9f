using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Reporting;
using Markdig;

namespace CollabInsights.Notebooks.Reporting;

/// <summary>
/// Renders an executed notebook as one self-contained HTML page: markdown rendered, code, outputs and
/// charts (plotly.js travels inside the first chart output, so the page holds one copy). A
/// Content-Security-Policy (<see cref="ContentSecurityPolicy"/>) forbids every network request, so the page shows exactly
/// what works offline, and runs only the kit's own scripts (plotly.js and chart drawing, recognised by
/// <see cref="PlotlyOffline.IsKitScript"/> and allowed by hash): any other script in an output or a markdown cell
/// (an injected one, or a notebook's own <c>%%javascript</c>) does not run in the report.
/// </summary>
public static partial class NotebookHtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; background: #fafafa; color: #222; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
        .cell { margin: 0 0 1rem 0; }
        .source { background: #f3f5f8; border-left: 3px solid #4a78c2; padding: .5rem .75rem; overflow-x: auto; font-size: .85rem; }
        .prompt { color: #4a78c2; font-family: monospace; font-size: .75rem; }
        .output { padding: .25rem .75rem; overflow-x: auto; }
        pre { margin: .25rem 0; white-space: pre-wrap; }
        .stderr { background: #fff3f3; }
        .error { background: #fde8e8; color: #8a1c1c; padding: .5rem; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; }
        th { background: #f0f0f0; }
        """;

    /// <summary>The HTML page of <paramref name="notebook"/>; <paramref name="title"/> defaults to the first markdown heading.</summary>
    public static string Render(NotebookDocument notebook, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        title ??= notebook.Cells.Where(c => c.Kind == CellKind.Markdown)
            .Select(c => HeadingPattern().Match(c.Source))
            .FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim() ?? "Notebook";
        var html = new StringBuilder();
        html.Append("<body>\n<main>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    html.Append("<section class=\"cell markdown\">\n").Append(RenderMarkdown(cell)).Append("</section>\n");
                    break;
                case CellKind.Code:
                    html.Append("<section class=\"cell code\">\n<div class=\"prompt\">In [").Append(cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ").Append("]:</div>\n")
                        .Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(Escape(cell.Source)).Append("</code></pre>\n");
                    foreach (var output in cell.Outputs)
                    {
                        html.Append("<div class=\"output\">").Append(RenderOutput(output)).Append("</div>\n");
                    }

                    html.Append("</section>\n");
                    break;
                default:
                    html.Append("<section class=\"cell raw\"><pre>").Append(Escape(cell.Source)).Append("</pre></section>\n");
                    break;
            }
        }

        html.Append("</main>\n</body>\n</html>\n");
        var body = html.ToString();
        var kitScripts = ScriptPattern().Matches(body).Select(m => m.Groups[1].Value).Where(PlotlyOffline.IsKitScript);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + ContentSecurityPolicy.MetaTag(kitScripts)
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + Escape(title) + "</title>\n<style>" + Style + "</style>\n</head>\n" + body;
    }

    private static string RenderMarkdown(NotebookCell cell)
    {
        var body = Markdown.ToHtml(cell.Source, Pipeline);
        if (cell.Attachments is null)
        {
            return body;
        }

        // Inline cell attachments ("attachment:name" image sources) as data URIs.
        return AttachmentPattern().Replace(body, m =>
        {
            var name = WebUtility.HtmlDecode(m.Groups[1].Value);
            if (cell.Attachments[name] is JsonObject bundle && bundle.FirstOrDefault() is var (mime, data) && data is not null)
            {
                return $"src=\"data:{Escape(mime)};base64,{Escape(NotebookDocument.ReadMultiline(data).Replace("\n", "", StringComparison.Ordinal))}\"";
            }

            return m.Value;
        });
    }

    private static string RenderOutput(JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() ?? "stdout";
                return $"<pre class=\"stream {Escape(name)}\">{Escape(NotebookDocument.ReadMultiline(output["text"]))}</pre>";
            case "error":
                var traceback = output["traceback"] is JsonArray tb ? string.Join("\n", tb.Select(t => t?.GetValue<string>() ?? "")) : "";
                return $"<pre class=\"error\">{Escape(StripAnsi(traceback))}</pre>";
            case "display_data" or "execute_result":
                if (NotebookOutputs.GetData(output, "text/html") is { } html)
                {
                    return html;
                }

                foreach (var image in new[] { "image/png", "image/jpeg", "image/gif" })
                {
                    if (NotebookOutputs.GetData(output, image) is { } b64)
                    {
                        return $"<img src=\"data:{image};base64,{Escape(b64.Replace("\n", "", StringComparison.Ordinal))}\" alt=\"output\">";
                    }
                }

                if (NotebookOutputs.GetData(output, "image/svg+xml") is { } svg)
                {
                    return svg;
                }

                return $"<pre>{Escape(NotebookOutputs.GetData(output, "text/plain") ?? "")}</pre>";
            default:
                return "";
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string StripAnsi(string text) => AnsiPattern().Replace(text, "");

    [GeneratedRegex(@"^\s*#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"src=""attachment:([^""]+)""")]
    private static partial Regex AttachmentPattern();

    // Script data ends at the first "</script" (HTML's rule), which is what the lazy match finds.
    [GeneratedRegex(@"<script\b[^>]*>(.*?)</script", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiPattern();
}

using System.Net;
using System.Text;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>
/// Stand-in HTML table writer used until the library's Reporting renderer is merged; escapes every
/// value and shows the first rows followed by an "N more rows" line.
/// </summary>
internal static class TableHtmlWriter
{
    public static (string Html, string Text) Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int maxRows)
    {
        var html = new StringBuilder("<table class=\"collab-table\">\n<thead><tr>");
        var text = new StringBuilder(string.Join(" | ", headers)).Append('\n');
        foreach (var h in headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            if (count > maxRows)
            {
                continue;
            }

            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
            text.Append(string.Join(" | ", row)).Append('\n');
        }

        html.Append("</tbody>\n</table>\n");
        if (count > maxRows)
        {
            html.Append("<p>").Append(count - maxRows).Append(" more rows</p>\n");
            text.Append(count - maxRows).Append(" more rows\n");
        }

        html.Append("<p>").Append(count).Append(count == 1 ? " row" : " rows").Append(", ").Append(headers.Count).Append(" columns</p>\n");
        return (html.ToString(), text.ToString());
    }
}

using Microsoft.Data.Analysis;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>Renders a <see cref="DataFrame"/> as an HTML table with a bounded preview.</summary>
internal sealed class DataFrameFormatter : IDisplayFormatter
{
    public bool CanFormat(object value) => value is DataFrame;

    public MimeBundle Format(object value, DisplayContext context)
    {
        var frame = (DataFrame)value;
        var headers = frame.Columns.Select(c => c.Name).ToArray();
        var rows = Enumerable.Range(0, (int)Math.Min(frame.Rows.Count, int.MaxValue))
            .Select(i => (IReadOnlyList<string>)frame.Columns.Select(c => TableShape.Cell(c[i])).ToArray());
        var (html, text) = TableHtmlWriter.Write(headers, rows, context.MaxRows);
        return new MimeBundle(text).With("text/html", html);
    }
}

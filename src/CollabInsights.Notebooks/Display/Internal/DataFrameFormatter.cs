using CollabInsights.Reporting;
using Microsoft.Data.Analysis;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>Renders a <see cref="DataFrame"/> with the library's <see cref="HtmlTable"/> (bounded preview); text/plain is the DataFrame's own text.</summary>
internal sealed class DataFrameFormatter : IDisplayFormatter
{
    public bool CanFormat(object value) => value is DataFrame;

    public MimeBundle Format(object value, DisplayContext context)
    {
        var frame = (DataFrame)value;
        return new MimeBundle(frame.ToString()).With("text/html", HtmlTable.FromDataFrame(frame, context.MaxRows));
    }
}

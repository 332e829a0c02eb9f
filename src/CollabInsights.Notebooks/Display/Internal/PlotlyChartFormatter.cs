using CollabInsights.Reporting;
using Plotly.NET;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>
/// Renders Plotly.NET charts with the library's <see cref="PlotlyOffline"/>: a div and a script that
/// draw offline; the first chart of a document also carries plotly.js. Chart ids are numbered per
/// document (<c>collab_chart_1</c>, ...) so the same notebook renders to the same bytes.
/// </summary>
internal sealed class PlotlyChartFormatter : IDisplayFormatter
{
    public bool CanFormat(object value) => value is GenericChart;

    public MimeBundle Format(object value, DisplayContext context)
    {
        var fragment = PlotlyOffline.ChartFragment((GenericChart)value, context.NextId("collab_chart"));
        var html = context.ClaimOnce("plotly.js") ? PlotlyOffline.ScriptTag() + fragment : fragment;
        return new MimeBundle("Plotly chart (shown as HTML)").With("text/html", html);
    }
}

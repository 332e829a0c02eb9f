using System.Reflection;
using Plotly.NET;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>
/// Renders Plotly.NET charts as an HTML fragment (a div and a script) that draws offline: the first
/// chart of a document also carries plotly.js, inlined from the Plotly.NET assembly.
/// </summary>
internal sealed class PlotlyChartFormatter : IDisplayFormatter
{
    private static readonly Lazy<string> Library = new(LoadLibrary);

    public bool CanFormat(object value) => value is GenericChart;

    public MimeBundle Format(object value, DisplayContext context)
    {
        var chart = (GenericChart)value;
        var fragment = GenericChart.toChartHTML(chart);
        var html = context.ClaimOnce("plotly.js") ? ScriptTag() + fragment : fragment;
        return new MimeBundle("Plotly chart (open as HTML to view)").With("text/html", html);
    }

    /// <summary>
    /// A script element defining <c>window.Plotly</c> even where an AMD loader (classic Jupyter) is
    /// present: the library runs inside a function that shadows <c>define</c>, <c>exports</c> and <c>module</c>.
    /// </summary>
    public static string ScriptTag() =>
        "<script type=\"text/javascript\">if (typeof window.Plotly === 'undefined') { (function(define, exports, module) {\n"
        + Library.Value
        + "\n}).call(window, undefined, undefined, undefined); }</script>\n";

    private static string LoadLibrary()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new CollabInsightsException($"plotly.js is not embedded in {assembly.GetName().Name} {assembly.GetName().Version}; charts cannot render offline. Use Plotly.NET 6.0.0 as pinned in Directory.Packages.props.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}

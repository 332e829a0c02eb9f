using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace CollabInsights.Reporting;

/// <summary>
/// Offline Plotly output: a chart as a div + script fragment, and the plotly.js library (2.28.0,
/// embedded in the Plotly.NET assembly) as one inline script tag to put ONCE in a document.
/// </summary>
public static partial class PlotlyOffline
{
    /// <summary>Name of the plotly.js resource embedded in the Plotly.NET assembly.</summary>
    public const string PlotlyJsResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> LazyPlotlyJs = new(ReadPlotlyJs);

    /// <summary>The plotly.js library source (about 3.6 MB), read once from the Plotly.NET assembly.</summary>
    public static string PlotlyJs => LazyPlotlyJs.Value;

    /// <summary>
    /// A <c>&lt;script&gt;</c> tag that inlines plotly.js and sets the global <c>Plotly</c> even on pages with
    /// an AMD loader (classic Jupyter): <c>define</c>, <c>exports</c> and <c>module</c> are shadowed inside a
    /// wrapper function. Put it once per document, before the first chart fragment.
    /// </summary>
    public static string ScriptTag() =>
        "<script type=\"text/javascript\">(function(define, exports, module){\n"
        + PlotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window, undefined, undefined, undefined);</script>\n";

    /// <summary>
    /// The chart as a div + script fragment (<c>GenericChart.toChartHTML</c>); it expects a global
    /// <c>Plotly</c> (see <see cref="ScriptTag"/>). With <paramref name="elementId"/>, the random GUID
    /// Plotly.NET uses as the div id (letters, digits, underscores) is replaced so the same chart renders to the same bytes.
    /// </summary>
    public static string ChartFragment(GenericChart chart, string? elementId = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var html = GenericChart.toChartHTML(chart);
        if (elementId is null)
        {
            return html;
        }

        if (!ValidId().IsMatch(elementId))
        {
            throw new ArgumentException($"Chart element id '{elementId}' must be letters, digits and underscores (it also names a JavaScript function).", nameof(elementId));
        }

        var match = DivId().Match(html);
        if (!match.Success)
        {
            return html;
        }

        var guid = match.Groups[1].Value;
        return html.Replace(guid, elementId, StringComparison.Ordinal)
                   .Replace(guid.Replace("-", string.Empty, StringComparison.Ordinal), elementId, StringComparison.Ordinal);
    }

    private static string ReadPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(PlotlyJsResourceName)
            ?? throw new CollabInsightsException($"plotly.js was not found in {assembly.GetName().Name} as the resource '{PlotlyJsResourceName}'. Check that the Plotly.NET version in Directory.Packages.props is 6.0.0.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();

    [GeneratedRegex("<div id=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex DivId();
}

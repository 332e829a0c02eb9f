using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace CollabInsights.Reporting;

/// <summary>
/// Offline Plotly output: a chart as a div + script fragment, and the plotly.js library (2.28.0,
/// embedded in the Plotly.NET assembly) as one inline script tag to put ONCE in a document. Text from the data is
/// escaped for the script element it lands in; pages list the scripts' hashes in their Content-Security-Policy.
/// </summary>
public static partial class PlotlyOffline
{
    /// <summary>Name of the plotly.js resource embedded in the Plotly.NET assembly.</summary>
    public const string PlotlyJsResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> LazyPlotlyJs = new(ReadPlotlyJs);

    /// <summary>The plotly.js library source (about 3.6 MB), read once from the Plotly.NET assembly.</summary>
    public static string PlotlyJs => LazyPlotlyJs.Value;

    private static readonly Lazy<string> LazyScriptBody = new(() =>
        "(function(define, exports, module){\n"
        + PlotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window, undefined, undefined, undefined);");

    /// <summary>
    /// The text inside <see cref="ScriptTag"/>: plotly.js in a wrapper function that shadows <c>define</c>, <c>exports</c> and
    /// <c>module</c>, so it sets the global <c>Plotly</c> even on pages with an AMD loader (classic Jupyter). Pages hash it
    /// for their Content-Security-Policy (<see cref="ContentSecurityPolicy"/>).
    /// </summary>
    public static string ScriptBody => LazyScriptBody.Value;

    /// <summary>
    /// A <c>&lt;script&gt;</c> tag that inlines plotly.js (<see cref="ScriptBody"/>). Put it once per document, before the first chart fragment.
    /// </summary>
    public static string ScriptTag() => "<script type=\"text/javascript\">" + ScriptBody + "</script>\n";

    /// <summary>
    /// The chart as a div + script fragment, in the shape of <c>GenericChart.toChartHTML</c>, expecting a global <c>Plotly</c>
    /// (see <see cref="ScriptTag"/>). The figure's JSON is escaped for a script element (<see cref="ScriptJson"/>), so text from
    /// the data cannot end the script. <paramref name="elementId"/> (letters, digits, underscores) names the div, so the same
    /// chart renders to the same bytes; without it a random id is used.
    /// </summary>
    public static string ChartFragment(GenericChart chart, string? elementId = null)
    {
        elementId ??= "collab_" + Guid.NewGuid().ToString("N");
        return "<div><div id=\"" + elementId + "\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">"
            + ChartScript(chart, elementId) + "</script></div>";
    }

    /// <summary>
    /// The text of the script that draws <paramref name="chart"/> into the element <paramref name="elementId"/>: the figure's
    /// data, layout and config as escaped JSON literals and one <c>Plotly.newPlot</c> call. Pages hash it for their
    /// Content-Security-Policy; <see cref="IsKitScript"/> recognises the shape.
    /// </summary>
    public static string ChartScript(GenericChart chart, string elementId)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(elementId);
        if (!ValidId().IsMatch(elementId))
        {
            throw new ArgumentException($"Chart element id '{elementId}' must be letters, digits and underscores (it also names a JavaScript function).", nameof(elementId));
        }

        using var figure = JsonDocument.Parse(GenericChart.toJson(chart));
        string Part(string name) => figure.RootElement.TryGetProperty(name, out var value) ? ScriptJson.Escape(value.GetRawText()) : "{}";
        return "var renderPlotly_" + elementId + " = function() {\n"
            + "    var data = " + Part("data") + ";\n"
            + "    var layout = " + Part("layout") + ";\n"
            + "    var config = " + Part("config") + ";\n"
            + "    Plotly.newPlot('" + elementId + "', data, layout, config);\n"
            + "};\nrenderPlotly_" + elementId + "();\n";
    }

    /// <summary>
    /// Whether <paramref name="script"/> is one the kit writes: <see cref="ScriptBody"/>, or a <see cref="ChartScript"/> whose
    /// three parts are valid JSON with no <c>&lt;</c> (so it can only draw a chart). Used to hash only the kit's own scripts
    /// into a page's Content-Security-Policy.
    /// </summary>
    public static bool IsKitScript(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (string.Equals(script, ScriptBody, StringComparison.Ordinal))
        {
            return true;
        }

        var m = ChartScriptShape().Match(script);
        if (!m.Success)
        {
            return false;
        }

        for (var g = 2; g <= 4; g++)
        {
            var json = m.Groups[g].Value;
            if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") >= 0)
            {
                return false;
            }

            try
            {
                using var _ = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return true;
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

    [GeneratedRegex("^var renderPlotly_([A-Za-z_][A-Za-z0-9_]*) = function\\(\\) \\{\n    var data = ([^\n]*);\n    var layout = ([^\n]*);\n    var config = ([^\n]*);\n    Plotly\\.newPlot\\('\\1', data, layout, config\\);\n\\};\nrenderPlotly_\\1\\(\\);\n\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChartScriptShape();
}

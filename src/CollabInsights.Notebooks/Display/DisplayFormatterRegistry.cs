using System.Globalization;
using System.Net;
using CollabInsights.Notebooks.Display.Internal;

namespace CollabInsights.Notebooks.Display;

/// <summary>
/// The formatters that turn cell values into MIME bundles. <see cref="CreateDefault"/> registers
/// HTML tables for DataFrames and sequences of records and offline Plotly charts; anything else
/// becomes escaped <c>text/plain</c>.
/// </summary>
public sealed class DisplayFormatterRegistry
{
    private readonly List<IDisplayFormatter> formatters = [];

    /// <summary>A registry with the kit's formatters (tables, charts).</summary>
    public static DisplayFormatterRegistry CreateDefault()
    {
        var registry = new DisplayFormatterRegistry();
        registry.Register(new RecordTableFormatter());
        registry.Register(new DataFrameFormatter());
        registry.Register(new PlotlyChartFormatter());
        return registry;
    }

    /// <summary>Adds a formatter; later registrations take precedence over earlier ones.</summary>
    public void Register(IDisplayFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        formatters.Insert(0, formatter);
    }

    /// <summary>Renders <paramref name="value"/> with the first formatter that accepts it, else as text.</summary>
    public MimeBundle Format(object? value, DisplayContext context)
    {
        if (value is null)
        {
            return new MimeBundle("null");
        }

        if (value is not string and not IFormattable)
        {
            foreach (var formatter in formatters)
            {
                if (formatter.CanFormat(value))
                {
                    return formatter.Format(value, context);
                }
            }
        }

        return PlainText(value);
    }

    /// <summary>The plain-text form of a value (invariant culture).</summary>
    public static MimeBundle PlainText(object value) =>
        new(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "");

    /// <summary>HTML-escapes <paramref name="text"/>.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}

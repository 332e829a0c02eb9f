using System.Globalization;
using System.Net;
using CollabInsights.Notebooks.Display.Internal;
using Microsoft.DotNet.Interactive.Formatting;

namespace CollabInsights.Notebooks.Display;

/// <summary>
/// Turns cell values into MIME bundles. The display layer is .NET Interactive's <see cref="Formatter"/>: the MIME types
/// it prefers for a value's type (or those asked for), each rendered by its registered formatters, plus
/// <c>text/plain</c> always. The kit's own formatters (HTML tables for DataFrames and sequences of records, offline
/// Plotly charts) are registrations there, so <c>Formatter.Register&lt;T&gt;(...)</c> in a cell overrides them.
/// Formatters added with <see cref="Register"/> apply to one session only and are tried before the Formatter.
/// </summary>
public sealed class DisplayFormatterRegistry
{
    private readonly List<IDisplayFormatter> formatters = [];

    /// <summary>A registry with no session-only formatters; the kit's formatters are registered with the Formatter.</summary>
    public static DisplayFormatterRegistry CreateDefault()
    {
        KitFormatters.EnsureRegistered();
        return new DisplayFormatterRegistry();
    }

    /// <summary>Adds a session-only formatter; later registrations take precedence over earlier ones.</summary>
    public void Register(IDisplayFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        formatters.Insert(0, formatter);
    }

    /// <summary>Renders <paramref name="value"/>: a session-only formatter that accepts it, else the Formatter in <paramref name="mimeTypes"/> (default: the type's preferred ones).</summary>
    public MimeBundle Format(object? value, DisplayContext context, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (value is not null)
        {
            foreach (var formatter in formatters)
            {
                if (formatter.CanFormat(value))
                {
                    return formatter.Format(value, context);
                }
            }
        }

        var previous = DisplayContext.Enter(context);
        try
        {
            KitFormatters.Prepare(value);
            return MimeBundle.FromFormattedValues(value, FormattedValue.CreateManyFromObject(value!, mimeTypes ?? []));
        }
        finally
        {
            DisplayContext.Enter(previous);
        }
    }

    /// <summary>The plain-text form of a value as .NET Interactive's <c>text/plain</c> formatter writes it.</summary>
    public static string PlainText(object? value) => value is null ? Formatter.NullString : value.ToDisplayString(PlainTextFormatter.MimeType);

    /// <summary>HTML-escapes <paramref name="text"/>.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    internal static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}

using System.Collections;
using CollabInsights.Reporting;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>
/// The kit's formatters as registrations in .NET Interactive's <see cref="Formatter"/>: DataFrames and sequences of
/// records as bounded HTML tables, Plotly charts drawn offline. A user's own <c>Formatter.Register</c> for the same
/// type replaces them, as in .NET Interactive. After <c>Formatter.ResetToDefault()</c> they are registered again at
/// the next cell, since they are this kernel's defaults.
/// </summary>
internal static class KitFormatters
{
    private static readonly object Gate = new();
    private static readonly HashSet<Type> RecordTypes = [];
    private static ITypeFormatter? sentinel;

    /// <summary>Registers the kit's formatters unless they are registered already (cheap when nothing changed).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (sentinel is not null && Formatter.RegisteredFormatters(false).Contains(sentinel))
            {
                return;
            }

            RecordTypes.Clear();
            var dataFrame = new HtmlFormatter<DataFrame>((frame, context) =>
                context.Writer.Write(HtmlTable.FromDataFrame(frame, DisplayContext.Current.MaxRows)));
            Formatter.Register(dataFrame);
            Formatter.Register(new PlainTextFormatter<DataFrame>((frame, context) => context.Writer.Write(frame.ToString())));
            Formatter.Register(new HtmlFormatter<GenericChart>((chart, context) => context.Writer.Write(ChartHtml(chart, DisplayContext.Current))));
            Formatter.Register(new PlainTextFormatter<GenericChart>((_, context) => context.Writer.Write("Plotly chart (shown as HTML)")));
            sentinel = dataFrame;
        }
    }

    /// <summary>
    /// Before <paramref name="value"/> is formatted: a sequence of records (objects with public properties) gets the
    /// kit's table for its exact type, unless the user registered a formatter that covers it.
    /// </summary>
    public static void Prepare(object? value)
    {
        EnsureRegistered();
        if (value is null || TableShape.RecordElementType(value) is not { } element)
        {
            return;
        }

        var type = value.GetType();
        lock (Gate)
        {
            if (RecordTypes.Contains(type))
            {
                return;
            }

            var user = Formatter.RegisteredFormatters(false).Any(f => f.MimeType == HtmlFormatter.MimeType
                && f.Type != typeof(object) && f.Type != typeof(IEnumerable) && f.Type != typeof(string)
                && (f.Type.IsAssignableFrom(type) || f.Type.IsAssignableFrom(element)));
            RecordTypes.Add(type);
            if (user)
            {
                return;
            }

            Formatter.Register(type, (object v, FormatContext context) =>
            {
                context.Writer.Write(HtmlTable.FromObject(v, DisplayContext.Current.MaxRows));
                return true;
            }, HtmlFormatter.MimeType);
            Formatter.Register(type, (object v, FormatContext context) =>
            {
                context.Writer.Write(RecordSummary(v));
                return true;
            }, PlainTextFormatter.MimeType);
        }
    }

    /// <summary>The plain-text summary of a record sequence ("P: 12 rows x 2 columns").</summary>
    public static string? RecordSummary(object value)
    {
        if (TableShape.RecordElementType(value) is not { } element)
        {
            return null;
        }

        var count = ((IEnumerable)value).Cast<object?>().Count();
        var columns = TableShape.Properties(element).Length;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{element.Name}: {count} rows x {columns} columns");
    }

    /// <summary>The HTML of a chart: a div and a script that draw offline; the first chart of a document also carries plotly.js.</summary>
    public static string ChartHtml(GenericChart chart, DisplayContext context)
    {
        var fragment = PlotlyOffline.ChartFragment(chart, context.NextId("collab_chart"));
        return context.ClaimOnce("plotly.js") ? PlotlyOffline.ScriptTag() + fragment : fragment;
    }
}

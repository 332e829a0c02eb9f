using System.Collections;
using System.Globalization;
using CollabInsights.Reporting;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>Renders a sequence of records (e.g. <c>List&lt;OutcomePayment&gt;</c>) with the library's <see cref="HtmlTable"/>, one column per public property.</summary>
internal sealed class RecordTableFormatter : IDisplayFormatter
{
    public bool CanFormat(object value) => TableShape.RecordElementType(value) is not null;

    public MimeBundle Format(object value, DisplayContext context)
    {
        var element = TableShape.RecordElementType(value)!;
        var count = ((IEnumerable)value).Cast<object?>().Count();
        var columns = TableShape.Properties(element).Length;
        var text = string.Create(CultureInfo.InvariantCulture, $"{element.Name}: {count} rows x {columns} columns");
        return new MimeBundle(text).With("text/html", HtmlTable.FromObject(value, context.MaxRows));
    }
}

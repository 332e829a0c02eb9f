using System.Collections;

namespace CollabInsights.Notebooks.Display.Internal;

/// <summary>Renders a sequence of records (e.g. <c>List&lt;OutcomePayment&gt;</c>) as an HTML table, one column per public property.</summary>
internal sealed class RecordTableFormatter : IDisplayFormatter
{
    public bool CanFormat(object value) => TableShape.RecordElementType(value) is not null;

    public MimeBundle Format(object value, DisplayContext context)
    {
        var element = TableShape.RecordElementType(value)!;
        var props = TableShape.Properties(element);
        var rows = ((IEnumerable)value).Cast<object?>()
            .Select(item => (IReadOnlyList<string>)props.Select(p => item is null ? "" : TableShape.Cell(p.GetValue(item))).ToArray());
        var (html, text) = TableHtmlWriter.Write(props.Select(p => p.Name).ToArray(), rows, context.MaxRows);
        return new MimeBundle(text).With("text/html", html);
    }
}

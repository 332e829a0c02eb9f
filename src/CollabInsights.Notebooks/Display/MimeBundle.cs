using Microsoft.DotNet.Interactive.Formatting;

namespace CollabInsights.Notebooks.Display;

/// <summary>
/// One value rendered in several MIME types (<c>text/plain</c> always, <c>text/html</c> when richer),
/// the unit of Jupyter's display_data and execute_result outputs.
/// </summary>
public sealed class MimeBundle
{
    private readonly SortedDictionary<string, string> data = new(StringComparer.Ordinal);

    /// <summary>Creates a bundle with the plain-text form every front end can show.</summary>
    public MimeBundle(string plainText)
    {
        data["text/plain"] = plainText;
    }

    /// <summary>The representations, MIME type to text, sorted by MIME type.</summary>
    public IReadOnlyDictionary<string, string> Data => data;

    /// <summary>The <c>text/plain</c> form.</summary>
    public string PlainText => data["text/plain"];

    /// <summary>The <c>text/html</c> form, or null.</summary>
    public string? Html => data.GetValueOrDefault("text/html");

    /// <summary>Adds or replaces a representation; returns this bundle.</summary>
    public MimeBundle With(string mimeType, string content)
    {
        data[mimeType] = content;
        return this;
    }

    /// <summary>A bundle of .NET Interactive formatted values; <c>text/plain</c> is added from <paramref name="value"/> when they lack it.</summary>
    public static MimeBundle FromFormattedValues(object? value, IEnumerable<FormattedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        var plain = list.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? DisplayFormatterRegistry.PlainText(value);
        var bundle = new MimeBundle(plain);
        foreach (var v in list.Where(v => v.MimeType != PlainTextFormatter.MimeType))
        {
            bundle.With(v.MimeType, v.Value);
        }

        return bundle;
    }
}

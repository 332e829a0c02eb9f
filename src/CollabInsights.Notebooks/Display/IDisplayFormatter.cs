namespace CollabInsights.Notebooks.Display;

/// <summary>
/// Renders values of some kind as a <see cref="MimeBundle"/>. Formatters are tried in registration
/// order (latest first); the first that accepts a value wins, and plain text is the fallback.
/// </summary>
public interface IDisplayFormatter
{
    /// <summary>Whether this formatter renders <paramref name="value"/>.</summary>
    bool CanFormat(object value);

    /// <summary>Renders <paramref name="value"/>; <paramref name="context"/> tracks per-document state such as whether plotly.js was already embedded.</summary>
    MimeBundle Format(object value, DisplayContext context);
}

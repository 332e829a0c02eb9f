using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace CollabInsights.Notebooks.Execution;

/// <summary>
/// Members visible to every cell without qualification, as .NET Interactive's C# kernel gives them
/// (<c>using static Microsoft.DotNet.Interactive.Kernel</c>): <c>display(x)</c>, <c>HTML(...)</c>,
/// <c>Javascript(...)</c>, <c>CSS(...)</c>.
/// </summary>
#pragma warning disable IDE1006 // .NET Interactive's name for display is lower case.
public sealed class NotebookGlobals
{
    private readonly CSharpSession session;

    internal NotebookGlobals(CSharpSession session)
    {
        this.session = session;
    }

    /// <summary>
    /// Shows <paramref name="value"/> where the cell's outputs are, in <paramref name="mimeTypes"/> (default: those
    /// .NET Interactive's Formatter prefers for its type; <c>text/plain</c> is always added). Returns a handle whose
    /// <c>Update(y)</c> replaces the output in place.
    /// </summary>
    public DisplayedValue display(object? value, params string[] mimeTypes) => session.Display(value, mimeTypes);

    /// <summary>Marks <paramref name="content"/> as HTML: displayed or returned, it renders as <c>text/html</c>.</summary>
    public IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>Runs <paramref name="scriptContent"/> in the front end (a <c>text/html</c> output holding a script element).</summary>
    public void Javascript(string scriptContent) =>
        session.Display(new HtmlString($"<script type=\"text/javascript\">{scriptContent}</script>"), [HtmlFormatter.MimeType]);

    /// <summary>Adds a style sheet to the front end (a <c>text/html</c> output holding a style element).</summary>
    public void CSS(string content) =>
        session.Display(new HtmlString($"<style>{content}</style>"), [HtmlFormatter.MimeType]);
}
#pragma warning restore IDE1006

namespace CollabInsights.Notebooks.Display;

/// <summary>
/// Per-document display state: preview sizes and which shared scripts (plotly.js) were already
/// embedded, so a document carries one copy of each.
/// </summary>
public sealed class DisplayContext
{
    private static volatile DisplayContext? current;
    private static readonly DisplayContext Fallback = new();
    private readonly HashSet<string> embedded = new(StringComparer.Ordinal);
    private int nextId;

    /// <summary>
    /// The context of the document whose cell is running (cells of a process run one at a time), else a shared one.
    /// The kit's formatters, which are registered process-wide in .NET Interactive's <c>Formatter</c>, read it.
    /// </summary>
    public static DisplayContext Current => current ?? Fallback;

    /// <summary>Rows shown in a table preview before the "N more rows" line. Default 20.</summary>
    public int MaxRows { get; init; } = 20;

    /// <summary>Whether shared scripts (plotly.js) are embedded in outputs. False for the HTML report, which embeds them once in its head. Default true.</summary>
    public bool EmbedScripts { get; init; } = true;

    /// <summary>A document-unique element id such as <c>collab_chart_3</c> (numbered in display order, so output is deterministic).</summary>
    public string NextId(string prefix) => $"{prefix}_{Interlocked.Increment(ref nextId)}";

    /// <summary>Returns true the first time <paramref name="key"/> is claimed in this document, false afterwards.</summary>
    public bool ClaimOnce(string key) => EmbedScripts && embedded.Add(key);

    /// <summary>Makes <paramref name="context"/> the current one (null: none) and returns the previous.</summary>
    internal static DisplayContext? Enter(DisplayContext? context)
    {
        var previous = current;
        current = context;
        return previous;
    }
}

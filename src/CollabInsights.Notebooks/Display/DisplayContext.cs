namespace CollabInsights.Notebooks.Display;

/// <summary>
/// Per-document display state: preview sizes and which shared scripts (plotly.js) were already
/// embedded, so a document carries one copy of each.
/// </summary>
public sealed class DisplayContext
{
    private readonly HashSet<string> embedded = new(StringComparer.Ordinal);
    private int nextId;

    /// <summary>Rows shown in a table preview before the "N more rows" line. Default 20.</summary>
    public int MaxRows { get; init; } = 20;

    /// <summary>Whether shared scripts (plotly.js) are embedded in outputs. False for the HTML report, which embeds them once in its head. Default true.</summary>
    public bool EmbedScripts { get; init; } = true;

    /// <summary>A document-unique element id such as <c>collab_chart_3</c> (numbered in display order, so output is deterministic).</summary>
    public string NextId(string prefix) => $"{prefix}_{Interlocked.Increment(ref nextId)}";

    /// <summary>Returns true the first time <paramref name="key"/> is claimed in this document, false afterwards.</summary>
    public bool ClaimOnce(string key) => EmbedScripts && embedded.Add(key);
}

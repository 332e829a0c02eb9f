using System.Text.Json.Nodes;

namespace CollabInsights.Notebooks.Documents;

/// <summary>
/// One cell of an nbformat 4 notebook. Unknown keys of the cell, its metadata and its attachments are
/// kept as JSON and written back unchanged, so a notebook round-trips without losing anything.
/// </summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell of the given kind and source.</summary>
    public NotebookCell(CellKind kind, string source, string? id = null)
    {
        Kind = kind;
        Source = source;
        Id = id;
    }

    /// <summary>The cell id (nbformat 4.5+); null in older notebooks until the document assigns one.</summary>
    public string? Id { get; set; }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; set; }

    /// <summary>The cell source as one string (nbformat's list of lines joined).</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata, including keys this engine does not know (kept on write).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Attachments of a markdown or raw cell (name to MIME bundle), kept verbatim; null when absent.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>The execution count of a code cell; null when not executed.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The outputs of a code cell as nbformat JSON objects, in order.</summary>
    public List<JsonObject> Outputs { get; } = [];

    /// <summary>Top-level keys of the cell JSON that nbformat does not define; kept on write.</summary>
    public JsonObject Extra { get; } = [];

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValue<string>() ?? "").ToList()
            : [];

    /// <summary>Whether the cell carries <paramref name="tag"/> in <c>metadata.tags</c>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>Adds <paramref name="tag"/> to <c>metadata.tags</c> unless already there.</summary>
    public void AddTag(string tag)
    {
        if (HasTag(tag))
        {
            return;
        }

        if (Metadata["tags"] is not JsonArray tags)
        {
            tags = [];
            Metadata["tags"] = tags;
        }

        tags.Add(tag);
    }
}

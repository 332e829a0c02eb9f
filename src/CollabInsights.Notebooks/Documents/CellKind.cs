namespace CollabInsights.Notebooks.Documents;

/// <summary>The nbformat cell types.</summary>
public enum CellKind
{
    /// <summary>A code cell (<c>"cell_type": "code"</c>).</summary>
    Code,

    /// <summary>A markdown cell.</summary>
    Markdown,

    /// <summary>A raw cell, passed through untouched.</summary>
    Raw,
}

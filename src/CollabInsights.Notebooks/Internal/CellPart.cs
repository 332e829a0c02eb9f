namespace CollabInsights.Notebooks.Internal;

/// <summary>What a part of a cell is (see <see cref="CellSource"/>).</summary>
internal enum CellPartKind
{
    CSharp,
    Html,
    Markdown,
    JavaScript,
    Time,
    About,
    ListMagics,
    Who,
    Whos,
    Value,
    PackageSource,
}

/// <summary>One part of a cell: its kind, its text (C# parts padded with empty lines so line numbers match the cell) and its first line.</summary>
internal sealed record CellPart(CellPartKind Kind, string Code, int Line, string? MimeType = null)
{
    /// <summary>The variable name of a <c>#!value</c> part.</summary>
    public string? Name { get; init; }
}

namespace CollabInsights.OnChain.Extraction;

/// <summary>A column of an extracted table: its name and how it is stored; <paramref name="Nullable"/> columns may be empty.</summary>
public sealed record TableColumn(string Name, ColumnKind Kind, bool Nullable = false);

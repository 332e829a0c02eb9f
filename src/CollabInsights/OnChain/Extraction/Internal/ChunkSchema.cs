namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary><c>schema.json</c> of a chunk: its tables, their columns and row counts.</summary>
internal sealed record ChunkSchema(long FromBlock, long ToBlock, IReadOnlyList<ChunkSchemaTable> Tables);

/// <summary>One table of a chunk.</summary>
internal sealed record ChunkSchemaTable(string Name, string Signature, IReadOnlyList<TableColumn> ParameterColumns, long Rows)
{
    public EventTable ToEventTable() => Name == EventTable.UnknownName ? EventTable.Unknown : new EventTable(Name, Signature, ParameterColumns);
}

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// The schema of one output table: one per event type (named after the event; overloaded names get
/// a <c>_</c> + first 4 bytes of topic0 suffix), plus the <c>unknown</c> table of logs that match no ABI entry.
/// <see cref="ParameterColumns"/> follow the common columns <c>block_number</c>, <c>block_hash</c>,
/// <c>block_timestamp</c>, <c>tx_hash</c>, <c>log_index</c>, <c>address</c>.
/// </summary>
public sealed record EventTable(string Name, string Signature, IReadOnlyList<TableColumn> ParameterColumns)
{
    /// <summary>The name of the table of logs that match no event of the ABI.</summary>
    public const string UnknownName = "unknown";

    /// <summary>The columns every table starts with.</summary>
    public static IReadOnlyList<TableColumn> CommonColumns { get; } =
    [
        new("block_number", ColumnKind.Int64),
        new("block_hash", ColumnKind.Bytes),
        new("block_timestamp", ColumnKind.Int64, Nullable: true),
        new("tx_hash", ColumnKind.Bytes),
        new("log_index", ColumnKind.Int64),
        new("address", ColumnKind.Address),
    ];

    /// <summary>The table of logs no ABI entry matches: raw topics (empty when absent) and data.</summary>
    public static EventTable Unknown { get; } = new(
        UnknownName,
        "",
        [
            new("topic0", ColumnKind.Bytes, Nullable: true),
            new("topic1", ColumnKind.Bytes, Nullable: true),
            new("topic2", ColumnKind.Bytes, Nullable: true),
            new("topic3", ColumnKind.Bytes, Nullable: true),
            new("data", ColumnKind.Bytes),
        ]);

    /// <summary>All columns: <see cref="CommonColumns"/> then <see cref="ParameterColumns"/>.</summary>
    public IReadOnlyList<TableColumn> Columns => [.. CommonColumns, .. ParameterColumns];
}

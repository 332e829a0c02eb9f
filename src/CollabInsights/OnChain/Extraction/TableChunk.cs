namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Rows of one table for one chunk (or a whole compacted table), in (block, log index) order.
/// Each row lines up with <see cref="EventTable.Columns"/>: longs for <see cref="ColumnKind.Int64"/>,
/// bools for <see cref="ColumnKind.Bool"/>, strings otherwise, null where empty.
/// </summary>
public sealed record TableChunk(EventTable Table, IReadOnlyList<object?[]> Rows);

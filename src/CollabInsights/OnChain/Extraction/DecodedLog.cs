using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// A log decoded against a table: <paramref name="Values"/> line up with the table's
/// <see cref="EventTable.ParameterColumns"/> (strings for all kinds except <see cref="ColumnKind.Bool"/>).
/// </summary>
public sealed record DecodedLog(RpcLog Log, EventTable Table, IReadOnlyList<object?> Values);

using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Extraction.Internal;
using CollabInsights.OnChain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Decodes logs with the events of one or more ABIs into one table per event type. Tables are named after
/// the event; an overloaded name (same name, other signature or indexing) gets <c>_</c> + the first 4 bytes
/// of its topic0. Anonymous events are tried by topic count when no signature matches. Integers become
/// decimal strings, addresses checksummed, bytes 0x-hex, arrays and tuples JSON; an indexed dynamic value
/// (string, bytes, array, tuple) is only its Keccak hash in the topic and is stored as that hash.
/// </summary>
public sealed class AbiLogDecoder : ILogDecoder
{
    private readonly Dictionary<string, List<(AbiEvent Event, EventTable Table, StaticEventDecoder? Fast)>> _byTopic0 = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(AbiEvent Event, EventTable Table, StaticEventDecoder? Fast)> _anonymous = [];

    /// <summary>Builds tables for <paramref name="events"/>; when <paramref name="onlyEvents"/> is given, only events with those names or signatures.</summary>
    public AbiLogDecoder(IEnumerable<AbiEvent> events, IReadOnlyCollection<string>? onlyEvents = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var distinct = new List<AbiEvent>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (onlyEvents is { Count: > 0 } && !onlyEvents.Contains(e.Name, StringComparer.Ordinal) && !onlyEvents.Contains(e.Signature, StringComparer.Ordinal))
            {
                continue;
            }

            if (keys.Add(Key(e)))
            {
                distinct.Add(e);
            }
        }

        if (onlyEvents is { Count: > 0 })
        {
            var missing = onlyEvents.Where(n => !distinct.Any(e => e.Name == n || e.Signature == n)).ToList();
            if (missing.Count > 0)
            {
                throw new CollabInsightsException($"The ABI has no event named {string.Join(", ", missing)}. Events in the ABI: {string.Join(", ", events.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal))}.");
            }
        }

        var overloaded = distinct.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var tables = new List<EventTable>();
        foreach (var e in distinct.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Topic0, StringComparer.Ordinal).ThenBy(e => e.TopicCount))
        {
            var name = e.Name.Length == 0 ? "event" : e.Name;
            if (overloaded.Contains(e.Name))
            {
                name += "_" + e.Topic0[2..10];
            }

            while (tables.Any(t => t.Name == name) || name == EventTable.UnknownName)
            {
                name += "_" + e.TopicCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var table = new EventTable(name, Describe(e), Columns(e));
            tables.Add(table);
            if (e.Anonymous)
            {
                _anonymous.Add((e, table, StaticEventDecoder.TryCreate(e)));
            }
            else
            {
                if (!_byTopic0.TryGetValue(e.Topic0, out var list))
                {
                    _byTopic0[e.Topic0] = list = [];
                }

                list.Add((e, table, StaticEventDecoder.TryCreate(e)));
            }
        }

        Tables = tables;
        Topic0s = [.. _byTopic0.Keys.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<EventTable> Tables { get; }

    /// <summary>The topic0 of every non-anonymous event, to filter <c>eth_getLogs</c> with when anonymous events are not wanted.</summary>
    public IReadOnlyList<string> Topic0s { get; }

    /// <summary>A decoder for all events of the ABI in <paramref name="abiJson"/> (an ABI array, or a compiler/Foundry artifact with an <c>abi</c> key).</summary>
    public static AbiLogDecoder FromJson(string abiJson, IReadOnlyCollection<string>? onlyEvents = null) =>
        new(ContractAbi.Parse(abiJson).Events, onlyEvents);

    /// <inheritdoc/>
    public DecodedLog Decode(RpcLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        byte[]? data = null;
        if (log.Topics.Count > 0 && _byTopic0.TryGetValue(log.Topics[0], out var candidates))
        {
            foreach (var (e, table, fast) in candidates)
            {
                if (e.TopicCount == log.Topics.Count && TryDecode(e, table, fast, log, ref data) is { } decoded)
                {
                    return decoded;
                }
            }
        }

        foreach (var (e, table, fast) in _anonymous)
        {
            if (e.TopicCount == log.Topics.Count && TryDecode(e, table, fast, log, ref data) is { } decoded)
            {
                return decoded;
            }
        }

        return RawLogDecoder.ToUnknown(log);
    }

    private static DecodedLog? TryDecode(AbiEvent e, EventTable table, StaticEventDecoder? fast, RpcLog log, ref byte[]? data)
    {
        if (fast?.Decode(log) is { } cells)
        {
            return new DecodedLog(log, table, cells);
        }

        try
        {
            data ??= log.Data.HexToByteArray();
            var decoded = e.Decode(log.Topics, data);
            var values = new object?[decoded.Parameters.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var p = decoded.Parameters[i];
                values[i] = p.Value switch
                {
                    bool b => b,
                    IReadOnlyList<object?> list => AbiValues.ToJson(list),
                    var v => AbiValues.ToText(v),
                };
            }

            return new DecodedLog(log, table, values);
        }
        catch (Exception ex) when (ex is AbiException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static string Key(AbiEvent e) =>
        e.Signature + (e.Anonymous ? " anonymous" : "") + " " + string.Concat(e.Inputs.Select(p => p.Indexed ? 'i' : 'd'));

    private static string Describe(AbiEvent e) =>
        $"{e.Name}({string.Join(",", e.Inputs.Select(p => p.Type.CanonicalName + (p.Indexed ? " indexed" : "") + (p.Name.Length > 0 ? " " + p.Name : "")))}){(e.Anonymous ? " anonymous" : "")}";

    private static List<TableColumn> Columns(AbiEvent e)
    {
        var used = new HashSet<string>(EventTable.CommonColumns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var columns = new List<TableColumn>();
        for (var i = 0; i < e.Inputs.Count; i++)
        {
            var p = e.Inputs[i];
            var name = p.Name.Length > 0 ? p.Name : "arg" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (used.Contains(name))
            {
                name = "arg_" + name;
            }

            while (!used.Add(name))
            {
                name += "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var hashedInTopic = p.Indexed && (p.Type.IsDynamic || p.Type.Kind is AbiTypeKind.Tuple or AbiTypeKind.FixedArray);
            columns.Add(new TableColumn(name, hashedInTopic ? ColumnKind.Bytes : Kind(p.Type)));
        }

        return columns;
    }

    private static ColumnKind Kind(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => ColumnKind.BigInteger,
        AbiTypeKind.Address => ColumnKind.Address,
        AbiTypeKind.Bool => ColumnKind.Bool,
        AbiTypeKind.Bytes or AbiTypeKind.FixedBytes => ColumnKind.Bytes,
        AbiTypeKind.String => ColumnKind.String,
        _ => ColumnKind.Json,
    };
}

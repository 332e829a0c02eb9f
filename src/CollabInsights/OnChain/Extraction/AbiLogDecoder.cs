using System.Globalization;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Extraction.Internal;
using CollabInsights.OnChain.Rpc;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Decodes logs with the events of one or more ABIs (Nethereum's <see cref="EventABI"/>, e.g. from <see cref="AbiJson"/>) into one
/// table per event type. Tables are named after the event; an overloaded name (same name, other signature or indexing) gets
/// <c>_</c> + the first 4 bytes of its topic0. Anonymous events are tried by topic count when no signature matches. Values are
/// decoded by Nethereum's <see cref="ParameterDecoder"/> (events of static elementary types by <c>StaticEventDecoder</c>, which
/// gives the same cells faster); integers become decimal strings, addresses checksummed, bytes 0x-hex, arrays and tuples JSON; an
/// indexed dynamic value (string, bytes, array, tuple) is only its Keccak hash in the topic and is stored as that hash.
/// </summary>
public sealed class AbiLogDecoder : ILogDecoder
{
    private static readonly SignatureEncoder Signatures = new();
    private readonly Dictionary<string, List<Entry>> _byTopic0 = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Entry> _anonymous = [];

    /// <summary>Builds tables for <paramref name="events"/>; when <paramref name="onlyEvents"/> is given, only events with those names or signatures.</summary>
    public AbiLogDecoder(IEnumerable<EventABI> events, IReadOnlyCollection<string>? onlyEvents = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = events.ToList();
        var distinct = new List<EventABI>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            if (onlyEvents is { Count: > 0 } && !onlyEvents.Contains(e.Name, StringComparer.Ordinal) && !onlyEvents.Contains(Signature(e), StringComparer.Ordinal))
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
            var missing = onlyEvents.Where(n => !distinct.Any(e => e.Name == n || Signature(e) == n)).ToList();
            if (missing.Count > 0)
            {
                throw new CollabInsightsException($"The ABI has no event named {string.Join(", ", missing)}. Events in the ABI: {string.Join(", ", all.Select(e => e.Name).Distinct().Order(StringComparer.Ordinal))}.");
            }
        }

        var overloaded = distinct.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var tables = new List<EventTable>();
        foreach (var e in distinct.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(Topic0, StringComparer.Ordinal).ThenBy(TopicCount))
        {
            var name = e.Name.Length == 0 ? "event" : e.Name;
            if (overloaded.Contains(e.Name))
            {
                name += "_" + Topic0(e)[2..10];
            }

            while (tables.Any(t => t.Name == name) || name == EventTable.UnknownName)
            {
                name += "_" + TopicCount(e).ToString(CultureInfo.InvariantCulture);
            }

            var inputs = Inputs(e);
            var table = new EventTable(name, Describe(e), Columns(inputs));
            tables.Add(table);
            var entry = new Entry(e, inputs, [.. inputs.Where(p => !p.Indexed)], table, StaticEventDecoder.TryCreate(inputs, e.IsAnonymous), TopicCount(e));
            if (e.IsAnonymous)
            {
                _anonymous.Add(entry);
            }
            else
            {
                if (!_byTopic0.TryGetValue(Topic0(e), out var list))
                {
                    _byTopic0[Topic0(e)] = list = [];
                }

                list.Add(entry);
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
        new(AbiJson.Parse(abiJson).Events ?? [], onlyEvents);

    /// <summary>The canonical signature of <paramref name="e"/>, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public static string Signature(EventABI e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Name + Signatures.GenerateParametersSignature(Inputs(e));
    }

    /// <summary>Topic 0 of a non-anonymous event's logs: the Keccak-256 of its signature, as <c>0x</c>-hex.</summary>
    public static string Topic0(EventABI e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return "0x" + e.Sha3Signature;
    }

    /// <inheritdoc/>
    public DecodedLog Decode(RpcLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics.Count > 0 && _byTopic0.TryGetValue(log.Topics[0], out var candidates))
        {
            foreach (var entry in candidates)
            {
                if (entry.TopicCount == log.Topics.Count && TryDecode(entry, log) is { } decoded)
                {
                    return decoded;
                }
            }
        }

        foreach (var entry in _anonymous)
        {
            if (entry.TopicCount == log.Topics.Count && TryDecode(entry, log) is { } decoded)
            {
                return decoded;
            }
        }

        return RawLogDecoder.ToUnknown(log);
    }

    private static DecodedLog? TryDecode(Entry entry, RpcLog log)
    {
        if (entry.Fast?.Decode(log) is { } cells)
        {
            return new DecodedLog(log, entry.Table, cells);
        }

        try
        {
            var decoder = new ParameterDecoder();
            var data = entry.DataInputs.Length == 0 ? [] : decoder.DecodeDefaultData(log.Data, entry.DataInputs);
            if (data.Count != entry.DataInputs.Length)
            {
                return null;
            }

            var values = new object?[entry.Inputs.Length];
            var topic = entry.Event.IsAnonymous ? 0 : 1;
            var word = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var p = entry.Inputs[i];
                if (!p.Indexed)
                {
                    values[i] = AbiValues.ToCell(data[word++].Result, p.ABIType);
                    continue;
                }

                var hex = log.Topics[topic++];
                if (hex.HexToByteArray().Length != 32)
                {
                    return null;
                }

                values[i] = HashedInTopic(p) ? hex.ToLowerInvariant() : AbiValues.ToCell(decoder.DecodeDefaultData(hex, p)[0].Result, p.ABIType);
            }

            return new DecodedLog(log, entry.Table, values);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    private static Parameter[] Inputs(EventABI e) => [.. (e.InputParameters ?? []).OrderBy(p => p.Order)];

    private static int TopicCount(EventABI e) => Inputs(e).Count(p => p.Indexed) + (e.IsAnonymous ? 0 : 1);

    /// <summary>Solidity puts the Keccak hash of an indexed reference value (string, bytes, array, tuple) in its topic, not the value.</summary>
    private static bool HashedInTopic(Parameter p) => p.ABIType.IsDynamic() || p.ABIType is TupleType or ArrayType;

    private static string Key(EventABI e) =>
        Signature(e) + (e.IsAnonymous ? " anonymous" : "") + " " + string.Concat(Inputs(e).Select(p => p.Indexed ? 'i' : 'd'));

    private static string Describe(EventABI e) =>
        $"{e.Name}({string.Join(",", Inputs(e).Select(p => Signatures.GenerateParameteSignature(p) + (p.Indexed ? " indexed" : "") + (string.IsNullOrEmpty(p.Name) ? "" : " " + p.Name)))}){(e.IsAnonymous ? " anonymous" : "")}";

    private static List<TableColumn> Columns(Parameter[] inputs)
    {
        var used = new HashSet<string>(EventTable.CommonColumns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        var columns = new List<TableColumn>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var p = inputs[i];
            var name = string.IsNullOrEmpty(p.Name) ? "arg" + i.ToString(CultureInfo.InvariantCulture) : p.Name;
            if (used.Contains(name))
            {
                name = "arg_" + name;
            }

            while (!used.Add(name))
            {
                name += "_" + i.ToString(CultureInfo.InvariantCulture);
            }

            columns.Add(new TableColumn(name, p.Indexed && HashedInTopic(p) ? ColumnKind.Bytes : Kind(p.ABIType)));
        }

        return columns;
    }

    private static ColumnKind Kind(ABIType type) => type switch
    {
        ArrayType or TupleType => ColumnKind.Json,
        IntType => ColumnKind.BigInteger,
        AddressType => ColumnKind.Address,
        BoolType => ColumnKind.Bool,
        StringType => ColumnKind.String,
        _ when type.Name.StartsWith("bytes", StringComparison.Ordinal) => ColumnKind.Bytes,
        _ => ColumnKind.Json,
    };

    private sealed record Entry(EventABI Event, Parameter[] Inputs, Parameter[] DataInputs, EventTable Table, StaticEventDecoder? Fast, int TopicCount);
}

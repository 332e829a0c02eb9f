using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>
/// Reads an <c>eth_getLogs</c> JSON-RPC response in one forward pass with <see cref="Utf8JsonReader"/>: no
/// document, no intermediate objects, repeated values (emitting address, block hash, transaction hash, topics)
/// shared as one string each. This is the extractor's own fast path: Nethereum's client deserialises the same
/// body through Newtonsoft.Json into <c>FilterLog</c> objects with <c>HexBigInteger</c> fields, which
/// <c>collab bench extract</c> measures (see README, "Extraction speed") before this reader is used.
/// </summary>
internal static class LogsJson
{
    /// <summary>Writes the request body of one <c>eth_getLogs</c> call.</summary>
    public static byte[] Request(long id, long fromBlock, long toBlock, EventFilter filter)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", "eth_getLogs");
            writer.WriteStartArray("params");
            WriteFilter(writer, fromBlock, toBlock, filter);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the <c>eth_getLogs</c> filter object.</summary>
    public static void WriteFilter(Utf8JsonWriter writer, long fromBlock, long toBlock, EventFilter filter)
    {
        writer.WriteStartObject();
        writer.WriteString("fromBlock", Quantity(fromBlock));
        writer.WriteString("toBlock", Quantity(toBlock));
        if (filter.Addresses.Count > 0)
        {
            writer.WriteStartArray("address");
            foreach (var a in filter.Addresses)
            {
                writer.WriteStringValue(a);
            }

            writer.WriteEndArray();
        }

        if (filter.Topics.Count > 0)
        {
            writer.WriteStartArray("topics");
            foreach (var position in filter.Topics)
            {
                if (position is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartArray();
                foreach (var t in position)
                {
                    writer.WriteStringValue(t);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Parses a response body. A JSON-RPC error becomes a <see cref="LogSourceException"/> (code and message kept
    /// for the range-limit classifier); a truncated or malformed body throws <see cref="JsonException"/>.
    /// Logs flagged <c>removed</c> are dropped.
    /// </summary>
    public static List<RpcLog> Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        Expect(ref reader, JsonTokenType.StartObject);
        List<RpcLog>? logs = null;
        var sawResult = false;
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("result"u8))
            {
                Read(ref reader);
                if (reader.TokenType == JsonTokenType.Null)
                {
                    logs = [];
                }
                else
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new JsonException($"eth_getLogs returned {reader.TokenType}, not an array.");
                    }

                    logs = ReadLogs(ref reader);
                }

                sawResult = true;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                Read(ref reader);
                throw ReadError(ref reader);
            }
            else
            {
                Read(ref reader);
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || !sawResult)
        {
            throw new JsonException("The eth_getLogs response has neither result nor error.");
        }

        return logs!;
    }

    private static List<RpcLog> ReadLogs(ref Utf8JsonReader reader)
    {
        var logs = new List<RpcLog>();
        var address = new Shared();
        var blockHash = new Shared();
        var txHash = new Shared();
        var topicCache = new Shared[4] { new(), new(), new(), new() };
        var topics = new List<string>(4);
        while (Read(ref reader) && reader.TokenType == JsonTokenType.StartObject)
        {
            string? a = null, data = null, bh = null, th = null;
            long block = -1, txIndex = -1, logIndex = -1;
            var removed = false;
            string[]? topicArray = null;
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                Read(ref reader);
                switch (name.Length)
                {
                    case 7 when name.SequenceEqual("address"u8):
                        a = address.Get(ref reader);
                        break;
                    case 6 when name.SequenceEqual("topics"u8):
                        topics.Clear();
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw new JsonException("A log's topics are not an array.");
                        }

                        while (Read(ref reader) && reader.TokenType == JsonTokenType.String)
                        {
                            topics.Add(topics.Count < 4 ? topicCache[topics.Count].Get(ref reader) : reader.GetString()!);
                        }

                        topicArray = [.. topics];
                        break;
                    case 4 when name.SequenceEqual("data"u8):
                        data = reader.GetString();
                        break;
                    case 11 when name.SequenceEqual("blockNumber"u8):
                        block = Long(ref reader);
                        break;
                    case 9 when name.SequenceEqual("blockHash"u8):
                        bh = blockHash.Get(ref reader);
                        break;
                    case 15 when name.SequenceEqual("transactionHash"u8):
                        th = txHash.Get(ref reader);
                        break;
                    case 16 when name.SequenceEqual("transactionIndex"u8):
                        txIndex = Long(ref reader);
                        break;
                    case 8 when name.SequenceEqual("logIndex"u8):
                        logIndex = Long(ref reader);
                        break;
                    case 7 when name.SequenceEqual("removed"u8):
                        removed = reader.TokenType == JsonTokenType.True;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (a is null || data is null || bh is null || th is null || topicArray is null || block < 0 || txIndex < 0 || logIndex < 0)
            {
                throw new JsonException("A log misses one of address, topics, data, blockNumber, blockHash, transactionHash, transactionIndex, logIndex.");
            }

            if (!removed)
            {
                logs.Add(new RpcLog(a, topicArray, data, block, bh, th, (int)txIndex, (int)logIndex, false));
            }
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("The log array is cut short.");
        }

        return logs;
    }

    private static LogSourceException ReadError(ref Utf8JsonReader reader)
    {
        int? code = null;
        string message = string.Empty;
        string? data = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                Read(ref reader);
                switch (name)
                {
                    case "code" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var c):
                        code = c;
                        break;
                    case "message" when reader.TokenType == JsonTokenType.String:
                        message = reader.GetString() ?? string.Empty;
                        break;
                    case "data":
                        data = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        var text = data is null ? message : $"{message} (data: {data})";
        return LogSourceErrors.FromRpcError(code, text);
    }

    private static long Long(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        var span = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.String || span.Length < 3 || span[0] != (byte)'0' || (span[1] | 0x20) != (byte)'x' || span.Length > 18)
        {
            throw new JsonException($"Expected a hex quantity, got {Encoding.UTF8.GetString(span)}.");
        }

        long value = 0;
        foreach (var b in span[2..])
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"'{(char)b}' is not a hex digit.")),
            };
            value = (value << 4) | (uint)digit;
        }

        return value;
    }

    private static bool Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The response body ends in the middle of the JSON (truncated).");
        }

        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"Expected {type} at the start of the response.");
        }
    }

    private static string Quantity(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>The last string read at one position, reused while the bytes repeat (2,000 logs of one transaction share its hash).</summary>
    private sealed class Shared
    {
        private byte[] _bytes = [];
        private string _text = string.Empty;

        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
            {
                return reader.GetString() ?? throw new JsonException("Expected a string.");
            }

            var span = reader.ValueSpan;
            if (!span.SequenceEqual(_bytes))
            {
                _bytes = span.ToArray();
                _text = Encoding.UTF8.GetString(span);
            }

            return _text;
        }
    }
}

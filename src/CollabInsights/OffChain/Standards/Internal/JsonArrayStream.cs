using System.Text.Json;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>
/// Streams the elements of named top-level arrays of a JSON document (<c>{"releases": [...]}</c>) with a
/// <see cref="Utf8JsonReader"/> over a growing buffer: each element is parsed on its own and handed over, so memory is
/// bounded by the largest element, not the file.
/// </summary>
internal static class JsonArrayStream
{
    /// <summary>
    /// Calls <paramref name="onElement"/> with the array's name, the element's 1-based index and the element, for every
    /// element of a top-level array whose property name is in <paramref name="names"/>. Returns the names of the
    /// top-level properties seen, in order. Throws <see cref="CollabInsightsException"/> on malformed JSON, naming the byte offset.
    /// </summary>
    public static List<string> Read(Stream stream, string file, IReadOnlySet<string> names, Action<string, int, JsonElement> onElement, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        long offset = 0; // bytes of the file before buffer[0]
        var isFinal = false;
        var state = default(JsonReaderState);
        var seen = new List<string>();
        string? property = null;
        string? array = null;
        var index = 0;
        var started = false;
        try
        {
            while (true)
            {
                var consumed = 0L;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinal, state);
                while (true)
                {
                    var before = reader.CurrentState;
                    var beforeConsumed = reader.BytesConsumed;
                    if (!reader.Read())
                    {
                        consumed = reader.BytesConsumed;
                        state = reader.CurrentState;
                        break;
                    }

                    if (!started)
                    {
                        started = true;
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new CollabInsightsException($"{file}: the JSON document is not an object (it starts with {reader.TokenType}); expected a package such as {{\"releases\": [...]}}, {{\"records\": [...]}} or {{\"grants\": [...]}}.");
                        }

                        continue;
                    }

                    if (array is not null && reader.CurrentDepth == 2 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        var start = reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            // The element is not complete in the buffer: rewind to before it and read more.
                            consumed = beforeConsumed;
                            state = before;
                            break;
                        }

                        index++;
                        using var doc = JsonDocument.Parse(buffer.AsMemory((int)start, (int)(reader.BytesConsumed - start)));
                        onElement(array, index, doc.RootElement);
                        ct.ThrowIfCancellationRequested();
                        continue;
                    }

                    if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        property = reader.GetString();
                        seen.Add(property!);
                    }
                    else if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.StartArray && property is not null && names.Contains(property))
                    {
                        array = property;
                        index = 0;
                    }
                    else if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
                    {
                        array = null;
                    }
                    else if (array is not null && reader.CurrentDepth == 2)
                    {
                        index++;
                        onElement(array, index, default);
                    }
                }

                if (isFinal)
                {
                    break;
                }

                // Keep the unread tail, grow when one element fills the buffer, and read more.
                var tail = length - (int)consumed;
                Buffer.BlockCopy(buffer, (int)consumed, buffer, 0, tail);
                offset += consumed;
                length = tail;
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0)
                {
                    isFinal = true;
                }

                length += n;
            }
        }
        catch (JsonException ex)
        {
            throw new CollabInsightsException($"{file}: not valid JSON near byte {offset + (ex.BytePositionInLine ?? 0)}: {ex.Message} Fix the file or pass another one.", ex);
        }

        if (!started)
        {
            throw new CollabInsightsException($"{file} is empty: expected a JSON package such as {{\"releases\": [...]}}, {{\"records\": [...]}} or {{\"grants\": [...]}}.");
        }

        return seen;
    }

    /// <summary>The string value of <paramref name="name"/> of an object (numbers as their JSON text), or null.</summary>
    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>The property <paramref name="name"/> of an object, or an undefined element.</summary>
    public static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    /// <summary>The items of an array property, or none.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement e, string name)
    {
        var v = Get(e, name);
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
    }
}

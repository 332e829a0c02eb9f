using System.Buffers;
using System.Text;

namespace CollabInsights.OffChain.Internal;

/// <summary>
/// A parsed CSV file: its header and the positions of every field of every record. Parsing follows
/// RFC 4180 (comma separator, double-quoted fields that may hold commas, line breaks and <c>""</c>
/// escapes) and accepts <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c> as record ends, UTF-8 with or
/// without BOM. Field text is decoded only when asked for, so unused columns cost a scan, not a string.
/// </summary>
/// <remarks>
/// Rules where RFC 4180 is silent, chosen to match Python's <c>csv</c> module: characters after
/// a closing quote are appended to the field (<c>"ab"c</c> reads <c>abc</c>); a quote inside an
/// unquoted field is literal; a completely empty line is not a record and does not advance the
/// record number. A quote left open at the end of the file is an error naming the line.
/// Record numbers are 1-based and exclude the header.
/// </remarks>
internal sealed class CsvTable
{
    private static readonly SearchValues<byte> Stops = SearchValues.Create(",\n\r"u8);

    private readonly byte[] _data;
    private readonly List<Field> _fields;
    private readonly List<(int First, int Count)> _records;

    private CsvTable(string fileName, byte[] data, List<Field> fields, List<(int First, int Count)> records)
    {
        FileName = fileName;
        _data = data;
        _fields = fields;
        _records = records;
        var (first, count) = records[0];
        Header = new string[count];
        for (var i = 0; i < count; i++)
        {
            Header[i] = Decode(_fields[first + i]);
        }
    }

    /// <summary>The file name used in messages.</summary>
    public string FileName { get; }

    /// <summary>The header fields as written (not trimmed).</summary>
    public string[] Header { get; }

    /// <summary>Number of data records (header excluded).</summary>
    public int RowCount => _records.Count - 1;

    /// <summary>Number of fields of data record <paramref name="row"/> (1-based).</summary>
    public int FieldCount(int row) => _records[row].Count;

    /// <summary>The text of field <paramref name="column"/> of data record <paramref name="row"/> (1-based); empty when the record is shorter.</summary>
    public string Cell(int row, int column)
    {
        var (first, count) = _records[row];
        return column < count ? Decode(_fields[first + column]) : string.Empty;
    }

    /// <summary>All fields of data record <paramref name="row"/> (1-based).</summary>
    public string[] Row(int row)
    {
        var (first, count) = _records[row];
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Decode(_fields[first + i]);
        }

        return result;
    }

    /// <summary>Parses UTF-8 text (a leading BOM is skipped). Throws <see cref="CollabInsightsException"/> on an empty file or an unterminated quote.</summary>
    public static CsvTable Parse(string fileName, string text) => Parse(fileName, Encoding.UTF8.GetBytes(text));

    /// <summary>Parses UTF-8 bytes (a leading BOM is skipped). The array is kept, not copied.</summary>
    public static CsvTable Parse(string fileName, byte[] utf8)
    {
        var span = utf8.AsSpan();
        var pos = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var n = span.Length;
        var fields = new List<Field>(Math.Max(64, n / 12));
        var records = new List<(int, int)>(Math.Max(16, n / 200));
        var line = 1;
        while (pos < n)
        {
            var c0 = span[pos];
            if (c0 == (byte)'\n' || c0 == (byte)'\r')
            {
                // A completely empty line is not a record.
                pos += c0 == (byte)'\r' && pos + 1 < n && span[pos + 1] == (byte)'\n' ? 2 : 1;
                line++;
                continue;
            }

            var first = fields.Count;
            while (true)
            {
                var start = pos;
                var quoted = false;
                if (pos < n && span[pos] == (byte)'"')
                {
                    quoted = true;
                    pos++;
                    while (true)
                    {
                        var q = span[pos..].IndexOf((byte)'"');
                        if (q < 0)
                        {
                            throw new CollabInsightsException($"{fileName}: a quoted field opened on line {line} is never closed. Check that every '\"' inside a field is doubled (\"\").");
                        }

                        line += span.Slice(pos, q).Count((byte)'\n');
                        pos += q + 1;
                        if (pos < n && span[pos] == (byte)'"')
                        {
                            pos++;
                            continue;
                        }

                        break;
                    }
                }

                var stop = span[pos..].IndexOfAny(Stops);
                pos = stop < 0 ? n : pos + stop;
                fields.Add(new Field(start, pos - start, quoted));
                if (pos >= n)
                {
                    break;
                }

                var c = span[pos];
                if (c == (byte)',')
                {
                    pos++;
                    if (pos >= n)
                    {
                        fields.Add(new Field(pos, 0, false));
                        break;
                    }

                    continue;
                }

                pos += c == (byte)'\r' && pos + 1 < n && span[pos + 1] == (byte)'\n' ? 2 : 1;
                line++;
                break;
            }

            records.Add((first, fields.Count - first));
        }

        if (records.Count == 0)
        {
            throw new CollabInsightsException($"{fileName} is empty: expected a header line with the column names.");
        }

        return new CsvTable(fileName, utf8, fields, records);
    }

    private string Decode(Field f)
    {
        if (f.Length == 0)
        {
            return string.Empty;
        }

        var raw = _data.AsSpan(f.Start, f.Length);
        if (!f.Quoted)
        {
            return Encoding.UTF8.GetString(raw);
        }

        // "...""..."tail: drop the opening quote, turn "" into " inside the quotes, drop the closing quote, keep the tail.
        var buffer = raw.Length <= 512 ? stackalloc byte[raw.Length] : new byte[raw.Length];
        var len = 0;
        var i = 1;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (b == (byte)'"')
            {
                if (i + 1 < raw.Length && raw[i + 1] == (byte)'"')
                {
                    buffer[len++] = (byte)'"';
                    i += 2;
                    continue;
                }

                raw[(i + 1)..].CopyTo(buffer[len..]);
                len += raw.Length - i - 1;
                break;
            }

            buffer[len++] = b;
            i++;
        }

        return Encoding.UTF8.GetString(buffer[..len]);
    }

    private readonly record struct Field(int Start, int Length, bool Quoted);
}

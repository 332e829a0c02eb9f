using System.Text;

namespace CollabInsights.OffChain.Internal;

/// <summary>
/// A parsed CSV file: its header and its records as strings. Parsing follows RFC 4180 (comma
/// separator, double-quoted fields that may hold commas, line breaks and <c>""</c> escapes)
/// and accepts <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c> as record ends, UTF-8 with or without BOM.
/// </summary>
/// <remarks>
/// Rules where RFC 4180 is silent, chosen to match Python's <c>csv</c> module: characters after
/// a closing quote are appended to the field (<c>"ab"c</c> reads <c>abc</c>); a quote inside an
/// unquoted field is literal; a completely empty line is not a record and does not advance the
/// record number. A quote left open at the end of the file is an error naming the record.
/// Record numbers are 1-based and exclude the header, so <see cref="Rows"/>[i] is record i + 1.
/// </remarks>
internal sealed class CsvTable
{
    private CsvTable(string fileName, string[] header, List<string[]> rows)
    {
        FileName = fileName;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file name used in messages.</summary>
    public string FileName { get; }

    /// <summary>The header fields as written (not trimmed).</summary>
    public string[] Header { get; }

    /// <summary>The data records in file order; record number = index + 1.</summary>
    public List<string[]> Rows { get; }

    /// <summary>Parses UTF-8 bytes (a leading BOM is skipped). Throws <see cref="CollabInsightsException"/> on an empty file or an unterminated quote.</summary>
    public static CsvTable Parse(string fileName, ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var text = Encoding.UTF8.GetString(utf8);
        return Parse(fileName, text.AsSpan());
    }

    /// <summary>Parses already decoded text (a leading U+FEFF is skipped).</summary>
    public static CsvTable Parse(string fileName, ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<string[]>(Math.Max(16, text.Length / 200));
        var fields = new List<string>(64);
        var sb = new StringBuilder();
        var pos = 0;
        var n = text.Length;
        var recordStartLine = 1;
        var line = 1;
        while (pos < n)
        {
            // Start of a record. Skip a completely empty line.
            var c0 = text[pos];
            if (c0 == '\n' || c0 == '\r')
            {
                pos += c0 == '\r' && pos + 1 < n && text[pos + 1] == '\n' ? 2 : 1;
                line++;
                continue;
            }

            recordStartLine = line;
            fields.Clear();
            while (true)
            {
                // Start of a field.
                if (pos < n && text[pos] == '"')
                {
                    pos++;
                    sb.Clear();
                    while (true)
                    {
                        var rest = text[pos..];
                        var q = rest.IndexOf('"');
                        if (q < 0)
                        {
                            throw new CollabInsightsException($"{fileName}: a quoted field opened on line {recordStartLine} (record {records.Count}) is never closed. Check that every '\"' inside a field is doubled (\"\").");
                        }

                        var chunk = rest[..q];
                        line += chunk.Count('\n');
                        sb.Append(chunk);
                        pos += q + 1;
                        if (pos < n && text[pos] == '"')
                        {
                            sb.Append('"');
                            pos++;
                            continue;
                        }

                        break;
                    }

                    // Characters after the closing quote up to the separator are kept (lenient, as Python's csv).
                    var tail = text[pos..];
                    var stop = tail.IndexOfAny(',', '\n', '\r');
                    if (stop < 0)
                    {
                        stop = tail.Length;
                    }

                    if (stop > 0)
                    {
                        sb.Append(tail[..stop]);
                        pos += stop;
                    }

                    fields.Add(sb.ToString());
                }
                else
                {
                    var rest = text[pos..];
                    var stop = rest.IndexOfAny(',', '\n', '\r');
                    if (stop < 0)
                    {
                        stop = rest.Length;
                    }

                    fields.Add(stop == 0 ? string.Empty : new string(rest[..stop]));
                    pos += stop;
                }

                if (pos >= n)
                {
                    break;
                }

                var c = text[pos];
                if (c == ',')
                {
                    pos++;
                    continue;
                }

                // End of record.
                pos += c == '\r' && pos + 1 < n && text[pos + 1] == '\n' ? 2 : 1;
                line++;
                break;
            }

            records.Add(fields.ToArray());
        }

        if (records.Count == 0)
        {
            throw new CollabInsightsException($"{fileName} is empty: expected a header line with the column names.");
        }

        var header = records[0];
        records.RemoveAt(0);
        return new CsvTable(fileName, header, records);
    }
}

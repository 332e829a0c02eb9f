using System.Text;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>
/// Reads CSV records one at a time from a <see cref="TextReader"/> (RFC 4180: comma separator, double-quoted fields that
/// may hold commas, line breaks and doubled quotes; <c>\r\n</c> or <c>\n</c> line ends; completely empty lines are not
/// records), so a file larger than memory streams.
/// </summary>
internal sealed class CsvStream(TextReader reader, string file)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>The next record's fields, or null at the end of the file.</summary>
    public List<string>? Next()
    {
        while (true)
        {
            var c = reader.Peek();
            if (c < 0)
            {
                return null;
            }

            if (c is '\r' or '\n')
            {
                reader.Read();
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                _line++;
                continue;
            }

            break;
        }

        var fields = new List<string>();
        var startLine = _line;
        while (true)
        {
            _field.Clear();
            var c = reader.Read();
            if (c == '"')
            {
                while (true)
                {
                    c = reader.Read();
                    if (c < 0)
                    {
                        throw new CollabInsightsException($"{file}: a quoted field opened on line {startLine} is never closed. Check that every '\"' inside a field is doubled (\"\").");
                    }

                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                c = reader.Read();
            }

            while (c >= 0 && c != ',' && c != '\n' && c != '\r')
            {
                _field.Append((char)c);
                c = reader.Read();
            }

            fields.Add(_field.ToString());
            if (c == ',')
            {
                continue;
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            _line++;
            return fields;
        }
    }
}

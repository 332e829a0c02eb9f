using System.Text;
using CollabInsights.Domain;
using CollabInsights.OffChain;

namespace CollabInsights.Anomalies.Internal;

/// <summary>Reads a whole CSV text into rows and writes it back (RFC 4180 quoting), to patch single cells of generated files.</summary>
internal static class CsvPatch
{
    /// <summary>Every record of <paramref name="text"/>, header first, parsed by the ingest's CSV reader.</summary>
    public static List<List<string>> Parse(string file, string text)
    {
        var table = CsvFile.Parse(file, text);
        var rows = new List<List<string>>(table.Rows.Count + 1) { new(table.Header) };
        rows.AddRange(table.Rows.Select(r => new List<string>(r)));
        return rows;
    }

    public static string Write(List<List<string>> rows, string newline)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(Quote)).Append(newline);
        }

        return sb.ToString();
    }

    // Raw on purpose: the patched files are INDIGO-layout inputs the kit reads back, and must keep every value as it was.
    private static string Quote(string s) => CsvText.RawCell(s);
}

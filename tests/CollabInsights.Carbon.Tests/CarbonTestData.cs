using System.Text;
using CollabInsights.Carbon;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Carbon.Tests;

/// <summary>The pinned real registry samples, and copies of them to plant cases in.</summary>
internal static class CarbonTestData
{
    /// <summary>data/carbon-offsetsdb: OffsetsDB's raw registry export samples.</summary>
    public static string OffsetsDb => Pinned("carbon-offsetsdb");

    /// <summary>data/carbon-cadt: CAD Trust's model samples.</summary>
    public static string Cadt => Pinned("carbon-cadt");

    /// <summary>data/carbon-toucan: CarbonPlan's published Toucan data.</summary>
    public static string Toucan => Pinned("carbon-toucan");

    private static string Pinned(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "data", name);
        if (!Directory.Exists(path))
        {
            throw new InvalidOperationException($"The pinned carbon samples were not found at {path}. They are committed under data/{name} (restore with git checkout -- data/{name}).");
        }

        return path;
    }

    /// <summary>A temporary folder with a copy of every real registry folder (OffsetsDB's seven and CAD Trust's).</summary>
    public static string CopyOfReal()
    {
        var dir = RepoPaths.NewTempDirectory("carbon");
        foreach (var root in new[] { OffsetsDb, Cadt })
        {
            foreach (var registry in CarbonRegistries.All)
            {
                var source = Path.Combine(root, registry);
                if (!Directory.Exists(source))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.Combine(dir, registry));
                foreach (var file in Directory.EnumerateFiles(source))
                {
                    File.Copy(file, Path.Combine(dir, registry, Path.GetFileName(file)));
                }
            }
        }

        return dir;
    }

    /// <summary>Loads the folders and returns the dataset and problems.</summary>
    public static async Task<LoadResult<CarbonDataset>> LoadAsync(params string[] roots) =>
        await CarbonRegistryLoader.LoadAsync(roots, TestContext.Current.CancellationToken);

    /// <summary>The header and records of a CSV file.</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var table = CsvFile.Parse(path, File.ReadAllBytes(path));
        return ([.. table.Header], [.. table.Rows]);
    }

    /// <summary>Writes a CSV file, quoting every field that needs it.</summary>
    public static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header.Select(Quote))).Append('\n');
        foreach (var row in rows)
        {
            sb.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Appends a copy of record <paramref name="row"/> (1-based) of <paramref name="path"/>, changed by <paramref name="change"/>; returns the new row's number.</summary>
    public static int AppendCopy(string path, int row, Action<Func<string, int>, string[]> change)
    {
        var (header, rows) = ReadCsv(path);
        var copy = (string[])rows[row - 1].Clone();
        int Col(string name) => Array.FindIndex(header, h => string.Join(' ', h.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) == name);
        change(Col, copy);
        rows.Add(copy);
        WriteCsv(path, header, rows);
        return rows.Count;
    }

    /// <summary>Record <paramref name="row"/> (1-based) of a CSV file as column name to value.</summary>
    public static Dictionary<string, string> Record(string path, int row)
    {
        var (header, rows) = ReadCsv(path);
        return header.Select((h, i) => (h, v: i < rows[row - 1].Length ? rows[row - 1][i] : string.Empty)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

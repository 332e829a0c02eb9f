using System.Text;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

/// <summary>Writes a small INDIGO-layout export (the required columns of every loaded file) for tests.</summary>
internal sealed class MiniExport
{
    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = IndigoLayout.LoadedFiles.ToDictionary(f => f, _ => new List<Dictionary<string, string>>(), StringComparer.Ordinal);

    /// <summary>An export with one organisation (ORG-1), one fund (FUND-1) and one project (POJ-1).</summary>
    public static MiniExport Basic() => new MiniExport()
        .Add(IndigoLayout.Organisations, ("ID", "ORG-1"), ("Name", "Council"))
        .Add(IndigoLayout.Funds, ("ID", "FUND-1"), (IndigoLayout.FundColumns.Name, "Fund one"))
        .Add(IndigoLayout.Projects, ("ID", "POJ-1"), (IndigoLayout.ProjectColumns.Name, "Project one"));

    public MiniExport Add(string file, params (string Column, string Value)[] cells)
    {
        foreach (var (column, _) in cells)
        {
            Assert.Contains(column, IndigoLayout.RequiredColumns[file]);
        }

        _rows[file].Add(cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal));
        return this;
    }

    /// <summary>A payment row of project POJ-1 with the given cells added.</summary>
    public MiniExport Payment(params (string Column, string Value)[] cells) =>
        Add(IndigoLayout.Payments, [(IndigoLayout.PaymentColumns.ProjectId, "POJ-1"), (IndigoLayout.PaymentColumns.Type, "Actual"), .. cells]);

    /// <summary>Writes the files to a new temp folder and returns it.</summary>
    public string Write(bool bom = false, string newline = "\n", string? folder = null)
    {
        folder ??= RepoPaths.NewTempDirectory("indigo-mini");
        Directory.CreateDirectory(folder);
        foreach (var (file, rows) in _rows)
        {
            var columns = IndigoLayout.RequiredColumns[file];
            var sb = new StringBuilder();
            sb.Append(string.Join(',', columns.Select(Quote))).Append(newline);
            foreach (var row in rows)
            {
                sb.Append(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c, string.Empty))))).Append(newline);
            }

            File.WriteAllText(Path.Combine(folder, file), sb.ToString(), new UTF8Encoding(bom));
        }

        return folder;
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

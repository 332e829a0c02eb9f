using CollabInsights.Cli;
using CollabInsights.OffChain;
using CollabInsights.Domain;
using CollabInsights.Tests.Shared;
using Parquet;

namespace CollabInsights.Tests.Tabular;

public sealed class CsvTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("=D41-D36", "'=D41-D36")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-", "'-")]
    [InlineData("-e5", "'-e5")]
    [InlineData("- 5", "'- 5")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+3", "+3")]
    [InlineData("-1e-5", "-1e-5")]
    [InlineData(".5", ".5")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Formula_leading_cells_get_a_single_quote_and_plain_numbers_stay(string value, string expected) =>
        Assert.Equal(expected, CsvText.Neutralise(value));

    [Fact]
    public void Cells_with_commas_quotes_and_line_breaks_are_quoted_after_neutralising()
    {
        Assert.Equal("\"'=1,2\"", CsvText.Cell("=1,2"));
        Assert.Equal("\"'\r=A1\"", CsvText.Cell("\r=A1"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvText.Cell("say \"hi\""));
        Assert.Equal("\"a\nb\"", CsvText.Cell("a\nb"));
        Assert.Equal("\"a\rb\"", CsvText.Cell("a\rb"));
        Assert.Equal("=1", CsvText.RawCell("=1"));
        Assert.Equal("a,'=1,-2,", CsvText.Row(["a", "=1", "-2", null]));
        Assert.Equal("a,=1,-2,", CsvText.Row(["a", "=1", "-2", null], raw: true));
    }

    [Fact]
    public async Task What_the_writer_quotes_the_kits_reader_reads_back_cell_for_cell()
    {
        string[] cells = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "\r\n", "\"", ",", " lead", "trail "];
        var path = Path.Combine(RepoPaths.NewTempDirectory(), "t.csv");
        await File.WriteAllTextAsync(path, CsvText.Row(cells.Select((_, i) => "c" + i), raw: true) + "\n" + CsvText.Row(cells, raw: true) + "\n", Ct);
        var read = await CsvFile.ReadAsync(path, Ct);
        Assert.Equal(cells, read.Rows[0]);
    }

    [Fact]
    public async Task Link_tables_of_the_real_export_neutralise_its_spreadsheet_formulas_in_csv_and_keep_them_in_parquet()
    {
        // The real INDIGO export has =D41-D36, =M33 and =U33 in projects_outcome_payment_commitments.csv; they are reported as data problems.
        var source = await File.ReadAllTextAsync(Path.Combine(RepoPaths.IndigoData, "projects_outcome_payment_commitments.csv"), Ct);
        Assert.Contains(",=D41-D36,", source, StringComparison.Ordinal);
        var dir = RepoPaths.NewTempDirectory();
        var output = new StringWriter();
        Assert.True(await CollabCli.InvokeAsync(["link", "--data", RepoPaths.IndigoData, "--out", dir], output, output, Ct) == 0, output.ToString());

        var csv = await CsvFile.ReadAsync(Path.Combine(dir, "tables", "data_problems.csv"), Ct);
        var values = csv.Rows.Select(r => r[csv.Header.ToList().IndexOf("value")]).ToList();
        Assert.Contains("'=D41-D36", values);
        Assert.Contains("'=M33", values);
        Assert.Contains("'=U33", values);
        foreach (var table in Directory.EnumerateFiles(Path.Combine(dir, "tables"), "*.csv"))
        {
            var read = await CsvFile.ReadAsync(table, Ct);
            foreach (var cell in read.Rows.SelectMany(r => r).Concat(read.Header))
            {
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !CsvText.IsPlainNumber(cell), $"{Path.GetFileName(table)}: a spreadsheet would run '{cell}'");
            }
        }

        await using var stream = File.OpenRead(Path.Combine(dir, "tables", "data_problems.parquet"));
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: Ct);
        var field = reader.Schema.DataFields.Single(f => f.Name == "value");
        var raw = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var column = new string?[group.RowCount];
            await group.ReadAsync(field, column.AsMemory(), cancellationToken: Ct);
            raw.AddRange(column);
        }

        Assert.Contains("=D41-D36", raw);
        Assert.Equal(values.Count, raw.Count);
    }
}

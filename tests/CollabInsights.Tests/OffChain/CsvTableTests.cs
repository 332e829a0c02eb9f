using System.Text;
using CollabInsights.OffChain.Internal;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.OffChain;

public class CsvTableTests
{
    [Fact]
    public void Quoted_fields_keep_commas_newlines_and_doubled_quotes()
    {
        var table = CsvTable.Parse("t.csv", "a,b,c\n1,\"x, y\",\"line1\nline2\"\n2,\"say \"\"hi\"\"\",\n"u8.ToArray());

        Assert.Equal(["a", "b", "c"], table.Header);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["1", "x, y", "line1\nline2"], table.Row(1));
        Assert.Equal(["2", "say \"hi\"", ""], table.Row(2));
    }

    [Fact]
    public void Crlf_line_ends_are_not_part_of_fields()
    {
        var table = CsvTable.Parse("t.csv", "a,b\r\n1,2\r\n\"3\r\n4\",5\r\n"u8.ToArray());

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(["1", "2"], table.Row(1));
        Assert.Equal(["3\r\n4", "5"], table.Row(2));
    }

    [Fact]
    public void Utf8_bom_is_skipped_and_bom_and_no_bom_give_the_same_table()
    {
        var text = "ID,Name\nP1,Zürich £\n";
        var withBom = CsvTable.Parse("t.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var without = CsvTable.Parse("t.csv", Encoding.UTF8.GetBytes(text));

        Assert.Equal("ID", withBom.Header[0]);
        Assert.Equal(without.Header, withBom.Header);
        Assert.Equal(without.Row(1), withBom.Row(1));
        Assert.Equal("Zürich £", withBom.Row(1)[1]);
    }

    [Fact]
    public void Last_record_without_line_end_and_blank_lines_are_handled()
    {
        var table = CsvTable.Parse("t.csv", "a,b\n\n1,2\n\n3,4"u8.ToArray());

        Assert.Equal(2, table.RowCount);
        Assert.Equal(["3", "4"], table.Row(2));
    }

    [Fact]
    public void Empty_fields_and_trailing_empty_field_are_kept()
    {
        var table = CsvTable.Parse("t.csv", "a,b,c\n,,\n"u8.ToArray());

        Assert.Equal(["", "", ""], table.Row(1));
    }

    [Fact]
    public void Unterminated_quote_names_the_file()
    {
        var ex = Assert.Throws<CollabInsightsException>(() => CsvTable.Parse("broken.csv", "a,b\n1,\"open\n"u8.ToArray()));

        Assert.Contains("broken.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept_and_short_records_read_empty()
    {
        var table = CsvTable.Parse("t.csv", "a,b,c\n\"ab\"c,x\"y\n"u8.ToArray());

        Assert.Equal(["abc", "x\"y"], table.Row(1));
        Assert.Equal(string.Empty, table.Cell(1, 2));
    }

    [Fact]
    public async Task Fields_agree_with_python_csv_on_the_real_export()
    {
        // Cross-check the reader against Python's csv module on the biggest real file.
        var path = Path.Combine(Shared.RepoPaths.IndigoData, "projects_outcome_metrics.csv");
        var table = CsvTable.Parse("m.csv", File.ReadAllBytes(path));
        var python = await DebianPython.RunAsync(
            TestContext.Current.CancellationToken,
            "-c",
            "import csv,sys,json; r=[x for x in csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')) if x]; print(json.dumps(r))",
            path);
        var expected = System.Text.Json.JsonSerializer.Deserialize<string[][]>(python)!;

        Assert.Equal(expected.Length - 1, table.RowCount);
        Assert.Equal(expected[0], table.Header);
        for (var row = 1; row < expected.Length; row++)
        {
            Assert.Equal(expected[row], table.Row(row));
        }
    }
}

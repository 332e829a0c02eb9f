using System.Text;
using CollabInsights.OffChain.Internal;

namespace CollabInsights.Tests.OffChain;

public class CsvTableTests
{
    [Fact]
    public void Quoted_fields_keep_commas_newlines_and_doubled_quotes()
    {
        var table = CsvTable.Parse("t.csv", "a,b,c\n1,\"x, y\",\"line1\nline2\"\n2,\"say \"\"hi\"\"\",\n"u8);

        Assert.Equal(["a", "b", "c"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["1", "x, y", "line1\nline2"], table.Rows[0]);
        Assert.Equal(["2", "say \"hi\"", ""], table.Rows[1]);
    }

    [Fact]
    public void Crlf_line_ends_are_not_part_of_fields()
    {
        var table = CsvTable.Parse("t.csv", "a,b\r\n1,2\r\n\"3\r\n4\",5\r\n"u8);

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(["1", "2"], table.Rows[0]);
        Assert.Equal(["3\r\n4", "5"], table.Rows[1]);
    }

    [Fact]
    public void Utf8_bom_is_skipped_and_bom_and_no_bom_give_the_same_table()
    {
        var text = "ID,Name\nP1,Zürich £\n";
        var withBom = CsvTable.Parse("t.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var without = CsvTable.Parse("t.csv", Encoding.UTF8.GetBytes(text));

        Assert.Equal("ID", withBom.Header[0]);
        Assert.Equal(without.Header, withBom.Header);
        Assert.Equal(without.Rows[0], withBom.Rows[0]);
        Assert.Equal("Zürich £", withBom.Rows[0][1]);
    }

    [Fact]
    public void Last_record_without_line_end_and_blank_lines_are_handled()
    {
        var table = CsvTable.Parse("t.csv", "a,b\n\n1,2\n\n3,4"u8);

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["3", "4"], table.Rows[1]);
    }

    [Fact]
    public void Empty_fields_and_trailing_empty_field_are_kept()
    {
        var table = CsvTable.Parse("t.csv", "a,b,c\n,,\n"u8);

        Assert.Equal(["", "", ""], table.Rows[0]);
    }

    [Fact]
    public void Unterminated_quote_names_the_file()
    {
        var ex = Assert.Throws<CollabInsightsException>(() => CsvTable.Parse("broken.csv", "a,b\n1,\"open\n"u8));

        Assert.Contains("broken.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }
}

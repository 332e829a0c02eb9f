using CollabInsights.Reporting;
using Microsoft.Data.Analysis;

namespace CollabInsights.Tests.Reporting;

public class HtmlTableTests
{
    private sealed record Row(string Name, decimal Amount, int? Count);

    [Fact]
    public void Script_tags_in_data_are_escaped()
    {
        var html = HtmlTable.FromRecords([new Row("<script>alert('x')</script>", 1m, null)]);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_names_of_a_data_frame_are_escaped_too()
    {
        var frame = new DataFrame(new StringDataFrameColumn("<b>&", ["a&b"]));
        var html = HtmlTable.FromDataFrame(frame);
        Assert.Contains("<th>&lt;b&gt;&amp;</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>a&amp;b</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_shows_the_first_rows_and_counts_the_rest()
    {
        var rows = Enumerable.Range(1, 25).Select(i => new Row($"r{i}", i, i)).ToList();
        var html = HtmlTable.FromRecords(rows);
        Assert.Equal(20 + 1, html.Split("<tr>").Length - 1); // 20 data rows + header row
        Assert.Contains("<td>r20</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>r21</td>", html, StringComparison.Ordinal);
        Assert.Contains("5 more rows", html, StringComparison.Ordinal);

        var three = HtmlTable.FromRecords(rows, previewRows: 3);
        Assert.Contains("22 more rows", three, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_frame_preview_is_bounded_the_same_way()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", Enumerable.Range(0, 30)));
        var html = HtmlTable.FromDataFrame(frame, previewRows: 10);
        Assert.Contains("<td class=\"num\">9</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">10</td>", html, StringComparison.Ordinal);
        Assert.Contains("20 more rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimals_keep_their_exact_digits()
    {
        var frame = new DataFrame(new DecimalDataFrameColumn("amount", [12345678.91m, 0.10m, 1e-10m]));
        var html = HtmlTable.FromDataFrame(frame);
        Assert.Contains(">12345678.91<", html, StringComparison.Ordinal);
        Assert.Contains(">0.10<", html, StringComparison.Ordinal);
        Assert.Contains(">0.0000000001<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_record_table_renders_to_the_expected_html()
    {
        var html = HtmlTable.FromRecords([new Row("Council", 1250000.50m, 3), new Row("Fund", 0m, null)], previewRows: 1);
        const string expected = """
            <table class="collab-table">
            <thead><tr><th>Name</th><th>Amount</th><th>Count</th></tr></thead>
            <tbody>
            <tr><td>Council</td><td class="num">1250000.50</td><td class="num">3</td></tr>
            </tbody>
            </table>
            <p class="collab-table-more">1 more row</p>

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), html);
    }

    [Fact]
    public void Any_sequence_of_records_renders_through_the_object_entry_point()
    {
        IEnumerable<Row> rows = [new Row("a", 1m, 1)];
        var html = HtmlTable.FromObject(rows);
        Assert.Contains("<th>Amount</th>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"collab-value\">1 &lt; 2</pre>", HtmlTable.FromObject("1 < 2"), StringComparison.Ordinal);
    }
}

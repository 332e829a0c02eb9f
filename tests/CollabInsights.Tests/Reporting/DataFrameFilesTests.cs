using CollabInsights.Reporting;
using CollabInsights.Tests.Shared;
using Microsoft.Data.Analysis;
using Parquet;

namespace CollabInsights.Tests.Reporting;

public class DataFrameFilesTests
{
    private static DataFrame Frame() => new(
        new StringDataFrameColumn("name", ["a,b", "say \"hi\"", null]),
        new DecimalDataFrameColumn("amount", [12345678.91m, null, 0.000001m]),
        new Int32DataFrameColumn("n", [1, 2, 3]));

    [Fact]
    public async Task Csv_quotes_when_needed_keeps_exact_decimals_and_leaves_nulls_empty()
    {
        var path = Path.Combine(RepoPaths.NewTempDirectory(), "t.csv");
        await DataFrameFiles.WriteCsvAsync(Frame(), path, TestContext.Current.CancellationToken);
        Assert.Equal("name,amount,n\n\"a,b\",12345678.91,1\n\"say \"\"hi\"\"\",,2\n,0.000001,3\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Parquet_round_trips_strings_decimals_and_nulls()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(RepoPaths.NewTempDirectory(), "t.parquet");
        await DataFrameFiles.WriteParquetAsync(Frame(), path, ct);
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        Assert.Equal(["name", "amount", "n"], reader.Schema.DataFields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(3, group.RowCount);
        var amounts = new decimal?[3];
        await group.ReadAsync<decimal>(reader.Schema.DataFields[1], amounts.AsMemory(), cancellationToken: ct);
        Assert.Equal(new decimal?[] { 12345678.91m, null, 0.000001m }, amounts);
        var names = new string?[3];
        await group.ReadAsync(reader.Schema.DataFields[0], names.AsMemory(), cancellationToken: ct);
        Assert.Equal(new[] { "a,b", "say \"hi\"", null }, names);
    }
}

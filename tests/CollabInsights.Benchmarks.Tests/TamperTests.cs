using CollabInsights.Benchmarks;

namespace CollabInsights.Benchmarks.Tests;

public sealed class TamperTests
{
    private const int Rows = 10;

    public static TheoryData<string> ChainedNames => new("hashchain-sqlite", "hashchain-postgres");

    public static TheoryData<string> PlainNames => new("sqlite", "postgres");

    [Theory]
    [MemberData(nameof(ChainedNames))]
    public async Task Hash_chained_table_detects_every_single_row_change_in_every_column(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var records = Enumerable.Range(0, Rows).Select(i => BenchOutcomeRecord.Generate(11, i)).ToList();
        await using var backend = Backends.Create(name, blockSize: 4);
        var missed = new List<string>();
        var cases = 0;
        foreach (var column in backend.TamperColumns)
        {
            foreach (var record in records)
            {
                await backend.ResetAsync(ct);
                await backend.WriteBatchAsync(records, ct);
                await backend.FlushAsync(ct);
                await backend.TamperAsync(record.Id, column, ct);
                var check = await backend.DetectTamperingAsync(ct);
                cases++;
                if (!check.Detected)
                {
                    missed.Add($"{record.Id}.{column}");
                }
            }
        }

        Assert.Equal(13 * Rows, cases);
        Assert.Empty(missed);
    }

    [Theory]
    [MemberData(nameof(PlainNames))]
    public async Task Plain_table_does_not_detect_a_changed_row_and_says_so(string name)
    {
        // A plain table cannot tell a row changed behind its back from the same row written legitimately: its check
        // gives the same answer for both tables, and that answer says the change cannot be detected.
        var ct = TestContext.Current.CancellationToken;
        var records = Enumerable.Range(0, Rows).Select(i => BenchOutcomeRecord.Generate(11, i)).ToList();
        await using var backend = Backends.Create(name);
        await backend.ResetAsync(ct);
        var legitimate = records.Select((r, i) => i == 3 ? r with { Amount = r.Amount + 0.01m } : r).ToList();
        await backend.WriteBatchAsync(legitimate, ct);
        var honest = await backend.DetectTamperingAsync(ct);

        await backend.ResetAsync(ct);
        await backend.WriteBatchAsync(records, ct);
        await backend.TamperAsync(records[3].Id, "amount_minor", ct);
        Assert.Equal(legitimate[3].Amount, (await backend.GetAsync(records[3].Id, ct))!.Amount);
        var tampered = await backend.DetectTamperingAsync(ct);

        Assert.Equal(honest, tampered);
        Assert.Equal(Rows, tampered.RecordsChecked);
        Assert.False(tampered.Detected);
        Assert.Contains("cannot be detected", tampered.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_chained_table_reports_the_changed_record()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = Backends.Create("hashchain-sqlite", blockSize: 4);
        await backend.ResetAsync(ct);
        var records = Enumerable.Range(0, Rows).Select(i => BenchOutcomeRecord.Generate(11, i)).ToList();
        await backend.WriteBatchAsync(records, ct);
        await backend.FlushAsync(ct);
        await backend.TamperAsync(records[6].Id, "currency", ct);

        var check = await backend.DetectTamperingAsync(ct);
        Assert.True(check.Detected);
        Assert.Equal(records[6].Id, check.FirstBadRecordId);
        Assert.Equal(Rows, check.RecordsChecked);
    }
}

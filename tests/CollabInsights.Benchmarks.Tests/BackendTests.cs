using CollabInsights.Benchmarks;

namespace CollabInsights.Benchmarks.Tests;

public sealed class BackendTests
{
    public static TheoryData<string> Names => new(Backends.DatabaseNames);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_workload_operation_returns_what_was_written(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = Backends.Create(name);
        await backend.ResetAsync(ct);
        var records = Enumerable.Range(0, 30).Select(i => BenchOutcomeRecord.Generate(7, i)).ToList();
        foreach (var record in records.Take(10))
        {
            await backend.WriteAsync(record, ct);
        }

        await backend.WriteBatchAsync(records.Skip(10).ToList(), ct);
        await backend.FlushAsync(ct);

        Assert.Equal(records[17], await backend.GetAsync(records[17].Id, ct));
        Assert.Null(await backend.GetAsync("rec-missing", ct));

        var from = BenchOutcomeRecord.FirstPeriodStart.AddMonths(6);
        var to = from.AddYears(2).AddDays(-1);
        var expectedRange = records.Where(r => r.PeriodStart >= from && r.PeriodEnd <= to).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedRange);
        Assert.Equal(expectedRange, (await backend.QueryPeriodAsync(from, to, ct)).Select(r => r.Id).ToList());

        var expectedPaid = records.GroupBy(r => r.FunderId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(r => r.Amount))).ToList();
        Assert.Equal(expectedPaid, (await backend.PaidPerFunderAsync(ct)).Select(kv => (kv.Key, kv.Value)).ToList());

        var proof = await backend.ProveAsync(records[21].Id, ct);
        Assert.Equal(backend.IsTamperEvident, await backend.VerifyAsync(proof, ct));
        Assert.True(await backend.BytesPerRecordAsync(records.Count, ct) > 50);
        Assert.False((await backend.DetectTamperingAsync(ct)).Detected);
    }

    [Fact]
    public async Task A_forged_record_in_a_proof_does_not_verify()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = Backends.Create("hashchain-sqlite", blockSize: 8);
        await backend.ResetAsync(ct);
        await backend.WriteBatchAsync(Enumerable.Range(0, 20).Select(i => BenchOutcomeRecord.Generate(3, i)).ToList(), ct);
        await backend.FlushAsync(ct);
        var proof = await backend.ProveAsync("rec-000000009", ct);
        Assert.True(await backend.VerifyAsync(proof, ct));
        var forged = proof with { Record = proof.Record! with { Amount = proof.Record.Amount + 1m } };
        Assert.False(await backend.VerifyAsync(forged, ct));
    }

    [Fact]
    public void Generated_records_depend_only_on_seed_and_index()
    {
        Assert.Equal(BenchOutcomeRecord.Generate(42, 99), BenchOutcomeRecord.Generate(42, 99));
        Assert.NotEqual(BenchOutcomeRecord.Generate(42, 99), BenchOutcomeRecord.Generate(43, 99));
        Assert.Equal("rec-000000099", BenchOutcomeRecord.Generate(42, 99).Id);
    }
}

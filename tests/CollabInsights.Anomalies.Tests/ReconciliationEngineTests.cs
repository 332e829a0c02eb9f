using CollabInsights.Domain;
using CollabInsights.Reconciliation;
using static CollabInsights.Anomalies.Tests.TestData;

namespace CollabInsights.Anomalies.Tests;

/// <summary>The DuckDB engine against the in-memory one: identical results, entry for entry, on generated books with planted differences.</summary>
public class ReconciliationEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Books and a chain with every kind of trouble the matcher handles: 1% of each mismatch class, duplicates (the same key two or
    /// three times on either side), books without payer or recipient (or neither) that the chain names, keys that differ only in case or
    /// surrounding spaces, 6-decimal token amounts that round to the books' cents, results with and without a validator, and rows
    /// without an amount that are set aside as not on chain.
    /// </summary>
    private static (CollabDataset Books, CollabDataset Chain) Generate(int n, int seed)
    {
        var random = new Random(seed);
        var books = new List<OutcomePayment>();
        var chain = new List<OutcomePayment>();
        var bookResults = new List<OutcomeResult>();
        var chainResults = new List<OutcomeResult>();
        var tx = 0;
        ChainProvenance Tx() => new(31337, 100 + (tx / 7), "0xbb", $"0x{tx:x8}", tx++ % 7, tx % 3 == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(1_600_000_000 + tx));
        for (var i = 0; i < n; i++)
        {
            var project = $"P{random.Next(Math.Max(2, n / 50))}";
            var metric = random.Next(10) == 0 ? null : $"m{random.Next(3)}";
            var month = 3 * (1 + random.Next(4));
            var payer = random.Next(12) switch { 0 => null, 1 => " ", _ => $"PAYER-{random.Next(5)}" };
            var recipient = random.Next(12) switch { 0 => null, _ => $"PROV-{random.Next(8)}" };
            var amount = random.Next(1, 50) * 100m + (random.Next(3) == 0 ? 0.5m : 0m);
            var book = new OutcomePayment(project, metric, M(2020, month - 2), M(2020, month), payer, recipient, PaymentType.Actual,
                random.Next(200) == 0 ? null : new Money(amount, "USD"), null, null, Row("projects_outcome_payments.csv", books.Count + 1));
            books.Add(book);
            var copies = random.Next(20) == 0 ? 2 : 1; // the chain holds a duplicate now and then
            for (var c = 0; c < copies; c++)
            {
                var token = new Money(amount + (random.Next(4) * 0.000001m), random.Next(2) == 0 ? "USDC" : "usdc");
                var on = book with { Amount = token, Provenance = Tx(), PayerId = payer ?? $"PAYER-{random.Next(5)}", RecipientId = recipient ?? $"PROV-{random.Next(8)}" };
                on = (random.Next(100)) switch
                {
                    0 => on with { Amount = token with { Amount = token.Amount + 1m } },
                    1 => on with { PeriodStart = M(2021, 1), PeriodEnd = M(2021, 3) },
                    2 => on with { RecipientId = "PROV-OTHER" },
                    3 => on with { ProjectId = "PX-" + i },
                    4 => on with { ProjectId = " " + on.ProjectId.ToLowerInvariant() + " ", PayerId = on.PayerId?.ToLowerInvariant() },
                    _ => on,
                };
                if (random.Next(100) != 5)
                {
                    chain.Add(on); // else only_off_chain
                }
            }

            if (random.Next(10) == 0)
            {
                var validator = random.Next(4) == 0 ? null : $"VAL-{random.Next(3)}";
                var result = new OutcomeResult(project, metric, "Final", M(2020, month - 2), M(2020, month), random.Next(5, 30), 50, validator, null, Row("projects_results.csv", bookResults.Count + 1));
                bookResults.Add(result);
                chainResults.Add(result with
                {
                    OutcomesAchieved = random.Next(10) == 0 ? result.OutcomesAchieved + 1 : result.OutcomesAchieved,
                    Validator = validator ?? $"VAL-{random.Next(3)}",
                    Provenance = Tx(),
                });
            }
        }

        // Shuffle the chain so that duplicates compete in an order other than the books'.
        var shuffled = chain.OrderBy(_ => random.Next()).ToList();
        return (CollabDataset.Empty with { Payments = books, Results = bookResults }, CollabDataset.Empty with { Payments = shuffled, Results = chainResults });
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(5_000, 2)]
    [InlineData(60_000, 3)]
    public async Task Both_engines_give_identical_results_entry_for_entry_on_generated_books_with_planted_differences(int n, int seed)
    {
        var (books, chain) = Generate(n, seed);
        var memory = Reconciler.Reconcile(books, chain);
        var duck = await DuckDbReconciler.ReconcileAsync(books, chain, cancellationToken: Ct);

        foreach (var c in Enum.GetValues<ReconciliationClass>())
        {
            Assert.True(memory.Counts[c] == duck.Counts[c], $"{ReconciliationResult.NameOf(c)}: memory {memory.Counts[c]}, duckdb {duck.Counts[c]}");
        }

        // The planted trouble is there: every class is populated, duplicates and missing counterparties included.
        Assert.All(Enum.GetValues<ReconciliationClass>(), c => Assert.True(memory.Counts[c] > 0, ReconciliationResult.NameOf(c)));
        Assert.NotEmpty(memory.NotOnChain);
        Assert.Equal(memory.Entries.Count, duck.Entries.Count);
        for (var i = 0; i < memory.Entries.Count; i++)
        {
            Assert.Equal(memory.Entries[i], duck.Entries[i]);
        }

        Assert.Equal(memory.NotOnChain, duck.NotOnChain);
    }

    [Fact]
    public async Task Duplicates_and_books_without_counterparties_pair_in_the_in_memory_engines_order()
    {
        // Two chain payments compete for a book row without a recipient (reached by the first only after its exact key is taken).
        var books = new[]
        {
            Pay(1, 100m, recipient: "PROV", currency: "USD"),
            Pay(2, 100m, recipient: null!, currency: "USD"),
            Pay(3, 100m, payer: null!, recipient: null!, currency: "USD"),
        };
        var chain = new[]
        {
            books[0] with { Provenance = new ChainProvenance(1, 1, "0x1", "0xa", 0, null) },
            books[0] with { Provenance = new ChainProvenance(1, 1, "0x1", "0xb", 1, null) },
            books[0] with { RecipientId = "OTHER", Provenance = new ChainProvenance(1, 1, "0x1", "0xc", 2, null) },
            books[0] with { Provenance = new ChainProvenance(1, 1, "0x1", "0xd", 3, null) },
        };
        var memory = Reconciler.Reconcile(With(payments: books), With(payments: chain));
        var duck = await DuckDbReconciler.ReconcileAsync(With(payments: books), With(payments: chain), cancellationToken: Ct);
        Assert.Equal(3, memory.Counts[ReconciliationClass.Matched]);
        Assert.Equal(memory.Entries, duck.Entries);
    }

    [Fact]
    public async Task The_engine_choice_follows_the_threshold_and_the_first_progress_report_is_the_estimate()
    {
        var (books, chain) = Generate(300, 4);
        var reports = new List<ReconciliationProgress>();
        var progress = new SynchronousProgress(reports.Add);
        Assert.Equal(ReconciliationEngine.Memory, Reconciler.Choose(books, chain, new ReconciliationOptions(), new ReconciliationEngineOptions()));
        var small = new ReconciliationEngineOptions { AutoThreshold = 100 };
        Assert.Equal(ReconciliationEngine.DuckDb, Reconciler.Choose(books, chain, new ReconciliationOptions(), small));
        Assert.Equal(ReconciliationEngine.Memory, Reconciler.Choose(books, chain, new ReconciliationOptions { AmountToleranceMinorUnits = 1 }, small));

        var result = await Reconciler.ReconcileAsync(books, chain, engine: small, progress: progress, cancellationToken: Ct);
        Assert.Equal("estimate", reports[0].Stage);
        Assert.Equal(ReconciliationEngine.DuckDb, reports[0].Estimate.Engine);
        Assert.Equal(books.Payments.Count(p => p.Amount is not null) + books.Results.Count, reports[0].Estimate.OffChainRows); // rows set aside as not on chain are not matched
        Assert.True(reports[0].Estimate.Seconds > 0);
        Assert.Equal(reports[^1].Steps, reports[^1].Step);
        Assert.Equal(Reconciler.Reconcile(books, chain).Entries, result.Entries);

        var error = await Assert.ThrowsAsync<CollabInsightsException>(() => DuckDbReconciler.ReconcileAsync(books, chain, new ReconciliationOptions { AmountToleranceMinorUnits = 1 }, cancellationToken: Ct));
        Assert.Contains("AmountToleranceMinorUnits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_benchmarks_Parquet_written_by_DuckDB_reconciles_to_the_same_entries_as_its_objects_in_memory()
    {
        const int n = 2_345;
        var dir = CollabInsights.Tests.Shared.RepoPaths.NewTempDirectory();
        var (off, on) = (Path.Combine(dir, "off.parquet"), Path.Combine(dir, "on.parquet"));
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            await connection.OpenAsync(Ct);
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({Reconciliation.Internal.BenchmarkRows.Select(n, chain: false)}) TO '{off}' (FORMAT PARQUET); COPY ({Reconciliation.Internal.BenchmarkRows.Select(n, chain: true)}) TO '{on}' (FORMAT PARQUET)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var (books, chain) = ReconciliationBenchmark.Generate(n);
        var memory = Reconciler.Reconcile(books, chain, new ReconciliationOptions { IncludeResults = false }, keepMatchedEntries: false);
        var duck = await DuckDbReconciler.ReconcileParquetAsync(off, on, cancellationToken: Ct);
        Assert.Equal(ReconciliationEngineBenchmark.Planted(n)["amount_mismatch"], memory.Counts[ReconciliationClass.AmountMismatch]);
        Assert.Equal(24, memory.Counts[ReconciliationClass.OnlyOnChain]);
        Assert.Equal(memory.Counts, duck.Counts);
        Assert.Equal(memory.Entries.Count, duck.Entries.Count);
        for (var i = 0; i < memory.Entries.Count; i++)
        {
            Assert.Equal(memory.Entries[i], duck.Entries[i]);
        }
    }

    [Fact]
    public async Task The_engine_benchmark_runs_at_a_tiny_size_with_both_engines_counting_what_was_planted()
    {
        var result = await ReconciliationEngineBenchmark.RunAsync(1_000, runMemory: true, CollabInsights.Tests.Shared.RepoPaths.NewTempDirectory(), cancellationToken: Ct);
        Assert.True(result.IdenticalCounts, string.Join(", ", result.DuckDbCounts.Select(kv => $"{kv.Key} {kv.Value}/{result.MemoryCounts?.GetValueOrDefault(kv.Key)}/{result.PlantedCounts[kv.Key]}")));
        Assert.Equal(960, result.DuckDbCounts["matched"]);
        Assert.True(result.DuckDbPeakBytes > 0 && result.ParquetBytes > 0 && result.Ratio > 0);
    }

    private sealed class SynchronousProgress(Action<ReconciliationProgress> report) : IProgress<ReconciliationProgress>
    {
        public void Report(ReconciliationProgress value) => report(value);
    }
}

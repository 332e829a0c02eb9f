using CollabInsights.Domain;
using CollabInsights.Reconciliation;
using CollabInsights.Reconciliation.Evaluation;
using CollabInsights.Scenarios;
using static CollabInsights.Anomalies.Tests.TestData;

namespace CollabInsights.Anomalies.Tests;

public class ReconciliationTests
{
    private static ChainProvenance Tx(int i) => new(31337, 10 + i, "0xblock", $"0x{i:x4}", i, null);

    private static OutcomePayment OnChain(OutcomePayment p, int i, decimal? amount = null, string currency = "USDC") =>
        p with { Amount = new Money(amount ?? p.Amount!.Value.Amount, currency), Provenance = Tx(i) };

    [Fact]
    public void Each_class_is_found_with_both_sides_provenance()
    {
        var books = new[]
        {
            Pay(1, 1000m, month: 3, currency: "USD"),
            Pay(2, 2000m, month: 6, currency: "USD"),
            Pay(3, 3000m, month: 9, currency: "USD"),
            Pay(4, 4000m, month: 12, currency: "USD"),
            Pay(5, 5000m, metric: "m2", currency: "USD"),
        };
        var chain = new[]
        {
            OnChain(books[0], 1, 1000.004999m),                 // matched after rounding a 6-decimal token amount to cents
            OnChain(books[1], 2, 2000.50m),                     // amount_mismatch
            OnChain(books[2] with { PeriodStart = M(2021, 7), PeriodEnd = M(2021, 9) }, 3), // period_mismatch
            OnChain(books[3] with { RecipientId = "SOMEONE-ELSE" }, 4), // counterparty_mismatch
            OnChain(Pay(9, 777m, metric: "m9", currency: "USD"), 5), // only_on_chain; books[4] is only_off_chain
        };
        var result = Reconciler.Reconcile(With(payments: books), With(payments: chain));
        Assert.Equal(1, result.Counts[ReconciliationClass.Matched]);
        foreach (var c in new[] { ReconciliationClass.AmountMismatch, ReconciliationClass.PeriodMismatch, ReconciliationClass.CounterpartyMismatch, ReconciliationClass.OnlyOnChain, ReconciliationClass.OnlyOffChain })
        {
            Assert.Equal(1, result.Counts[c]);
        }

        var amount = result.Entries.Single(e => e.Class == ReconciliationClass.AmountMismatch);
        Assert.Equal(("projects_outcome_payments.csv", 2), ((FileProvenance)amount.OffChain!).File is var f ? (f, ((FileProvenance)amount.OffChain!).Row) : default);
        Assert.Equal("0x0002", ((ChainProvenance)amount.OnChain!).TxHash);
        Assert.Contains("2000.50 USD", amount.Detail, StringComparison.Ordinal);
        Assert.Null(result.Entries.Single(e => e.Class == ReconciliationClass.OnlyOnChain).OffChain);
        Assert.Equal(5, ((FileProvenance)result.Entries.Single(e => e.Class == ReconciliationClass.OnlyOffChain).OffChain!).Row);
    }

    [Fact]
    public void Duplicates_pair_one_to_one_and_tolerance_is_explicit()
    {
        var books = new[] { Pay(1, 100m, currency: "USD"), Pay(2, 100m, currency: "USD") };
        var chain = new[] { OnChain(books[0], 1) };
        var result = Reconciler.Reconcile(With(payments: books), With(payments: chain));
        Assert.Equal(1, result.Counts[ReconciliationClass.Matched]);
        Assert.Equal(1, result.Counts[ReconciliationClass.OnlyOffChain]);

        var off = Reconciler.Reconcile(With(payments: [books[0]]), With(payments: [OnChain(books[0], 1, 100.02m)]));
        Assert.Equal(1, off.Counts[ReconciliationClass.AmountMismatch]);
        var tolerant = Reconciler.Reconcile(With(payments: [books[0]]), With(payments: [OnChain(books[0], 1, 100.02m)]), new ReconciliationOptions { AmountToleranceMinorUnits = 5 });
        Assert.Equal(1, tolerant.Counts[ReconciliationClass.Matched]);
    }

    [Fact]
    public void Attestations_reconcile_with_results_by_count_and_validator()
    {
        var books = new[] { Result(1, achieved: 10), Result(2, month: 6, achieved: 12) };
        var chain = new[] { books[0] with { Provenance = Tx(1) }, books[1] with { OutcomesAchieved = 13, Provenance = Tx(2) } };
        var result = Reconciler.Reconcile(With(results: books), With(results: chain));
        Assert.Equal(1, result.Counts[ReconciliationClass.Matched]);
        var mismatch = Assert.Single(result.Entries, e => e.Class == ReconciliationClass.AmountMismatch);
        Assert.Equal("result", mismatch.RecordType);
        Assert.Equal("13 outcomes", mismatch.OnChainValue);
    }

    [Fact]
    public void Evaluation_scores_each_class_against_the_planted_differences_and_names_what_it_missed_or_did_not_expect()
    {
        var books = new[] { Pay(1, 1000m, currency: "USD"), Pay(2, 2000m, metric: "m2", currency: "USD"), Pay(3, 3000m, metric: "m3", currency: "USD") };
        var chain = new[] { OnChain(books[0], 1, 1001m), OnChain(books[1], 2, 2005m) }; // m1 and m2 amounts differ; m3 is missing on chain
        var result = Reconciler.Reconcile(With(payments: books), With(payments: chain));
        ScenarioChainDifference Planted(string cls, int row, string metric) =>
            new(cls, "payment", "projects_outcome_payments.csv", row, "P1", metric, "amount", null, null, "planted");
        var evaluation = ReconciliationEvaluation.Evaluate(result, [Planted("amount_mismatch", 1, "m1"), Planted("period_mismatch", 2, "m2")]);

        var amount = evaluation.Scores.Single(s => s.Class == ReconciliationClass.AmountMismatch);
        Assert.Equal((1, 2, 1), (amount.Expected, amount.Found, amount.TruePositives));
        Assert.Equal(0.5, amount.Precision);
        Assert.Equal(1.0, amount.Recall);
        Assert.Equal(0.0, evaluation.Scores.Single(s => s.Class == ReconciliationClass.PeriodMismatch).Recall);
        Assert.Equal(0.0, evaluation.Scores.Single(s => s.Class == ReconciliationClass.OnlyOffChain).Precision);
        Assert.False(evaluation.Exact);
        Assert.Equal(2, Assert.Single(evaluation.Missed).Row);
        Assert.Equal(2, evaluation.Unexpected.Count); // m2's amount mismatch and m3 only in the books
        Assert.Equal(1, ((FileProvenance)Assert.Single(evaluation.Found).Key.OffChain!).Row);
    }

    [Fact]
    public void Token_units_convert_with_their_decimals()
    {
        Assert.Equal(1250.004999m, ReconciliationOptions.FromTokenUnits(1_250_004_999, 6));
        Assert.Equal(0, ReconciliationOptions.DefaultMinorUnits("JPY"));
    }

    [Fact]
    public async Task Benchmark_runs_at_a_tiny_size_with_identical_counts()
    {
        var result = await ReconciliationBenchmark.RunAsync(2_000, TestContext.Current.CancellationToken);
        Assert.True(result.IdenticalCounts, string.Join(", ", result.OursCounts.Select(kv => $"{kv.Key} {kv.Value}/{result.DuckDbCounts.GetValueOrDefault(kv.Key)}")));
        Assert.Equal(20, result.OursCounts["amount_mismatch"]);
        Assert.Equal(1_920, result.OursCounts["matched"]);
    }
}

using CollabInsights.Domain;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Scenarios;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Extraction.Tests;

public sealed class LedgerRecordsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ledger_events_read_back_as_payments_and_attestations_equal_to_the_books_with_chain_provenance()
    {
        RepoPaths.NodeTool("anvil");
        var books = ScenarioGenerator.Generate(new ScenarioOptions { Seed = 5, Projects = 2 }).Dataset;
        await using var node = await AnvilNode.StartAsync(new AnvilOptions(), Ct);
        var seeded = await LedgerSeeder.SeedAsync(books, node.Web3, cancellationToken: Ct);
        var records = await LedgerChain.ExtractAsync(node.Endpoint, seeded, books, Ct);

        Assert.NotEmpty(records.Payments);
        Assert.NotEmpty(records.Attestations);
        Assert.Equal(seeded.Payments, records.Payments.Count);
        Assert.Equal(seeded.Attestations, records.Attestations.Count);
        var bookPayments = books.Payments.Where(p => p.Type == PaymentType.Actual).ToList();
        foreach (var project in books.Projects)
        {
            var expected = bookPayments.Where(p => p.ProjectId == project.Id).Sum(p => p.Amount!.Value.Amount);
            Assert.Equal(expected, records.Payments.Where(p => p.ProjectId == project.Id).Sum(p => p.Amount!.Value.Amount));
        }

        // Each chain payment is one of the books' payments: same project, metric, payer, recipient, amount and period days.
        var keys = bookPayments.Select(p => $"{p.ProjectId}|{p.MetricId}|{p.PayerId}|{p.RecipientId}|{p.Amount}|{p.PeriodStart!.Value.FirstDay:O}|{p.PeriodEnd!.Value.LastDay:O}").ToList();
        foreach (var p in records.Payments)
        {
            Assert.Contains($"{p.ProjectId}|{p.MetricId}|{p.PayerId}|{p.RecipientId}|{p.Amount}|{p.PeriodStart!.Value.FirstDay:O}|{p.PeriodEnd!.Value.LastDay:O}", keys);
            var provenance = Assert.IsType<ChainProvenance>(p.Provenance);
            Assert.Equal(node.ChainId, provenance.ChainId);
            Assert.StartsWith("0x", provenance.TxHash, StringComparison.Ordinal);
            Assert.Equal(66, provenance.TxHash.Length);
            Assert.NotNull(p.PaidAt);
        }

        // The books and the chain reconcile completely; one altered chain amount becomes exactly one amount mismatch.
        var onChain = CollabDataset.Empty with { Results = records.Attestations, Payments = records.Payments };
        var result = CollabInsights.Reconciliation.Reconciler.Reconcile(books, onChain);
        Assert.All(result.Entries.Where(e => e.RecordType == "payment"), e => Assert.Equal(CollabInsights.Reconciliation.ReconciliationClass.Matched, e.Class));
        var altered = records.Payments.ToList();
        altered[0] = altered[0] with { Amount = new Money(altered[0].Amount!.Value.Amount + 1m, altered[0].Amount!.Value.Currency) };
        var after = CollabInsights.Reconciliation.Reconciler.Reconcile(books, onChain with { Payments = altered });
        Assert.Single(after.Entries, e => e.Class == CollabInsights.Reconciliation.ReconciliationClass.AmountMismatch);

        Assert.All(records.Attestations, a => Assert.True(a.OutcomesAchieved >= 0 && a.Validator is not null && !a.Validator.StartsWith("0x", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reading_a_folder_without_an_extraction_says_how_to_make_one()
    {
        var e = await Assert.ThrowsAsync<CollabInsightsException>(() => LedgerRecords.ReadAsync(RepoPaths.NewTempDirectory(), cancellationToken: Ct));
        Assert.Contains("collab chain extract", e.Message, StringComparison.Ordinal);
    }
}

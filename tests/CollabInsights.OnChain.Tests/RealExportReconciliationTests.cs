using System.Globalization;
using System.Text;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Reconciliation;
using CollabInsights.Tests.Shared;

namespace CollabInsights.OnChain.Tests;

/// <summary>The real INDIGO export seeded exactly on Anvil, read back and reconciled with its books, before and after edits of the books by hand.</summary>
public class RealExportReconciliationTests(RealExportChainFixture fixture) : IClassFixture<RealExportChainFixture>
{
    private const string PaymentsFile = "projects_outcome_payments.csv";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Exact_seed_of_the_real_export_reconciles_with_no_difference_and_every_record_not_written_is_listed_with_its_reason_and_row()
    {
        var books = fixture.Books;
        var result = Reconciler.Reconcile(books, fixture.Chain, ReconciliationOptions.ForOutcomeLedger(books));

        Assert.True(result.Differences == 0, string.Join("\n", result.Entries.Where(e => e.Class != ReconciliationClass.Matched).Take(20).Select(e => $"{ReconciliationResult.NameOf(e.Class)} {e.OffChain?.Describe()} {e.Detail}")));
        Assert.Equal(fixture.Seeded.Attestations + fixture.Seeded.Payments, result.Counts[ReconciliationClass.Matched]);

        // Every result and every non-planned payment of the books is either matched on chain or listed as not on chain.
        var compared = books.Results.Count + books.Payments.Count(p => p.Type != PaymentType.Planned);
        Assert.Equal(compared, result.Counts[ReconciliationClass.Matched] + result.NotOnChain.Count);
        Assert.True(result.NotOnChain.Count > 0, "the real export has rows without a period or an amount");
        Assert.All(result.NotOnChain, n =>
        {
            var row = Assert.IsType<FileProvenance>(n.Provenance);
            Assert.True(row.Row >= 1, n.ToString());
            Assert.False(string.IsNullOrWhiteSpace(n.Reason), n.ToString());
        });

        // The seeder names the same records, with the same reasons (plus the commitments it could not write).
        Assert.Equal(
            fixture.Seeded.NotOnChain.Where(n => n.RecordType != "commitment").Select(n => $"{n.RecordType} {n.Provenance.Describe()}: {n.Reason}").Order(StringComparer.Ordinal),
            result.NotOnChain.Select(n => $"{n.RecordType} {n.Provenance.Describe()}: {n.Reason}").Order(StringComparer.Ordinal));
        Assert.Equal(books.Results.Count(r => r.PeriodStart is null || r.PeriodEnd is null), result.NotOnChain.Count(n => n.RecordType == "result" && n.Reason.Contains("no period", StringComparison.Ordinal)));

        // No validator is invented: the books' results without one read back without one.
        var unnamed = books.Results.Count(r => string.IsNullOrWhiteSpace(r.Validator) && !result.NotOnChain.Any(n => n.Provenance == r.Provenance));
        Assert.True(unnamed > 0, "the real export has results that name no validator");
        Assert.Equal(unnamed, fixture.Chain.Results.Count(r => r.Validator is null));
        Assert.DoesNotContain(fixture.Seeded.OrganisationAddresses.Keys, k => k.StartsWith("validator:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edits_of_the_books_after_an_exact_seed_come_out_as_exactly_those_differences_each_in_its_class_at_its_file_row()
    {
        var books = fixture.Books;
        var notOnChain = LedgerSeeder.NotOnChain(books).Select(n => n.Provenance).ToHashSet();
        var groups = books.Payments.Where(p => p.Type != PaymentType.Planned)
            .GroupBy(p => (p.ProjectId, p.MetricId, p.PeriodStart, p.PeriodEnd)).Where(g => g.Count() == 1).Select(g => g.Single())
            .Where(p => p.Type == PaymentType.Actual && !notOnChain.Contains(p.Provenance) && p.PayerId is not null)
            .OrderBy(p => ((FileProvenance)p.Provenance).Row).ToList();
        Assert.True(groups.Count >= 3, "three seeded payments with a payer, each alone in its project, metric and period");
        var (amountRow, payerRow, removedRow) = (Row(groups[0]), Row(groups[1]), Row(groups[^1]));
        var removed = groups[^1];

        // Hand edits of a copy of the books: an amount changed, a payer changed, a payment removed, a payment added.
        var dir = RepoPaths.NewTempDirectory();
        foreach (var file in Directory.GetFiles(RepoPaths.IndigoData, "*.csv"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        var path = Path.Combine(dir, PaymentsFile);
        var rows = ReadCsv(await File.ReadAllTextAsync(path, Ct));
        var header = rows[0];
        int Column(string name) => Array.FindIndex(header, h => h.StartsWith(name, StringComparison.Ordinal)) is var i and >= 0 ? i : throw new InvalidOperationException($"no column {name}");
        var (amount, payer, start, end) = (Column("Payments - Amount - "), Column("Payer Organisation ID"), Column("Period - Start"), Column("Period - End"));
        var bookAmount = decimal.Parse(rows[amountRow][amount], CultureInfo.InvariantCulture);
        rows[amountRow][amount] = (bookAmount + 1000m).ToString(CultureInfo.InvariantCulture);
        var oldPayer = groups[1].PayerId;
        var newPayer = books.Organisations.Select(o => o.Id).First(id => id != oldPayer && !oldPayer!.Contains(id, StringComparison.Ordinal)); // an organisation the books know
        rows[payerRow][payer] = newPayer;
        var added = (string[])rows[amountRow].Clone();
        (added[start], added[end], added[amount]) = ("2031-01", "2031-03", "12345");
        rows.RemoveAt(removedRow);
        rows.Add(added);
        var addedRow = rows.Count - 1;
        await File.WriteAllTextAsync(path, WriteCsv(rows), Ct);

        var edited = (await IndigoSource.LoadAsync(dir, cancellationToken: Ct)).Value;
        var result = Reconciler.Reconcile(edited, fixture.Chain, ReconciliationOptions.ForOutcomeLedger(edited));
        var differences = result.Entries.Where(e => e.Class != ReconciliationClass.Matched).ToList();
        var summary = string.Join("\n", differences.Select(e => $"{ReconciliationResult.NameOf(e.Class)} {e.OffChain?.Describe()} {e.Detail}"));
        Assert.True(differences.Count == 4, summary);

        var amountEntry = Assert.Single(differences, e => e.Class == ReconciliationClass.AmountMismatch);
        Assert.Equal(new FileProvenance(PaymentsFile, amountRow), amountEntry.OffChain);
        Assert.IsType<ChainProvenance>(amountEntry.OnChain);
        Assert.Equal(bookAmount + 1000m, Number(amountEntry.OffChainValue));
        Assert.Equal(bookAmount, Number(amountEntry.OnChainValue));

        var payerEntry = Assert.Single(differences, e => e.Class == ReconciliationClass.CounterpartyMismatch);
        Assert.Equal(new FileProvenance(PaymentsFile, payerRow), payerEntry.OffChain);
        Assert.Contains($"payer {newPayer},", payerEntry.Detail, StringComparison.Ordinal);
        Assert.Contains($"payer {oldPayer}", payerEntry.Detail, StringComparison.Ordinal);

        var removedEntry = Assert.Single(differences, e => e.Class == ReconciliationClass.OnlyOnChain);
        Assert.Null(removedEntry.OffChain);
        Assert.IsType<ChainProvenance>(removedEntry.OnChain);
        Assert.Equal((removed.ProjectId, removed.MetricId ?? string.Empty), (removedEntry.Project, removedEntry.Metric ?? string.Empty));
        Assert.Equal(decimal.Round(removed.Amount!.Value.Amount, 2), Number(removedEntry.OnChainValue));

        var addedEntry = Assert.Single(differences, e => e.Class == ReconciliationClass.OnlyOffChain);
        Assert.Equal(new FileProvenance(PaymentsFile, addedRow), addedEntry.OffChain);
        Assert.Null(addedEntry.OnChain);

        Assert.Equal(0, result.Counts[ReconciliationClass.PeriodMismatch]);
        Assert.Equal(fixture.Seeded.Attestations + fixture.Seeded.Payments - 3, result.Counts[ReconciliationClass.Matched]);

        // The DuckDB engine finds the same four differences, and every other entry, identically.
        var duck = await DuckDbReconciler.ReconcileAsync(edited, fixture.Chain, ReconciliationOptions.ForOutcomeLedger(edited), cancellationToken: Ct);
        Assert.Equal(result.Counts, duck.Counts);
        Assert.Equal(result.Entries, duck.Entries);
        Assert.Equal(result.NotOnChain, duck.NotOnChain);
    }

    [Fact]
    public async Task The_DuckDB_engine_reconciles_the_exact_seed_of_the_real_export_to_the_same_entries_and_rows_not_on_chain_as_the_in_memory_engine()
    {
        var books = fixture.Books;
        var memory = Reconciler.Reconcile(books, fixture.Chain, ReconciliationOptions.ForOutcomeLedger(books));
        var duck = await DuckDbReconciler.ReconcileAsync(books, fixture.Chain, ReconciliationOptions.ForOutcomeLedger(books), cancellationToken: Ct);

        Assert.Equal(0, duck.Differences);
        Assert.Equal(fixture.Seeded.Attestations + fixture.Seeded.Payments, duck.Counts[ReconciliationClass.Matched]);
        Assert.Equal(memory.Counts, duck.Counts);
        Assert.Equal(memory.Entries.Count, duck.Entries.Count);
        for (var i = 0; i < memory.Entries.Count; i++)
        {
            Assert.Equal(memory.Entries[i], duck.Entries[i]);
        }

        Assert.NotEmpty(duck.NotOnChain);
        Assert.Equal(memory.NotOnChain, duck.NotOnChain);
    }

    private static int Row(OutcomePayment p) => ((FileProvenance)p.Provenance).Row;

    /// <summary>The amount of a displayed value such as <c>1250.00 GBP</c>.</summary>
    private static decimal Number(string? display) => decimal.Parse(display!.Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks); index 0 is the header, so index N is data row N.</summary>
    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    private static string WriteCsv(List<string[]> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)).Append('\n');
        }

        return sb.ToString();
    }
}

using System.Globalization;
using System.Text;
using CollabInsights.Domain;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;

namespace CollabInsights.Governance;

/// <summary>
/// Who holds the pen: writer concentration over the ledger (who registers projects, commits funding, attests outcomes,
/// pays, anchors datasets) and over the books (who commits, validates results, pays), per project and overall, by
/// action and for all writes together (<see cref="ConcentrationMetrics"/>). A shared ledger written by one party is a
/// database that party runs, whatever its technology: the figures say how shared the pen is in fact.
/// </summary>
public static class WriterConcentration
{
    /// <summary>The scope name of all projects, or all actions, together.</summary>
    public const string All = "(all)";

    /// <summary>The writes recorded in the books: commitments (organisation), results (validator, when named) and actual payments (payer).</summary>
    public static IReadOnlyList<LedgerWrite> FromBooks(CollabDataset books, string source = "books")
    {
        ArgumentNullException.ThrowIfNull(books);
        var writes = new List<LedgerWrite>();
        writes.AddRange(books.Commitments.Where(c => !string.IsNullOrWhiteSpace(c.OrganisationId)).Select(c => new LedgerWrite(source, c.ProjectId, "commit", c.OrganisationId!)));
        writes.AddRange(books.Results.Where(r => !string.IsNullOrWhiteSpace(r.Validator)).Select(r => new LedgerWrite(source, r.ProjectId, "attest", r.Validator!)));
        writes.AddRange(books.Payments.Where(p => p.Type == PaymentType.Actual && !string.IsNullOrWhiteSpace(p.PayerId)).Select(p => new LedgerWrite(source, p.ProjectId, "pay", p.PayerId!)));
        return writes;
    }

    /// <summary>
    /// The writes on the ledger, read from an extraction folder of <c>collab chain extract --abi outcome-ledger</c>:
    /// ProjectRegistered (commissioner), FundingCommitted (funder), OutcomeAttested (validator), OutcomePaid (payer),
    /// DatasetAnchored (anchoredBy). Addresses are named by <paramref name="organisationsByAddress"/> where it knows them.
    /// </summary>
    public static async Task<IReadOnlyList<LedgerWrite>> FromLedgerAsync(string extractionDir, IReadOnlyDictionary<string, string>? organisationsByAddress = null, CancellationToken cancellationToken = default)
    {
        var output = ExtractionOutput.Open(extractionDir);
        var writes = new List<LedgerWrite>();
        foreach (var (table, action, column) in new[] { ("ProjectRegistered", "register", "commissioner"), ("FundingCommitted", "commit", "funder"), ("OutcomeAttested", "attest", "validator"), ("OutcomePaid", "pay", "payer"), ("DatasetAnchored", "anchor", "anchoredBy") })
        {
            var chunk = await output.ReadTableAsync(table, cancellationToken).ConfigureAwait(false);
            if (chunk is null)
            {
                continue;
            }

            var columns = chunk.Table.Columns.Select(c => c.Name).ToList();
            var project = columns.IndexOf("projectId");
            var writer = columns.IndexOf(column);
            if (project < 0 || writer < 0)
            {
                throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"The {table} table in {extractionDir} has no projectId or {column} column: extract the outcome ledger's events with its ABI (OutcomeLedgerContract.CombinedAbi).");
            }

            foreach (var row in chunk.Rows)
            {
                var address = Convert.ToString(row[writer], CultureInfo.InvariantCulture) ?? string.Empty;
                var name = organisationsByAddress is not null && (organisationsByAddress.TryGetValue(address, out var id) || organisationsByAddress.TryGetValue(address.ToLowerInvariant(), out id)) && id.Length > 0 ? id : address;
                writes.Add(new LedgerWrite("ledger", LedgerIds.ToText(Convert.ToString(row[project], CultureInfo.InvariantCulture) ?? string.Empty), action, name));
            }
        }

        return writes;
    }

    /// <summary>
    /// The ledger writes of an extraction of a ledger seeded from the books at <paramref name="booksPath"/>: addresses named
    /// by the organisation ids of the <c>onchain-seed.json</c> beside the books when there is one.
    /// </summary>
    public static async Task<IReadOnlyList<LedgerWrite>> FromSeededLedgerAsync(string extractionDir, string booksPath, CancellationToken cancellationToken = default)
    {
        Dictionary<string, string>? names = null;
        var seedFile = Path.Combine(booksPath, LedgerRecords.SeedFileName);
        if (File.Exists(seedFile))
        {
            using var seed = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(seedFile, cancellationToken).ConfigureAwait(false));
            if (seed.RootElement.TryGetProperty("organisations", out var map))
            {
                names = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in map.EnumerateObject())
                {
                    names[p.Value.GetString()!.ToLowerInvariant()] = p.Name;
                }
            }
        }

        return await FromLedgerAsync(extractionDir, names, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The concentration of every slice: per source, overall and per project, for all actions and per action; sorted by source, project (overall first), action (all first).</summary>
    public static IReadOnlyList<WriterConcentrationRow> Measure(IEnumerable<LedgerWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var list = writes.ToList();
        var rows = new List<WriterConcentrationRow>();
        foreach (var source in list.Select(w => w.Source).Distinct().Order(StringComparer.Ordinal))
        {
            var bySource = list.Where(w => w.Source == source).ToList();
            foreach (var project in new[] { All }.Concat(bySource.Select(w => w.Project).Distinct().Order(StringComparer.Ordinal)))
            {
                var byProject = project == All ? bySource : bySource.Where(w => w.Project == project).ToList();
                foreach (var action in new[] { All }.Concat(byProject.Select(w => w.Action).Distinct().Order(StringComparer.Ordinal)))
                {
                    var slice = action == All ? byProject : byProject.Where(w => w.Action == action).ToList();
                    rows.Add(new WriterConcentrationRow(source, project, action, ConcentrationMetrics.Measure(
                        slice.GroupBy(w => w.Writer, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())))));
                }
            }
        }

        return rows;
    }

    /// <summary>The rows as CSV (invariant culture; a cell with a comma, quote or line break is quoted).</summary>
    public static string ToCsv(IEnumerable<WriterConcentrationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new StringBuilder("source,project,action,writers,writes,nakamoto_coefficient,hhi,hhi_band,gini,top_writer,top_share\n");
        foreach (var r in rows)
        {
            var m = r.Metrics;
            builder.AppendLine(string.Join(",", new[]
            {
                r.Source, r.Project, r.Action, m.Writers.ToString(CultureInfo.InvariantCulture), m.Writes.ToString(CultureInfo.InvariantCulture),
                m.NakamotoCoefficient.ToString(CultureInfo.InvariantCulture), m.Hhi.ToString("0.##", CultureInfo.InvariantCulture), m.HhiBand,
                m.Gini.ToString("0.####", CultureInfo.InvariantCulture), m.TopWriter ?? string.Empty, m.TopShare.ToString("0.####", CultureInfo.InvariantCulture),
            }.Select(Quote)));
        }

        return builder.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>An offline HTML report: what the metrics mean (with the HHI thresholds' source), the overall rows, then every row.</summary>
    public static string ToHtml(IReadOnlyList<WriterConcentrationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static object Flat(WriterConcentrationRow r) => new
        {
            r.Source,
            r.Project,
            r.Action,
            r.Metrics.Writers,
            r.Metrics.Writes,
            Nakamoto = r.Metrics.NakamotoCoefficient,
            HHI = r.Metrics.Hhi,
            Band = r.Metrics.HhiBand,
            r.Metrics.Gini,
            Top = r.Metrics.TopWriter ?? string.Empty,
            TopShare = r.Metrics.TopShare,
        };
        var report = new Reporting.HtmlReport("Who holds the pen: writer concentration")
            .AddMarkdown("""
                Writes to the shared record per writer. **Nakamoto coefficient**: the fewest writers that together made more than half of the writes (1: one writer alone).
                **HHI** (Herfindahl-Hirschman index): the sum of squared percentage shares, 0-10,000; below 1,500 unconcentrated, 1,500-2,500 moderately and above 2,500 highly
                concentrated (US Department of Justice and Federal Trade Commission, *Horizontal Merger Guidelines*, 2010, section 5.3). **Gini**: inequality of the write counts, 0 equal, towards 1 one writer.
                """)
            .AddHeading("Overall")
            .AddTable(rows.Where(r => r.Project == All).Select(Flat), previewRows: 1000)
            .AddHeading("Per project")
            .AddTable(rows.Where(r => r.Project != All && r.Action == All).Select(Flat), previewRows: 1000)
            .AddHeading("Per project and action")
            .AddTable(rows.Where(r => r.Project != All && r.Action != All).Select(Flat), previewRows: 1000);
        return report.ToHtml();
    }

    // writers.csv is for people (spreadsheets): formula-leading cells are neutralised; writers.json keeps raw values.
    private static string Quote(string cell) => CsvText.Cell(cell);
}

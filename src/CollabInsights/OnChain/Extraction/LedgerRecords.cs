using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CollabInsights.Domain;
using CollabInsights.OnChain.Contracts;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Maps the outcome ledger's extracted event tables (<c>OutcomeAttested</c>, <c>OutcomePaid</c>, written by
/// <see cref="LogExtractor"/> with the ledger ABI) to domain records with on-chain provenance, so chain records
/// can be analysed and reconciled next to the books. Periods come back at day precision (the ledger stores
/// the first and last day as Unix seconds); payments carry their block time as <see cref="OutcomePayment.PaidAt"/>.
/// </summary>
public static class LedgerRecords
{
    /// <summary>The file <c>collab chain seed</c> (and the demo) writes beside the books: contract addresses, block range, organisation addresses.</summary>
    public const string SeedFileName = "onchain-seed.json";

    /// <summary>
    /// Reads an extraction of a ledger seeded from the books at <paramref name="booksPath"/>: currencies and metrics from
    /// <paramref name="books"/>, organisation ids from the <see cref="SeedFileName"/> beside the books when there is one
    /// (otherwise payers and recipients stay addresses).
    /// </summary>
    public static async Task<LedgerRecordSet> ReadSeededAsync(string extractionDirectory, string booksPath, CollabDataset books, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(books);
        Dictionary<string, string>? addresses = null;
        var seedFile = Path.Combine(booksPath, SeedFileName);
        if (File.Exists(seedFile))
        {
            using var seed = JsonDocument.Parse(await File.ReadAllTextAsync(seedFile, cancellationToken).ConfigureAwait(false));
            if (seed.RootElement.TryGetProperty("organisations", out var map))
            {
                addresses = map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            }
        }

        return await ReadAsync(extractionDirectory, LedgerRecordOptions.ForSeededChain(books, addresses), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="extractionDirectory"/> (the <c>--out</c> folder of an extraction) and maps its ledger events.</summary>
    public static async Task<LedgerRecordSet> ReadAsync(string extractionDirectory, LedgerRecordOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LedgerRecordOptions();
        var summaryPath = Path.Combine(extractionDirectory, "summary.json");
        if (!File.Exists(summaryPath))
        {
            throw new CollabInsightsException($"No extraction found in {extractionDirectory}: summary.json is missing. Run 'collab chain extract --out {extractionDirectory}' with the ledger's ABI first.");
        }

        long chainId;
        using (var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath, cancellationToken).ConfigureAwait(false)))
        {
            chainId = summary.RootElement.GetProperty("chain_id").GetInt64();
        }

        var output = ExtractionOutput.Open(extractionDirectory);
        var attested = await output.ReadTableAsync("OutcomeAttested", cancellationToken).ConfigureAwait(false);
        var paid = await output.ReadTableAsync("OutcomePaid", cancellationToken).ConfigureAwait(false);
        var scale = (decimal)BigInteger.Pow(10, options.TokenDecimals);

        var attestations = new List<OutcomeResult>();
        if (attested is not null)
        {
            var row = new RowReader(attested);
            foreach (var r in attested.Rows)
            {
                var project = LedgerIds.ToText(row.Text(r, "projectId"));
                attestations.Add(new OutcomeResult(
                    project,
                    LedgerIds.ToText(row.Text(r, "metricId")),
                    "Attested",
                    Period(options, row.Text(r, "periodStart"), row.Text(r, "periodEnd")).Start,
                    Period(options, row.Text(r, "periodStart"), row.Text(r, "periodEnd")).End,
                    decimal.Parse(row.Text(r, "count"), CultureInfo.InvariantCulture),
                    null,
                    Organisation(options, row.Text(r, "validator")),
                    row.Text(r, "evidenceHash"),
                    row.Provenance(r, chainId)));
            }
        }

        var payments = new List<OutcomePayment>();
        if (paid is not null)
        {
            var row = new RowReader(paid);
            foreach (var r in paid.Rows)
            {
                var project = LedgerIds.ToText(row.Text(r, "projectId"));
                var currency = options.ProjectCurrencies?.GetValueOrDefault(project) ?? options.DefaultCurrency;
                var provenance = row.Provenance(r, chainId);
                payments.Add(new OutcomePayment(
                    project,
                    LedgerIds.ToText(row.Text(r, "metricId")),
                    Period(options, row.Text(r, "periodStart"), row.Text(r, "periodEnd")).Start,
                    Period(options, row.Text(r, "periodStart"), row.Text(r, "periodEnd")).End,
                    Organisation(options, row.Text(r, "payer")),
                    Organisation(options, row.Text(r, "recipient")),
                    PaymentType.Actual,
                    new Money(decimal.Parse(row.Text(r, "amount"), CultureInfo.InvariantCulture) / scale, currency),
                    null,
                    provenance.Timestamp,
                    provenance));
            }
        }

        return new LedgerRecordSet(attestations, payments);
    }

    private static (PartialDate Start, PartialDate End) Period(LedgerRecordOptions options, string startSeconds, string endSeconds)
    {
        var start = Day(startSeconds);
        var end = Day(endSeconds);
        if (options.RestoreMonthPrecision && start.Day == 1 && end.LastDay == new DateOnly(end.Year, end.Month!.Value, DateTime.DaysInMonth(end.Year, end.Month!.Value)) && end.Day == DateTime.DaysInMonth(end.Year, end.Month!.Value))
        {
            return (PartialDate.OfMonth(start.Year, start.Month!.Value), PartialDate.OfMonth(end.Year, end.Month!.Value));
        }

        return (start, end);
    }

    private static PartialDate Day(string unixSeconds) =>
        PartialDate.FromDate(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(unixSeconds, CultureInfo.InvariantCulture)).UtcDateTime));

    private static string? Organisation(LedgerRecordOptions options, string address) =>
        options.OrganisationsByAddress is { } map && (map.TryGetValue(address, out var id) || map.TryGetValue(address.ToLowerInvariant(), out id))
            ? (id.Length == 0 ? null : id)
            : address;

    private sealed class RowReader(TableChunk chunk)
    {
        private readonly Dictionary<string, int> _index = chunk.Table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

        public string Text(object?[] row, string column) =>
            Convert.ToString(row[_index.TryGetValue(column, out var i) ? i : throw new CollabInsightsException($"The {chunk.Table.Name} table has no '{column}' column: was it extracted with the outcome ledger's ABI?")], CultureInfo.InvariantCulture)
            ?? throw new CollabInsightsException($"The {chunk.Table.Name} table has an empty '{column}' value.");

        public ChainProvenance Provenance(object?[] row, long chainId)
        {
            var timestamp = _index.TryGetValue("block_timestamp", out var t) && row[t] is { } value
                ? DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(value, CultureInfo.InvariantCulture))
                : (DateTimeOffset?)null;
            return new ChainProvenance(
                chainId,
                Convert.ToInt64(row[_index["block_number"]], CultureInfo.InvariantCulture),
                Text(row, "block_hash"),
                Text(row, "tx_hash"),
                Convert.ToInt32(row[_index["log_index"]], CultureInfo.InvariantCulture),
                timestamp);
        }
    }
}

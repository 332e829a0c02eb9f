using System.Globalization;
using CollabInsights.Domain;
using DuckDB.NET.Data;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>
/// The match-row layout the SQL engine reads (a table or Parquet files per side): the keys as the in-memory engine compares them
/// (project, metric, payer, recipient and currency trimmed and upper-cased, <c>''</c> for none; periods as yyyymmdd of their first and
/// last day, 0 for none; the amount in minor units after rounding and token mapping, a result's count x 100), the texts an entry shows,
/// and the provenance (a file row, or a chain event with its block time in Unix seconds).
/// </summary>
internal static class MatchRows
{
    /// <summary>Column names and DuckDB types, in order.</summary>
    public static readonly (string Name, string Type)[] Columns =
    [
        ("idx", "BIGINT"), ("record_type", "VARCHAR"), ("project", "VARCHAR"), ("metric", "VARCHAR"), ("k_project", "VARCHAR"), ("k_metric", "VARCHAR"),
        ("p_start", "INTEGER"), ("p_end", "INTEGER"), ("k_payer", "VARCHAR"), ("k_recipient", "VARCHAR"), ("amount", "BIGINT"), ("currency", "VARCHAR"),
        ("value_text", "VARCHAR"), ("period_text", "VARCHAR"), ("parties_text", "VARCHAR"),
        ("file", "VARCHAR"), ("file_row", "INTEGER"), ("chain_id", "BIGINT"), ("block_number", "BIGINT"), ("block_hash", "VARCHAR"), ("tx_hash", "VARCHAR"), ("log_index", "INTEGER"), ("block_time", "BIGINT"),
    ];

    /// <summary>The columns an entry needs back (all but the keys).</summary>
    public static readonly string[] EntryColumns =
        ["record_type", "project", "metric", "value_text", "period_text", "parties_text", "file", "file_row", "chain_id", "block_number", "block_hash", "tx_hash", "log_index", "block_time"];

    /// <summary>A key as compared: trimmed, upper-cased (invariant), <c>''</c> for none; the in-memory engine's interner compares ordinal ignoring case.</summary>
    public static string Key(string? s) => s is null ? string.Empty : s.Trim().ToUpperInvariant();

    /// <summary><c>CREATE TABLE name (...)</c> in this layout.</summary>
    public static string CreateTable(string name) => $"CREATE TABLE {name} ({string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"))})";

    /// <summary>Appends <paramref name="records"/> to <paramref name="table"/>, numbered from 0 in list order (the in-memory engine's source order).</summary>
    public static void Append(DuckDBConnection connection, string table, IReadOnlyList<MatchRecord> records, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender(table);
        for (var i = 0; i < records.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var r = records[i];
            var (payer, recipient) = r.Source switch
            {
                OutcomePayment p => (Key(p.PayerId), Key(p.RecipientId)),
                OutcomeResult res => (string.Empty, Key(res.Validator)),
                _ => (string.Empty, string.Empty),
            };
            var row = appender.CreateRow()
                .AppendValue((long)i)
                .AppendValue(r.RecordType)
                .AppendValue(r.Project)
                .AppendValue(r.Metric)
                .AppendValue(Key(r.Project))
                .AppendValue(Key(r.Metric))
                .AppendValue(r.PeriodStart)
                .AppendValue(r.PeriodEnd)
                .AppendValue(payer)
                .AppendValue(recipient)
                .AppendValue(r.Amount)
                .AppendValue(r.RecordType == "result" ? string.Empty : Key(r.CurrencyCode))
                .AppendValue(r.Display)
                .AppendValue(r.Period)
                .AppendValue(r.Parties);
            switch (r.Provenance)
            {
                case FileProvenance f:
                    row = row.AppendValue(f.File).AppendValue((int?)f.Row).AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
                    break;
                case ChainProvenance c:
                    row = row.AppendNullValue().AppendNullValue().AppendValue((long?)c.ChainId).AppendValue((long?)c.BlockNumber).AppendValue(c.BlockHash).AppendValue(c.TxHash)
                        .AppendValue((int?)c.LogIndex).AppendValue(c.Timestamp?.ToUnixTimeSeconds());
                    break;
                default:
                    throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"The DuckDB reconciliation engine stores file rows and chain events; a record of {r.Project} has provenance '{r.Provenance.Describe()}' of another kind. Use the in-memory engine for it.");
            }

            row.EndRow();
        }
    }

    /// <summary>One side of an entry read back from the columns <c>{prefix}_...</c> of <see cref="EntryColumns"/>; null when that side is absent.</summary>
    public static EntrySide? ReadSide(System.Data.Common.DbDataReader reader, string prefix, IReadOnlyDictionary<string, int> ordinals)
    {
        int O(string c) => ordinals[prefix + "_" + c];
        if (reader.IsDBNull(O("record_type")))
        {
            return null;
        }

        string? Text(string c) => reader.IsDBNull(O(c)) ? null : reader.GetString(O(c));
        long Long(string c) => Convert.ToInt64(reader.GetValue(O(c)), CultureInfo.InvariantCulture);
        Provenance provenance = !reader.IsDBNull(O("file"))
            ? new FileProvenance(reader.GetString(O("file")), (int)Long("file_row"))
            : new ChainProvenance(Long("chain_id"), Long("block_number"), Text("block_hash")!, Text("tx_hash")!, (int)Long("log_index"),
                reader.IsDBNull(O("block_time")) ? null : DateTimeOffset.FromUnixTimeSeconds(Long("block_time")));
        return new EntrySide(reader.GetString(O("record_type")), reader.GetString(O("project")), Text("metric"), provenance, Text("value_text")!, Text("period_text")!, Text("parties_text")!);
    }
}

using System.Data.Common;
using System.Globalization;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>The workload's columns as the SQL backends store them, and how to read and tamper with them.</summary>
internal static class RecordColumns
{
    public const string List = "id, project_id, funder_id, metric_id, period_start, period_end, outcome_count, amount_minor, currency, evidence_hash";

    public const string Params = "@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9";

    public static readonly string[] DataColumns = ["id", "project_id", "funder_id", "metric_id", "period_start", "period_end", "outcome_count", "amount_minor", "currency", "evidence_hash"];

    public static string Ddl(SqlStore s) =>
        $"id {s.Text} NOT NULL UNIQUE, project_id {s.Text} NOT NULL, funder_id {s.Text} NOT NULL, metric_id {s.Text} NOT NULL, " +
        $"period_start {s.Date} NOT NULL, period_end {s.Date} NOT NULL, outcome_count integer NOT NULL, amount_minor bigint NOT NULL, " +
        $"currency {s.Text} NOT NULL, evidence_hash {s.Text} NOT NULL";

    public static object?[] Values(BenchOutcomeRecord r, params object?[] extra) =>
        [r.Id, r.ProjectId, r.FunderId, r.MetricId, r.PeriodStart, r.PeriodEnd, r.Count, r.AmountMinor, r.Currency, r.EvidenceHash, .. extra];

    /// <summary>Reads the ten data columns starting at ordinal <paramref name="offset"/>.</summary>
    public static BenchOutcomeRecord Read(DbDataReader reader, int offset = 0) => new(
        reader.GetString(offset),
        reader.GetString(offset + 1),
        reader.GetString(offset + 2),
        reader.GetString(offset + 3),
        ReadDate(reader.GetValue(offset + 4)),
        ReadDate(reader.GetValue(offset + 5)),
        Convert.ToInt32(reader.GetValue(offset + 6), CultureInfo.InvariantCulture),
        Convert.ToInt64(reader.GetValue(offset + 7), CultureInfo.InvariantCulture) / 100m,
        reader.GetString(offset + 8),
        reader.GetString(offset + 9));

    /// <summary>An UPDATE that changes <paramref name="column"/> of the row with id <c>@id</c> to a different value of the same type.</summary>
    public static string TamperSql(SqlStore s, string table, string column)
    {
        var change = column switch
        {
            "period_start" or "period_end" => s.Kind == SqlKind.Sqlite ? $"date({column}, '+1 day')" : $"{column} + 1",
            "outcome_count" or "amount_minor" => $"{column} + 1",
            "content_hash" or "prev_hash" or "row_hash" => s.Kind == SqlKind.Sqlite ? $"CASE WHEN {column} = zeroblob(32) THEN randomblob(32) ELSE zeroblob(32) END" : $"CASE WHEN {column} = decode(repeat('00', 32), 'hex') THEN decode(repeat('11', 32), 'hex') ELSE decode(repeat('00', 32), 'hex') END",
            _ when DataColumns.Contains(column) => $"{column} || 'x'",
            _ => throw new CollabInsightsException($"Cannot tamper with column '{column}': it is not one of {string.Join(", ", DataColumns)} (or a hash column of the hash-chained table)."),
        };
        return $"UPDATE {table} SET {column} = {change} WHERE id = @id";
    }

    private static DateOnly ReadDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected date value {value}"),
    };
}

using System.Globalization;
using CollabInsights.Benchmarks.Internal;

namespace CollabInsights.Benchmarks;

/// <summary>
/// A plain database table of outcome records (primary key on id, index on period start): the
/// conventional baseline. It keeps no integrity evidence, so it cannot prove a record or notice
/// a row changed behind its back; the benchmark reports that as "not detected".
/// </summary>
public abstract class SqlTableBackend : ILedgerBackend
{
    private const string Table = "outcome_records";
    private readonly SqlStore _store;

    private protected SqlTableBackend(SqlStore store, string name)
    {
        _store = store;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsTamperEvident => false;

    /// <inheritdoc />
    public IReadOnlyList<string> TamperColumns => RecordColumns.DataColumns;

    /// <inheritdoc />
    public Task ResetAsync(CancellationToken cancellationToken) => _store.ResetAsync(
        $"CREATE TABLE {Table} ({RecordColumns.Ddl(_store)}); CREATE INDEX outcome_records_period ON {Table} (period_start);",
        cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(BenchOutcomeRecord record, CancellationToken cancellationToken) =>
        _store.UseAsync(false, s => s.ExecuteAsync(InsertSql, RecordColumns.Values(record)), cancellationToken);

    /// <inheritdoc />
    public Task WriteBatchAsync(IReadOnlyList<BenchOutcomeRecord> records, CancellationToken cancellationToken) =>
        _store.UseAsync(true, async s =>
        {
            foreach (var record in records)
            {
                await s.ExecuteAsync(InsertSql, RecordColumns.Values(record)).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<BenchOutcomeRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await _store.UseAsync(false, s => s.QueryAsync($"SELECT {RecordColumns.List} FROM {Table} WHERE id = @p0", r => RecordColumns.Read(r), id), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchOutcomeRecord>> QueryPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await _store.UseAsync(false, s => s.QueryAsync($"SELECT {RecordColumns.List} FROM {Table} WHERE period_start >= @p0 AND period_end <= @p1 ORDER BY id", r => RecordColumns.Read(r), from, to), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, decimal>> PaidPerFunderAsync(CancellationToken cancellationToken)
    {
        var rows = await _store.UseAsync(false, s => s.QueryAsync(
            $"SELECT funder_id, SUM(amount_minor) FROM {Table} GROUP BY funder_id ORDER BY funder_id",
            r => (Funder: r.GetString(0), Minor: Convert.ToDecimal(r.GetValue(1), CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
        return new SortedDictionary<string, decimal>(rows.ToDictionary(r => r.Funder, r => r.Minor / 100m), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<AuditProof> ProveAsync(string id, CancellationToken cancellationToken) =>
        AuditProof.NoneFor(id, await GetAsync(id, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public Task<bool> VerifyAsync(AuditProof proof, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc />
    public async Task TamperAsync(string id, string column, CancellationToken cancellationToken)
    {
        var changed = await _store.RawAsync(RecordColumns.TamperSql(_store, Table, column), id, cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new CollabInsightsException($"Tampering with record '{id}' changed {changed} rows in {Name}; write the record first.");
        }
    }

    /// <inheritdoc />
    public async Task<TamperCheck> DetectTamperingAsync(CancellationToken cancellationToken)
    {
        var count = await _store.UseAsync(false, s => s.ScalarAsync($"SELECT COUNT(*) FROM {Table}"), cancellationToken).ConfigureAwait(false);
        return new TamperCheck(false, Convert.ToInt64(count, CultureInfo.InvariantCulture), null,
            "A plain table keeps no integrity evidence (no hashes, no signatures): a row changed with raw SQL looks like any legitimate row, so the change cannot be detected.");
    }

    /// <inheritdoc />
    public async Task<double> BytesPerRecordAsync(long recordCount, CancellationToken cancellationToken) =>
        recordCount == 0 ? 0 : (double)await _store.BytesUsedAsync([Table], cancellationToken).ConfigureAwait(false) / recordCount;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync(_store).ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Backend-specific clean-up before the connections close (drop a PostgreSQL schema).</summary>
    private protected virtual Task DisposeCoreAsync(SqlStore store) => Task.CompletedTask;

    private static string InsertSql => $"INSERT INTO {Table} ({RecordColumns.List}) VALUES ({RecordColumns.Params})";
}

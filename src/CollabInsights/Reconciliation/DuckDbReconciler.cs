using System.Diagnostics;
using System.Globalization;
using CollabInsights.Domain;
using CollabInsights.Reconciliation.Internal;
using DuckDB.NET.Data;

namespace CollabInsights.Reconciliation;

/// <summary>
/// The out-of-core reconciliation: the same four passes as <see cref="Reconciler"/> (same six classes, rounding, token mapping,
/// duplicates paired in source order, counterparties the books do not hold never compared) run as SQL in DuckDB, which spills to
/// <see cref="ReconciliationEngineOptions.TempDirectory"/> beyond <see cref="ReconciliationEngineOptions.MemoryLimitBytes"/>.
/// The two engines return identical results, entry for entry and provenance included (block times to the second). The SQL is
/// <see cref="Script"/>; it reads two tables of match rows (one row per payment or result: keys, texts, provenance).
/// </summary>
public static class DuckDbReconciler
{
    /// <summary>The reconciliation SQL over the views <c>off_rows</c> (the books) and <c>on_rows</c> (the chain), as run: one statement per line, then the counts query.</summary>
    public static string Script =>
        string.Join(";\n", ReconciliationSql.Statements().Select(s => $"-- {s.Name}\n{s.Sql}")) + ";\n-- counts per class (0 matched .. 5 only_off_chain)\n" + ReconciliationSql.Counts() + ";\n";

    /// <summary>The match-row columns and their SQL types, in order: the layout of <c>off_rows</c> and <c>on_rows</c>.</summary>
    public static IReadOnlyList<(string Name, string Type)> MatchRowColumns => MatchRows.Columns;

    /// <summary>Reconciles two datasets in DuckDB; the result is identical to <see cref="Reconciler.Reconcile"/>'s. The records are built in memory, then handed to DuckDB.</summary>
    public static async Task<ReconciliationResult> ReconcileAsync(
        CollabDataset offChain,
        CollabDataset onChain,
        ReconciliationOptions? options = null,
        ReconciliationEngineOptions? engine = null,
        bool keepMatchedEntries = true,
        IProgress<ReconciliationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offChain);
        ArgumentNullException.ThrowIfNull(onChain);
        var o = options ?? new ReconciliationOptions();
        var e = engine ?? new ReconciliationEngineOptions();
        RequireExactAmounts(o);
        var clock = Stopwatch.StartNew();
        var interner = new Interner();
        var off = new List<MatchRecord>();
        var on = new List<MatchRecord>();
        var notOnChain = new List<NotOnChainRecord>();
        MatchRecords.Add(off, offChain, o, interner, notOnChain);
        MatchRecords.Add(on, onChain, o, interner);
        var estimate = ReconciliationEstimate.For(off.Count, on.Count, ReconciliationEngine.DuckDb, e.MemoryLimitBytes ?? ReconciliationEngineOptions.DefaultMemoryLimitBytes);
        var steps = ReconciliationSql.Statements().Count + 2;
        progress?.Report(new ReconciliationProgress(0, steps, "estimate", estimate, clock.Elapsed));
        using var session = await DuckDbSession.OpenAsync(e, cancellationToken).ConfigureAwait(false);
        var connection = session.Connection;
        DuckDbSession.Execute(connection, MatchRows.CreateTable("off_rows"));
        DuckDbSession.Execute(connection, MatchRows.CreateTable("on_rows"));
        MatchRows.Append(connection, "off_rows", off, cancellationToken);
        MatchRows.Append(connection, "on_rows", on, cancellationToken);
        off.Clear();
        on.Clear();
        progress?.Report(new ReconciliationProgress(1, steps, "load", estimate, clock.Elapsed));
        return Run(connection, notOnChain, keepMatchedEntries, estimate, steps, progress, clock, cancellationToken);
    }

    /// <summary>
    /// Reconciles match rows stored as Parquet (<paramref name="offChainRows"/> and <paramref name="onChainRows"/>: a file, a folder's
    /// <c>*.parquet</c> or any glob DuckDB's <c>read_parquet</c> takes, hive partitions allowed) without loading them into .NET: only the
    /// entries of the result (differences, and matched ones when <paramref name="keepMatchedEntries"/>) come back as objects.
    /// </summary>
    public static Task<ReconciliationResult> ReconcileParquetAsync(
        string offChainRows,
        string onChainRows,
        IReadOnlyList<NotOnChainRecord>? notOnChain = null,
        ReconciliationEngineOptions? engine = null,
        bool keepMatchedEntries = false,
        IProgress<ReconciliationProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ReconcileViewsAsync(ParquetSource(offChainRows), ParquetSource(onChainRows), notOnChain, engine, keepMatchedEntries, progress, cancellationToken);

    /// <summary>
    /// Reconciles two SQL sources of match rows (any DuckDB table expression in the layout of <see cref="MatchRowColumns"/>, e.g. a
    /// <c>read_parquet(...)</c> call or a <c>SELECT</c> in parentheses over extracted event tables).
    /// </summary>
    internal static async Task<ReconciliationResult> ReconcileViewsAsync(
        string offChainSource,
        string onChainSource,
        IReadOnlyList<NotOnChainRecord>? notOnChain,
        ReconciliationEngineOptions? engine,
        bool keepMatchedEntries,
        IProgress<ReconciliationProgress>? progress,
        CancellationToken cancellationToken,
        Action<DuckDBConnection>? prepare = null)
    {
        var e = engine ?? new ReconciliationEngineOptions();
        var clock = Stopwatch.StartNew();
        using var session = await DuckDbSession.OpenAsync(e, cancellationToken).ConfigureAwait(false);
        var connection = session.Connection;
        prepare?.Invoke(connection);
        DuckDbSession.Execute(connection, $"CREATE VIEW off_rows AS SELECT * FROM {offChainSource}");
        DuckDbSession.Execute(connection, $"CREATE VIEW on_rows AS SELECT * FROM {onChainSource}");
        var estimate = ReconciliationEstimate.For(
            DuckDbSession.Scalar(connection, "SELECT COUNT(*) FROM off_rows"), DuckDbSession.Scalar(connection, "SELECT COUNT(*) FROM on_rows"),
            ReconciliationEngine.DuckDb, e.MemoryLimitBytes ?? ReconciliationEngineOptions.DefaultMemoryLimitBytes);
        var steps = ReconciliationSql.Statements().Count + 2;
        progress?.Report(new ReconciliationProgress(0, steps, "estimate", estimate, clock.Elapsed));
        progress?.Report(new ReconciliationProgress(1, steps, "load", estimate, clock.Elapsed));
        return Run(connection, notOnChain ?? [], keepMatchedEntries, estimate, steps, progress, clock, cancellationToken);
    }

    /// <summary>A <c>read_parquet</c> table expression for a file, a folder (all <c>*.parquet</c> below it, hive partitions read) or a glob.</summary>
    internal static string ParquetSource(string path)
    {
        var glob = Directory.Exists(path) ? Path.Combine(Path.GetFullPath(path), "**", "*.parquet") : path;
        return $"read_parquet({DuckDbSession.Literal(glob)}, hive_partitioning = true, union_by_name = true)";
    }

    internal static void RequireExactAmounts(ReconciliationOptions o)
    {
        if (o.AmountToleranceMinorUnits != 0)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, string.Create(CultureInfo.InvariantCulture,
                $"The DuckDB reconciliation engine compares amounts exactly; ReconciliationOptions.AmountToleranceMinorUnits is {o.AmountToleranceMinorUnits}. Set it to 0, or use the in-memory engine (ReconciliationEngine.Memory) for a tolerance."), nameof(ReconciliationOptions.AmountToleranceMinorUnits));
        }
    }

    private static ReconciliationResult Run(
        DuckDBConnection connection, IReadOnlyList<NotOnChainRecord> notOnChain, bool keepMatchedEntries, ReconciliationEstimate estimate, int steps,
        IProgress<ReconciliationProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var step = 1;
        foreach (var (name, sql) in ReconciliationSql.Statements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            DuckDbSession.Execute(connection, sql);
            progress?.Report(new ReconciliationProgress(++step, steps, name, estimate, clock.Elapsed));
        }

        var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(c => c, _ => 0L);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ReconciliationSql.Counts();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[(ReconciliationClass)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var entries = new List<ReconciliationEntry>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ReconciliationSql.Entries(keepMatchedEntries, MatchRows.EntryColumns);
            using var reader = command.ExecuteReader();
            var ordinals = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);
            while (reader.Read())
            {
                if ((entries.Count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var cls = (ReconciliationClass)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                entries.Add(EntrySide.Entry(cls, MatchRows.ReadSide(reader, "a", ordinals), MatchRows.ReadSide(reader, "b", ordinals)));
            }
        }

        progress?.Report(new ReconciliationProgress(steps, steps, "entries", estimate, clock.Elapsed));
        return new ReconciliationResult(EntrySide.Sort(entries), counts) { NotOnChain = EntrySide.Sort(notOnChain) };
    }
}

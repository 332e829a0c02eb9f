using CollabInsights.OnChain.Extraction.Internal;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Reads an extraction output folder: every committed chunk (up to the checkpoint), each table merged
/// across chunks in (block, log index) order; <see cref="CompactAsync"/> writes the merged tables as one
/// file per table (or one SQLite database).
/// </summary>
public sealed class ExtractionOutput
{
    private readonly ChunkStore _store;
    private readonly IReadOnlyList<ChunkInfo> _chunks;
    private readonly ITableFormat _format;

    private ExtractionOutput(ChunkStore store, IReadOnlyList<ChunkInfo> chunks, ITableFormat format, long lastCompletedBlock)
    {
        _store = store;
        _chunks = chunks;
        _format = format;
        LastCompletedBlock = lastCompletedBlock;
    }

    /// <summary>The last block every table is complete up to.</summary>
    public long LastCompletedBlock { get; }

    /// <summary>The names of all tables present in any chunk, sorted.</summary>
    public IReadOnlyList<string> TableNames =>
        [.. _chunks.SelectMany(c => ChunkStore.ReadSchema(c.Path).Tables).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Whether <paramref name="directory"/> is the output folder of an extraction (it holds summary.json, checkpoint.json or
    /// tables/), as opposed to records in the INDIGO CSV layout: commands that take either use this to choose the reader.
    /// </summary>
    public static bool IsExtractionFolder(string directory) =>
        Directory.Exists(directory)
        && (File.Exists(Path.Combine(directory, "summary.json")) || File.Exists(Path.Combine(directory, "checkpoint.json")) || Directory.Exists(Path.Combine(directory, "tables")));

    /// <summary>Opens the output of an extraction run; chunks written after the checkpoint (a crashed run) are ignored.</summary>
    public static ExtractionOutput Open(string outputDirectory)
    {
        if (!File.Exists(Path.Combine(outputDirectory, "checkpoint.json")))
        {
            throw new CollabInsightsException($"{outputDirectory} holds no extraction (no checkpoint.json). Run 'collab chain extract --out {outputDirectory}' first.");
        }

        var store = new ChunkStore(outputDirectory);
        var checkpoint = store.LoadCheckpoint()!;
        var chunks = store.ListChunks().Where(c => c.ToBlock <= checkpoint.LastCompletedBlock).ToList();
        return new ExtractionOutput(store, chunks, TableFormats.Parse(checkpoint.Format), checkpoint.LastCompletedBlock);
    }

    /// <summary>All rows of <paramref name="tableName"/> in (block, log index) order; typed as in <see cref="TableChunk"/>. Empty when no chunk has the table.</summary>
    public async Task<TableChunk?> ReadTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        EventTable? table = null;
        var rows = new List<object?[]>();
        foreach (var chunk in _chunks)
        {
            var schema = ChunkStore.ReadSchema(chunk.Path).Tables.FirstOrDefault(t => t.Name == tableName);
            if (schema is null)
            {
                continue;
            }

            var eventTable = schema.ToEventTable();
            table ??= eventTable;
            rows.AddRange(await _format.ReadAsync(chunk.Path, eventTable, cancellationToken).ConfigureAwait(false));
        }

        return table is null ? null : new TableChunk(table, rows);
    }

    /// <summary>
    /// Writes every table, merged, into <paramref name="destination"/> (default <c>OUT/tables</c>) in
    /// <paramref name="format"/> (default: the extraction's format), replacing what was there. Returns the folder.
    /// </summary>
    public async Task<string> CompactAsync(string? destination = null, ITableFormat? format = null, CancellationToken cancellationToken = default)
    {
        destination = Path.GetFullPath(destination ?? Path.Combine(_store.OutputDirectory, "tables"));
        var temp = destination + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(temp);
        if (format is null || format.Name == _format.Name)
        {
            // Same format: each table is merged from its chunk files by the format itself (CSV lines and Parquet columns are
            // copied, not parsed into rows and written again).
            foreach (var name in TableNames)
            {
                var parts = _chunks.Select(c => (c.Path, Table: ChunkStore.ReadSchema(c.Path).Tables.FirstOrDefault(t => t.Name == name))).Where(p => p.Table is not null).ToList();
                await _format.MergeAsync([.. parts.Select(p => p.Path)], parts[0].Table!.ToEventTable(), temp, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var tables = new List<TableChunk>();
            foreach (var name in TableNames)
            {
                tables.Add((await ReadTableAsync(name, cancellationToken).ConfigureAwait(false))!);
            }

            await format.WriteAsync(temp, tables, cancellationToken).ConfigureAwait(false);
        }
        AtomicFile.FlushDirectory(temp);
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        Directory.Move(temp, destination);
        return destination;
    }
}

namespace CollabInsights.OnChain.Extraction;

/// <summary>A storage format for extracted tables (see <see cref="TableFormats"/>): writes a set of tables into a folder and reads one back.</summary>
public interface ITableFormat
{
    /// <summary>The format's name on the command line: <c>parquet</c>, <c>csv</c> or <c>sqlite</c>.</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="tables"/> into the (existing, empty) <paramref name="directory"/>.</summary>
    Task WriteAsync(string directory, IReadOnlyList<TableChunk> tables, CancellationToken cancellationToken);

    /// <summary>Reads back the rows of <paramref name="table"/> written into <paramref name="directory"/>, typed as in <see cref="TableChunk"/>.</summary>
    Task<IReadOnlyList<object?[]>> ReadAsync(string directory, EventTable table, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="table"/> into <paramref name="directory"/> from its parts in <paramref name="sources"/> (folders this
    /// format wrote, in order), as one table. The default reads every row back and writes them again; a format that can copy its
    /// own encoding (CSV lines, Parquet columns) overrides it.
    /// </summary>
    async Task MergeAsync(IReadOnlyList<string> sources, EventTable table, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var rows = new List<object?[]>();
        foreach (var source in sources)
        {
            rows.AddRange(await ReadAsync(source, table, cancellationToken).ConfigureAwait(false));
        }

        await WriteAsync(directory, [new TableChunk(table, rows)], cancellationToken).ConfigureAwait(false);
    }
}

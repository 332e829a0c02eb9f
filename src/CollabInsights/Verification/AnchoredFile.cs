namespace CollabInsights.Verification;

/// <summary>
/// One CSV file of an anchored dataset, as the manifest lists it: its path relative to the anchored folder (with
/// <c>/</c>), its columns, which of them were pseudonymised, its record count, and the index of its first leaf. Each record has <c>1 + Columns.Count</c> consecutive leaves: the
/// whole-record leaf, then one leaf per column in column order, so record <c>n</c>'s leaves start at
/// <c>FirstLeaf + (n - 1) * (1 + Columns.Count)</c>.
/// </summary>
public sealed record AnchoredFile(string Path, IReadOnlyList<string> Columns, IReadOnlyList<string> IdentifierColumns, int Records, long FirstLeaf)
{
    /// <summary>Leaves per record: the whole-record leaf and one per column.</summary>
    public int LeavesPerRecord => 1 + Columns.Count;

    /// <summary>The value index of the leaf of <paramref name="field"/> (<see cref="DatasetLeaf.WholeRecord"/> for the whole record) of record <paramref name="row"/> (1-based).</summary>
    public long LeafIndex(int row, string field)
    {
        if (row < 1 || row > Records)
        {
            throw new CollabInsightsException($"{Path} has records 1 to {Records} in the anchored dataset; row {row} is not one of them (rows count from 1 after the header).");
        }

        var offset = 0;
        if (field != DatasetLeaf.WholeRecord)
        {
            var column = Columns.ToList().IndexOf(field);
            if (column < 0)
            {
                throw new CollabInsightsException($"{Path} has no column '{field}'. Its columns are: {string.Join(", ", Columns)}.");
            }

            offset = 1 + column;
        }

        return FirstLeaf + ((long)(row - 1) * LeavesPerRecord) + offset;
    }
}

using System.Globalization;
using Microsoft.Data.Analysis;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Rows of one table for one chunk (or a whole compacted table), in (block, log index) order.
/// Each row lines up with <see cref="EventTable.Columns"/>: longs for <see cref="ColumnKind.Int64"/>,
/// bools for <see cref="ColumnKind.Bool"/>, strings otherwise, null where empty.
/// </summary>
public sealed record TableChunk(EventTable Table, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// The rows as a DataFrame for notebooks: <see cref="ColumnKind.Int64"/> columns as <c>long</c>,
    /// <see cref="ColumnKind.Bool"/> as <c>bool</c>, everything else as exact text (256-bit integers stay
    /// decimal strings, never doubles).
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        var all = Table.Columns;
        for (var c = 0; c < all.Count; c++)
        {
            var column = all[c];
            switch (column.Kind)
            {
                case ColumnKind.Int64:
                    columns.Add(new Int64DataFrameColumn(column.Name, Rows.Select(r => r[c] is null ? (long?)null : Convert.ToInt64(r[c], CultureInfo.InvariantCulture))));
                    break;
                case ColumnKind.Bool:
                    columns.Add(new BooleanDataFrameColumn(column.Name, Rows.Select(r => r[c] is null ? (bool?)null : Convert.ToBoolean(r[c], CultureInfo.InvariantCulture))));
                    break;
                default:
                    columns.Add(new StringDataFrameColumn(column.Name, Rows.Select(r => r[c] is null ? null : Convert.ToString(r[c], CultureInfo.InvariantCulture))));
                    break;
            }
        }

        return new DataFrame(columns);
    }
}

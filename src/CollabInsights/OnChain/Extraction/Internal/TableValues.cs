using System.Globalization;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>Converts stored text back to the typed cell values of <see cref="TableChunk"/>.</summary>
internal static class TableValues
{
    public static object? FromText(string? text, TableColumn column)
    {
        if (text is null || (text.Length == 0 && (column.Nullable || column.Kind is ColumnKind.Int64 or ColumnKind.Bool)))
        {
            return null;
        }

        return column.Kind switch
        {
            ColumnKind.Int64 => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            ColumnKind.Bool => text is "true" or "1" or "True",
            _ => text,
        };
    }
}

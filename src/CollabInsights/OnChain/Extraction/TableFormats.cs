using CollabInsights.OnChain.Extraction.Internal;

namespace CollabInsights.OnChain.Extraction;

/// <summary>The built-in table formats: Parquet (default; one file per table), CSV (one file per table) and SQLite (one database, a table per event).</summary>
public static class TableFormats
{
    /// <summary>Apache Parquet via Parquet.Net: integers as INT64, 256-bit values as UTF-8 decimal strings, booleans as BOOLEAN.</summary>
    public static ITableFormat Parquet { get; } = new ParquetTableFormat();

    /// <summary>RFC 4180 CSV with a header row, UTF-8, invariant culture; empty cell = null.</summary>
    public static ITableFormat Csv { get; } = new CsvTableFormat();

    /// <summary>SQLite (<c>tables.sqlite</c>): INTEGER for 64-bit integers and booleans, TEXT otherwise.</summary>
    public static ITableFormat Sqlite { get; } = new SqliteTableFormat();

    /// <summary>The format named <paramref name="name"/> (<c>parquet</c>, <c>csv</c>, <c>sqlite</c>; case-insensitive).</summary>
    public static ITableFormat Parse(string name) => name?.ToLowerInvariant() switch
    {
        "parquet" => Parquet,
        "csv" => Csv,
        "sqlite" => Sqlite,
        _ => throw new CollabInsightsException($"Unknown output format '{name}'. Use parquet, csv or sqlite."),
    };
}

using CollabInsights.Domain;
using Microsoft.Data.Analysis;

namespace CollabInsights.Reporting;

/// <summary>
/// A decimal column of money: exact values (CSV and Parquet write them as they are), shown by
/// <see cref="HtmlTable"/> with thousands separators and the currency's minor units (<see cref="MoneyFormat"/>).
/// The currency is either fixed for the whole column or read, row by row, from another column of the same frame.
/// </summary>
public class MoneyDataFrameColumn : DecimalDataFrameColumn
{
    /// <summary>A money column whose rows name their currency in the string column <paramref name="currencyColumn"/>.</summary>
    public MoneyDataFrameColumn(string name, IEnumerable<decimal?> values, string currencyColumn)
        : base(name, values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currencyColumn);
        CurrencyColumn = currencyColumn;
    }

    private MoneyDataFrameColumn(string name, IEnumerable<decimal?> values, string? currencyColumn, string? currency)
        : base(name, values)
    {
        CurrencyColumn = currencyColumn;
        Currency = currency;
    }

    /// <summary>Name of the column holding each row's ISO 4217 currency; null when <see cref="Currency"/> is fixed.</summary>
    public string? CurrencyColumn { get; }

    /// <summary>The one currency of every row; null when <see cref="CurrencyColumn"/> gives it per row.</summary>
    public string? Currency { get; }

    /// <summary>A money column whose every row is in <paramref name="currency"/>.</summary>
    public static MoneyDataFrameColumn InCurrency(string name, IEnumerable<decimal?> values, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        return new MoneyDataFrameColumn(name, values, null, currency);
    }

    /// <summary>The currency of row <paramref name="row"/> of <paramref name="frame"/>, or null when it cannot be told.</summary>
    public string? CurrencyOf(DataFrame frame, long row)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (Currency is not null)
        {
            return Currency;
        }

        return frame.Columns.IndexOf(CurrencyColumn!) is var i and >= 0 ? frame.Columns[i][row] as string : null;
    }
}

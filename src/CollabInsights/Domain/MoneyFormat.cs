using System.Globalization;

namespace CollabInsights.Domain;

/// <summary>
/// The one money formatter of the kit, for anything a person reads (HTML tables, chart labels, console tables,
/// messages): thousands separated by commas, the currency's minor units (<see cref="Iso4217.MinorUnits"/>: GBP
/// 2, JPY 0, KWD 3), rounded half away from zero, invariant culture, a leading minus for negative amounts.
/// Files meant for machines (CSV, Parquet, JSON) keep the exact decimal instead.
/// </summary>
public static class MoneyFormat
{
    /// <summary>The amount alone, e.g. <c>122,852,596.00</c> for GBP or <c>1,770,000,000</c> for KRW.</summary>
    public static string Amount(decimal amount, string? currency)
    {
        var digits = Iso4217.MinorUnits(currency);
        var rounded = Math.Round(amount, digits, MidpointRounding.AwayFromZero);
        if (rounded == 0m)
        {
            rounded = 0m; // no "-0.00"
        }

        return rounded.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The amount followed by its currency code, e.g. <c>122,852,596.00 GBP</c>.</summary>
    public static string Format(decimal amount, string currency) => Amount(amount, currency) + " " + currency;

    /// <summary>The amount followed by its currency code, e.g. <c>122,852,596.00 GBP</c>.</summary>
    public static string Format(Money money) => Format(money.Amount, money.Currency);
}

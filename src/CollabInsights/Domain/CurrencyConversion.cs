using System.Globalization;

namespace CollabInsights.Domain;

/// <summary>
/// One amount converted with an <see cref="ExchangeRateTable"/>: the result (rounded to the target currency's minor
/// units), the factor used (units of target per unit of source), the year, and the rate rows it rests on.
/// </summary>
/// <param name="Amount">The converted amount in <paramref name="To"/>.</param>
/// <param name="From">The source currency.</param>
/// <param name="To">The target currency.</param>
/// <param name="Year">The year whose annual average rates were used.</param>
/// <param name="Factor">Units of <paramref name="To"/> per unit of <paramref name="From"/>, rounded to 6 decimals for display (the conversion uses the unrounded rates).</param>
/// <param name="Provenance">The rate rows used (none when <paramref name="From"/> equals <paramref name="To"/>).</param>
public sealed record CurrencyConversion(decimal Amount, string From, string To, int Year, decimal Factor, IReadOnlyList<string> Provenance)
{
    /// <summary>True when a rate was applied (the currencies differ).</summary>
    public bool IsConverted => !string.Equals(From, To, StringComparison.Ordinal);

    /// <summary>The rate as a person reads it, e.g. <c>2019: 1 GBP = 1.276413 USD</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Year}: 1 {From} = {Factor} {To}");
}

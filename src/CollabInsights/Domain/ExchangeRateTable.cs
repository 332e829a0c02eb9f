using System.Globalization;

namespace CollabInsights.Domain;

/// <summary>
/// A table of annual average exchange rates against the US dollar, the only way the kit converts money between
/// currencies (<see cref="Money"/> never adds currencies by itself). Conversion uses the rates of one calendar year:
/// <c>amount / perUsd(from, year) * perUsd(to, year)</c>, rounded half away from zero to the target's minor units.
/// </summary>
public sealed class ExchangeRateTable
{
    private readonly Dictionary<(string Currency, int Year), ExchangeRate> _rates;

    /// <summary>A table of <paramref name="rates"/>; <paramref name="source"/> says where they come from (shown next to every converted figure).</summary>
    public ExchangeRateTable(IEnumerable<ExchangeRate> rates, string source)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
        _rates = [];
        foreach (var rate in rates)
        {
            if (rate.PerUsd <= 0m)
            {
                throw new CollabInsightsException($"The exchange rate of {rate.Currency} in {rate.Year} at {rate.Provenance.Describe()} is {rate.PerUsd}; a rate must be greater than zero. Fix or remove that row of the rate table.");
            }

            if (!_rates.TryAdd((rate.Currency, rate.Year), rate))
            {
                throw new CollabInsightsException($"The rate table gives {rate.Currency} in {rate.Year} twice ({_rates[(rate.Currency, rate.Year)].Provenance.Describe()} and {rate.Provenance.Describe()}). Keep one row per currency and year.");
            }
        }
    }

    /// <summary>Where the rates come from, e.g. the IMF series and the pinned file.</summary>
    public string Source { get; }

    /// <summary>Number of currency-year rates.</summary>
    public int Count => _rates.Count;

    /// <summary>The rate of <paramref name="currency"/> in <paramref name="year"/>, when the table has it (USD is always 1).</summary>
    public ExchangeRate? Find(string currency, int year) =>
        currency == "USD" ? new ExchangeRate("USD", year, 1m, new FileProvenance("(US dollar)", 0))
            : _rates.GetValueOrDefault((currency, year));

    /// <summary>
    /// Converts <paramref name="amount"/> from <paramref name="from"/> to <paramref name="to"/> at the annual average rates
    /// of <paramref name="year"/>; false (and a reason) when the table lacks a rate.
    /// </summary>
    public bool TryConvert(decimal amount, string from, string to, int year, out CurrencyConversion? conversion, out string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        conversion = null;
        reason = null;
        var digits = Iso4217.MinorUnits(to);
        if (from == to)
        {
            conversion = new CurrencyConversion(amount, from, to, year, 1m, []);
            return true;
        }

        var source = Find(from, year);
        var target = Find(to, year);
        if (source is null || target is null)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"no {year} rate for {(source is null ? from : to)} in the rate table");
            return false;
        }

        var converted = Math.Round(amount / source.PerUsd * target.PerUsd, digits, MidpointRounding.AwayFromZero);
        var factor = Math.Round(target.PerUsd / source.PerUsd, 6, MidpointRounding.AwayFromZero);
        var provenance = new[] { source, target }.Where(r => r.Currency != "USD").Select(r => r.Provenance.Describe()).ToList();
        conversion = new CurrencyConversion(converted, from, to, year, factor, provenance);
        return true;
    }
}

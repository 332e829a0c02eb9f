using System.Globalization;
using CollabInsights.Domain;

namespace CollabInsights.OffChain;

/// <summary>
/// The IMF's annual average exchange rates (International Financial Statistics, "domestic currency per U.S. dollar,
/// period average", ENDA_XDC_USD_RATE) as compiled by Code for IATI's <c>imf-exchangerates</c>: the copy pinned in
/// <c>data/imf-exchange-rates-2025-10/</c> (see its README for source, date, citation and licence) is embedded in
/// the library, so conversions work offline and give the same figures everywhere.
/// </summary>
/// <remarks>
/// The file lists a rate per economy; several economies share a currency (GBP also for Guernsey, Jersey and the Isle of
/// Man; an old Ecuadorian series is labelled USD). For each currency the table keeps the issuing economy's series: the
/// economy whose ISO 3166 code is the currency code's first two letters (GB for GBP, JP for JPY), U2 (Euro Area) for EUR.
/// Currencies with no issuing economy in the file (XOF, XAF, XCD, ...) are not in the table.
/// </remarks>
public static class ImfExchangeRates
{
    /// <summary>File name of the pinned table, as it appears in provenance (<c>imf_exchangerates_A_ENDA_USD.csv:ROW</c>).</summary>
    public const string FileName = "imf_exchangerates_A_ENDA_USD.csv";

    /// <summary>Where the pinned copy lives in the repository.</summary>
    public const string RepositoryPath = "data/imf-exchange-rates-2025-10/" + FileName;

    /// <summary>How converted figures cite the table.</summary>
    public const string Citation = "IMF International Financial Statistics, annual average domestic currency per US dollar (ENDA_XDC_USD_RATE), via Code for IATI imf-exchangerates, 2025-10-31 (" + RepositoryPath + ")";

    private const string ResourceName = "CollabInsights.Data." + FileName;

    private static readonly Lazy<ExchangeRateTable> LazyPinned = new(() =>
    {
        using var stream = typeof(ImfExchangeRates).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CollabInsightsException($"The pinned exchange rates ({ResourceName}) are not embedded in {typeof(ImfExchangeRates).Assembly.GetName().Name}. Rebuild the library from a checkout that has {RepositoryPath}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), FileName, Citation);
    });

    /// <summary>The pinned table (embedded in the library).</summary>
    public static ExchangeRateTable Pinned => LazyPinned.Value;

    /// <summary>Reads a table in the same layout (<c>Date,Rate,Currency,Frequency,Source,Country code,Country</c>) from <paramref name="path"/>.</summary>
    public static async Task<ExchangeRateTable> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"The exchange rate table {path} was not found. Pass a file in the layout of {RepositoryPath}, or leave the option out to use that pinned table.");
        }

        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path), "annual average rates per US dollar from " + path);
    }

    private static ExchangeRateTable Parse(string text, string file, string citation)
    {
        var rates = new List<ExchangeRate>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith("Date,Rate,Currency,Frequency,Source,Country code", StringComparison.Ordinal))
        {
            throw new CollabInsightsException($"{file} does not start with the header 'Date,Rate,Currency,Frequency,Source,Country code,Country' of the IMF annual rate table ({RepositoryPath}).");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            // The country name (last field) may be quoted and hold commas; the first six fields never do.
            var f = lines[i].Split(',', 7);
            if (f.Length < 6 || f[3] != "A")
            {
                continue;
            }

            var currency = f[2];
            var issuer = currency == "EUR" ? "U2" : currency.Length == 3 ? currency[..2] : null;
            if (f[5] != issuer)
            {
                continue;
            }

            if (!int.TryParse(f[0].AsSpan(0, Math.Min(4, f[0].Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !decimal.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var perUsd) || perUsd <= 0m)
            {
                throw new CollabInsightsException($"{file}:{i}: '{lines[i]}' has no year or no positive rate. The table must give Date as YYYY-MM-DD and Rate as a number.");
            }

            rates.Add(new ExchangeRate(currency, year, perUsd, new FileProvenance(file, i)));
        }

        return new ExchangeRateTable(rates, citation);
    }
}

namespace CollabInsights.Domain;

/// <summary>
/// An annual average exchange rate: how many units of <paramref name="Currency"/> one US dollar bought on average in
/// <paramref name="Year"/>, with the row of the rate table it comes from.
/// </summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Year">Calendar year the average covers.</param>
/// <param name="PerUsd">Units of <paramref name="Currency"/> per US dollar (greater than zero).</param>
/// <param name="Provenance">The table row, e.g. <c>imf_exchangerates_A_ENDA_USD.csv:13401</c>.</param>
public sealed record ExchangeRate(string Currency, int Year, decimal PerUsd, Provenance Provenance);

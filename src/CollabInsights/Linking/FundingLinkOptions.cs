namespace CollabInsights.Linking;

/// <summary>Options of <see cref="FundingLinker"/>.</summary>
public sealed record FundingLinkOptions
{
    /// <summary>
    /// The date the data is observed: planned payments for periods ending on or before it are "due".
    /// Default null: the last day of the latest period that has an actual payment in the dataset.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Decimal places of cost per outcome (money); default 2, rounded half away from zero.</summary>
    public int MoneyDecimals { get; init; } = 2;

    /// <summary>Decimal places of shares (paid / committed, paid / cap); default 4.</summary>
    public int ShareDecimals { get; init; } = 4;

    /// <summary>
    /// Convert every amount to this ISO 4217 currency as well (the native amounts stay): by the annual average rates of
    /// <see cref="ExchangeRates"/> for the year of each payment's period (its end, else its start) and of each commitment's
    /// period. Default null: no conversion.
    /// </summary>
    public string? ConvertTo { get; init; }

    /// <summary>The rate table used with <see cref="ConvertTo"/>; default null (required when converting), e.g. <c>ImfExchangeRates.Pinned</c>.</summary>
    public Domain.ExchangeRateTable? ExchangeRates { get; init; }

    /// <summary>The defaults.</summary>
    public static FundingLinkOptions Default { get; } = new();
}

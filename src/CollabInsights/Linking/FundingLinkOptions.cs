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

    /// <summary>The defaults.</summary>
    public static FundingLinkOptions Default { get; } = new();
}

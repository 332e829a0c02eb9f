namespace CollabInsights.OnChain.Extraction;

/// <summary>How <see cref="LedgerRecords"/> turns extracted outcome-ledger events into domain records.</summary>
public sealed record LedgerRecordOptions
{
    /// <summary>Decimals of the payment token; amounts are divided by 10^decimals. Default 6 (the kit's OutcomeToken, like USDC).</summary>
    public int TokenDecimals { get; init; } = 6;

    /// <summary>Currency of each project's token amounts (the seeder writes amounts 1:1 in the project's own currency). Projects not listed use <see cref="DefaultCurrency"/>.</summary>
    public IReadOnlyDictionary<string, string>? ProjectCurrencies { get; init; }

    /// <summary>Currency for projects missing from <see cref="ProjectCurrencies"/>. Default <c>USD</c>.</summary>
    public string DefaultCurrency { get; init; } = "USD";

    /// <summary>Organisation ids by checksummed or lower-case address (e.g. the seeder's map, inverted); unknown addresses stay as addresses.</summary>
    public IReadOnlyDictionary<string, string>? OrganisationsByAddress { get; init; }
}

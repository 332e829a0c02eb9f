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

    /// <summary>Organisation ids by checksummed or lower-case address (e.g. the seeder's map, inverted); unknown addresses stay as addresses; an address mapped to an empty id reads back as no party (the books named none).</summary>
    public IReadOnlyDictionary<string, string>? OrganisationsByAddress { get; init; }

    /// <summary>
    /// The ledger stores a period as its first and last day, so the precision of the books is lost. When true
    /// (the default), a period that starts on the 1st of a month and ends on the last day of a month reads back
    /// at month precision (<c>2019-07</c> .. <c>2019-09</c>), as INDIGO and the generator write periods.
    /// </summary>
    public bool RestoreMonthPrecision { get; init; } = true;

    /// <summary>
    /// Options that read a chain written by <see cref="Seeding.LedgerSeeder"/> back in the books' own terms: each project's
    /// currency from <paramref name="books"/>' payments, and organisation ids from the seeder's
    /// <paramref name="organisationAddresses"/> (id to address, as in <see cref="Seeding.LedgerSeedResult.OrganisationAddresses"/>
    /// or onchain-seed.json). The seeder's stand-in account for rows that name no organisation (<see cref="Seeding.LedgerSeeder.UnknownOrganisation"/>) reads back as no party.
    /// </summary>
    public static LedgerRecordOptions ForSeededChain(Domain.CollabDataset books, IReadOnlyDictionary<string, string>? organisationAddresses)
    {
        ArgumentNullException.ThrowIfNull(books);
        var currencies = books.Payments.Where(p => p.Amount is not null).GroupBy(p => p.ProjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Amount!.Value.Currency, StringComparer.Ordinal);
        var organisations = organisationAddresses?.ToDictionary(
            kv => kv.Value.ToLowerInvariant(),
            kv => kv.Key == Seeding.LedgerSeeder.UnknownOrganisation ? string.Empty : kv.Key,
            StringComparer.Ordinal);
        return new LedgerRecordOptions { ProjectCurrencies = currencies, OrganisationsByAddress = organisations };
    }
}

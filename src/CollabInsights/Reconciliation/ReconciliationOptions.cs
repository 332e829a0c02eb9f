namespace CollabInsights.Reconciliation;

/// <summary>Options of <see cref="Reconciler"/>: how amounts on the two sides are made comparable.</summary>
public sealed record ReconciliationOptions
{
    /// <summary>
    /// Token symbols and the currency each stands for (default USDC, USDT, DAI, PYUSD to USD; EURC to EUR; GBPT to GBP).
    /// An on-chain payment in a token is compared with off-chain money in the mapped currency; other codes compare as they are.
    /// </summary>
    public IReadOnlyDictionary<string, string> TokenCurrencies { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["USDC"] = "USD", ["USDT"] = "USD", ["DAI"] = "USD", ["PYUSD"] = "USD", ["EURC"] = "EUR", ["GBPT"] = "GBP",
    };

    /// <summary>
    /// Decimal places of a currency's minor unit (default 2; JPY, KRW, CLP and a few others 0; BHD, KWD, OMR, JOD, TND 3).
    /// Both sides are rounded to it, half away from zero, before comparing: a 6-decimal token amount of 1250.004999 USDC equals 1250.00 USD.
    /// </summary>
    public Func<string, int> MinorUnits { get; init; } = DefaultMinorUnits;

    /// <summary>Largest difference, in minor units, still counted as equal (default 0: amounts must agree to the cent).</summary>
    public long AmountToleranceMinorUnits { get; init; }

    /// <summary>Also reconcile results with attestations (default true); outcomes achieved are compared to two decimals, the validator is the counterparty.</summary>
    public bool IncludeResults { get; init; } = true;

    /// <summary>Compare only actual payments (default true); planned rows are not expected on a chain.</summary>
    public bool ActualPaymentsOnly { get; init; } = true;

    /// <summary>
    /// Records of the books the chain cannot hold, set aside as <see cref="ReconciliationResult.NotOnChain"/> instead of counted as
    /// <c>only_off_chain</c>; matched to the books by record type and provenance (file row). For the kit's outcome ledger pass
    /// <see cref="OnChain.Seeding.LedgerSeeder.NotOnChain"/> of the books. Default none (rows with no amount or count are set aside anyway).
    /// </summary>
    public IReadOnlyList<NotOnChainRecord> NotOnChain { get; init; } = [];

    /// <summary>
    /// Options for reconciling <paramref name="books"/> with the kit's outcome ledger (a chain written by <see cref="OnChain.Seeding.LedgerSeeder"/>):
    /// the defaults, with the books' records the ledger cannot hold set aside as <c>not_on_chain</c>.
    /// </summary>
    public static ReconciliationOptions ForOutcomeLedger(Domain.CollabDataset books) => new() { NotOnChain = OnChain.Seeding.LedgerSeeder.NotOnChain(books) };

    /// <summary>The built-in table of minor units per ISO 4217 code.</summary>
    public static int DefaultMinorUnits(string currency) => currency switch
    {
        "JPY" or "KRW" or "CLP" or "ISK" or "VND" or "UGX" or "PYG" or "XAF" or "XOF" or "RWF" => 0,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" or "IQD" or "LYD" => 3,
        _ => 2,
    };

    /// <summary>Converts a raw integer token amount to a decimal amount: <paramref name="raw"/> / 10^<paramref name="tokenDecimals"/> (USDC has 6 decimals, DAI 18).</summary>
    public static decimal FromTokenUnits(System.Numerics.BigInteger raw, int tokenDecimals) =>
        (decimal)raw / (decimal)System.Numerics.BigInteger.Pow(10, tokenDecimals);
}

using CollabInsights.Domain;

namespace CollabInsights.OffChain.Standards;

/// <summary>
/// Records read from IATI, OCDS or 360Giving files, mapped into the kit's domain model (<see cref="Dataset"/>, which
/// <c>FundingLinker</c> and the notebooks take as they take INDIGO), with what the standard carries beyond it.
/// </summary>
/// <param name="Format">The standard read.</param>
/// <param name="Files">The files read, in the order read.</param>
/// <param name="Dataset">The records in the domain model.</param>
/// <param name="IndicatorValues">Every baseline, target and actual of result indicators or metrics.</param>
/// <param name="Counts">What the files held.</param>
public sealed record StandardsDataset(StandardFormat Format, IReadOnlyList<string> Files, CollabDataset Dataset, IReadOnlyList<IndicatorValue> IndicatorValues, StandardsCounts Counts)
{
    /// <summary>
    /// True when the data carries results: IATI natively, OCDS when the files use the Metrics extension (at least one
    /// metric read); then the chain is funder -> recipient -> result. 360Giving never does.
    /// </summary>
    public bool CarriesResults => Format == StandardFormat.Iati || (Format == StandardFormat.Ocds && Counts.Indicators > 0);

    /// <summary>
    /// The chain the data supports, said in reports: <c>funder -> recipient -> result</c> where the standard carries results,
    /// <c>funder -> recipient</c> where it does not (360Giving), with the counts behind it.
    /// </summary>
    public string Chain => CarriesResults
        ? $"funder -> recipient -> result ({Name(Format)} carries results: {Counts.Indicators} indicators, {Counts.Results} actual values, {Counts.Targets} targets; " +
          "results belong to an activity or contract, not to a payment, so payments link funder to recipient and outcomes are listed per metric)"
        : Format == StandardFormat.Ocds
            ? "funder -> recipient (these OCDS files carry no Metrics extension observations: contracts and transactions link the buyer to suppliers; outcomes are not reported)"
            : $"funder -> recipient ({Name(Format)} carries no results: grants link a funder to a recipient; outcomes are not reported)";

    /// <summary>The standard's usual name: IATI, OCDS or 360Giving.</summary>
    public static string Name(StandardFormat format) => format switch
    {
        StandardFormat.Iati => "IATI",
        StandardFormat.Ocds => "OCDS",
        _ => "360Giving",
    };
}

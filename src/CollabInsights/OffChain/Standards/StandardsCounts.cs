namespace CollabInsights.OffChain.Standards;

/// <summary>
/// What a standards file held, counted as read (before any linking). Definitions per standard are on
/// <see cref="StandardsSource"/>.
/// </summary>
/// <param name="Projects">IATI activities, OCDS contracting processes (distinct ocids), 360Giving grants.</param>
/// <param name="Organisations">Distinct organisation ids named anywhere (participating, provider, receiver and reporting organisations; OCDS parties and buyers; funders and recipients).</param>
/// <param name="Transactions">Money rows: IATI <c>transaction</c> elements; OCDS implementation transactions (after merging releases); 360Giving awards plus disbursements.</param>
/// <param name="Indicators">IATI result indicators; OCDS metrics (agreed or implementation); 360Giving: 0.</param>
/// <param name="Results">Actual values: IATI <c>actual</c> elements; OCDS implementation metric observations; 360Giving: 0 (the standard carries no results).</param>
/// <param name="Targets">IATI <c>target</c> elements; OCDS agreed-metric and tender-target observations.</param>
/// <param name="Baselines">IATI <c>baseline</c> elements.</param>
public sealed record StandardsCounts(int Projects, int Organisations, int Transactions, int Indicators, int Results, int Targets, int Baselines);

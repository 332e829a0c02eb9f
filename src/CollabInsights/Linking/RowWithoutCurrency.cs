namespace CollabInsights.Linking;

/// <summary>
/// An input row that names no currency, so its amounts (if any) cannot be shown in one: listed apart by
/// <see cref="FundingLinker"/> (see <see cref="FundingLinkResult.WithoutCurrency"/>) instead of under a made-up currency.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">The project's name, when the project is known.</param>
/// <param name="FunderId">The funder the row belongs to (resolved as for payments).</param>
/// <param name="FunderName">Names of the funder.</param>
/// <param name="Kind">What the row is: <c>commitment</c>.</param>
/// <param name="Reason">Why no currency could be told.</param>
/// <param name="Provenance">The input row, as <c>file:row</c>.</param>
public sealed record RowWithoutCurrency(
    string ProjectId,
    string? ProjectName,
    string FunderId,
    string FunderName,
    string Kind,
    string Reason,
    string Provenance);

using CollabInsights.Domain;

namespace CollabInsights.Carbon;

/// <summary>
/// One issuance of credits to a project: <paramref name="Quantity"/> tonnes of <paramref name="Vintage"/>
/// (null when the registry gives none), issued on <paramref name="IssuedOn"/>, for the reduction period
/// <paramref name="PeriodStart"/>..<paramref name="PeriodEnd"/> where the registry states it.
/// </summary>
public sealed record CarbonIssuance(
    string Registry,
    string ProjectId,
    int? Vintage,
    decimal Quantity,
    DateOnly? IssuedOn,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    FileProvenance Provenance)
{
    /// <summary>CAD Trust only: the <c>warehouseProjectId</c> of the issuance's project (project ids can repeat across registries of origin).</summary>
    public string? WarehouseProjectId { get; init; }
}

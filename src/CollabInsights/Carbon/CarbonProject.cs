using CollabInsights.Domain;

namespace CollabInsights.Carbon;

/// <summary>
/// A carbon project as one registry lists it. <paramref name="Registry"/> is the folder it was read from
/// (<see cref="CarbonRegistries"/>); <paramref name="OriginRegistry"/> is the registry that issues its credits
/// (the same, except for CAD Trust records, whose <c>registryOfOrigin</c> names another, or null when unknown).
/// </summary>
public sealed record CarbonProject(
    string Registry,
    string ProjectId,
    string? Name,
    string? Country,
    string? Sector,
    string? Status,
    string? OriginRegistry,
    FileProvenance Provenance)
{
    /// <summary>CAD Trust only: every country of the project's locations (CAD Trust's <c>projectLocations</c>); otherwise <see cref="Country"/>.</summary>
    public IReadOnlyList<string> Countries { get; init; } = Country is null ? [] : [Country];

    /// <summary>CAD Trust only: the warehouse id that issuances and units refer to.</summary>
    public string? WarehouseId { get; init; }
}

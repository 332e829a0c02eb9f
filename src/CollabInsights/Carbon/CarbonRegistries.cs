namespace CollabInsights.Carbon;

/// <summary>
/// The registries the carbon checks read, by the folder names of CarbonPlan's OffsetsDB samples
/// (<c>verra/</c>, <c>gold-standard/</c>, ...) plus <c>cadt/</c> for the Climate Action Data Trust.
/// </summary>
public static class CarbonRegistries
{
    /// <summary>Verra's Verified Carbon Standard: <c>projects.csv</c>, <c>transactions.csv</c>.</summary>
    public const string Verra = "verra";

    /// <summary>Gold Standard: <c>projects.csv</c>, <c>issuances.csv</c>, <c>retirements.csv</c>.</summary>
    public const string GoldStandard = "gold-standard";

    /// <summary>American Carbon Registry (an APX registry): projects, issuances, retirements, cancellations.</summary>
    public const string AmericanCarbonRegistry = "american-carbon-registry";

    /// <summary>Climate Action Reserve (an APX registry): projects, issuances, retirements, cancellations.</summary>
    public const string ClimateActionReserve = "climate-action-reserve";

    /// <summary>ART TREES (an APX registry): projects, issuances, retirements, cancellations.</summary>
    public const string ArtTrees = "art-trees";

    /// <summary>Isometric: projects, issuances, retirements (no serial numbers).</summary>
    public const string Isometric = "isometric";

    /// <summary>Cercarbono (EcoRegistry): projects, issuances, retirements (<c>serial</c> with <c>from</c>/<c>to</c>).</summary>
    public const string Cercarbono = "cercarbono";

    /// <summary>Climate Action Data Trust: JSON arrays <c>projects.json</c>, <c>projectLocations.json</c>, <c>issuances.json</c>, <c>units.json</c>.</summary>
    public const string Cadt = "cadt";

    /// <summary>Every folder name, in the order the loader reads them.</summary>
    public static IReadOnlyList<string> All { get; } = [Verra, GoldStandard, AmericanCarbonRegistry, ClimateActionReserve, ArtTrees, Isometric, Cercarbono, Cadt];

    /// <summary>
    /// The registry folder name for a CAD Trust <c>registryOfOrigin</c> such as <c>VERRA</c> or
    /// <c>Climate Action Reserve (CAR)</c>; null when it names none of <see cref="All"/>.
    /// </summary>
    public static string? FromCadtName(string? registryOfOrigin)
    {
        if (string.IsNullOrWhiteSpace(registryOfOrigin))
        {
            return null;
        }

        var s = registryOfOrigin.Trim().ToUpperInvariant();
        return s switch
        {
            _ when s.Contains("VERRA", StringComparison.Ordinal) || s.StartsWith("VCS", StringComparison.Ordinal) => Verra,
            _ when s.Contains("GOLD STANDARD", StringComparison.Ordinal) => GoldStandard,
            _ when s.Contains("AMERICAN CARBON REGISTRY", StringComparison.Ordinal) || s.Contains("(ACR)", StringComparison.Ordinal) => AmericanCarbonRegistry,
            _ when s.Contains("CLIMATE ACTION RESERVE", StringComparison.Ordinal) || s.Contains("(CAR)", StringComparison.Ordinal) => ClimateActionReserve,
            _ when s.Contains("ART", StringComparison.Ordinal) && s.Contains("TREES", StringComparison.Ordinal) => ArtTrees,
            _ when s.Contains("ISOMETRIC", StringComparison.Ordinal) => Isometric,
            _ when s.Contains("CERCARBONO", StringComparison.Ordinal) => Cercarbono,
            _ => null,
        };
    }
}

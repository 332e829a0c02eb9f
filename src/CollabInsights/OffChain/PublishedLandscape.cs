namespace CollabInsights.OffChain;

/// <summary>
/// Headline figures of the impact-bond landscape as a publisher printed them, to set beside a recomputation
/// (<see cref="LandscapeReproduction"/>). "More than" figures are lower bounds: GO Lab prints capital raised as
/// "&gt; USD 764m", so <see cref="CapitalRaisedUsdAtLeast"/> is 764,000,000.
/// </summary>
/// <param name="Publisher">Who published the figures.</param>
/// <param name="Title">The page or report they appeared in.</param>
/// <param name="Address">Where they can be read.</param>
/// <param name="AsOf">The month the figures describe, <c>YYYY-MM</c>.</param>
/// <param name="ImpactBonds">Impact bonds counted.</param>
/// <param name="ProjectsWithCapitalUsd">Projects whose capital figure was available (the published "based on available data from N projects").</param>
/// <param name="CapitalRaisedUsdAtLeast">Capital raised, USD, as the printed lower bound.</param>
/// <param name="MedianCapitalUsd">Median capital raised, USD, as printed (whole dollars).</param>
/// <param name="UkImpactBonds">UK impact bonds counted.</param>
/// <param name="UkProjectsWithCapitalGbp">UK projects whose capital figure was available.</param>
/// <param name="UkCapitalRaisedGbpAtLeast">UK capital raised, GBP, as the printed lower bound.</param>
/// <param name="UkMedianCapitalGbp">UK median capital raised, GBP, as printed (whole pounds).</param>
public sealed record PublishedLandscape(
    string Publisher,
    string Title,
    string Address,
    string AsOf,
    int ImpactBonds,
    int ProjectsWithCapitalUsd,
    decimal CapitalRaisedUsdAtLeast,
    decimal MedianCapitalUsd,
    int UkImpactBonds,
    int UkProjectsWithCapitalGbp,
    decimal UkCapitalRaisedGbpAtLeast,
    decimal UkMedianCapitalGbp)
{
    /// <summary>
    /// GO Lab's "April 2024 impact bond landscape" (Government Outcomes Lab, University of Oxford, compiled from its Impact
    /// Bond Dataset): 292 impact bonds, more than USD 764m raised (234 projects with data), median USD 1,192,360; UK 98
    /// impact bonds, more than GBP 75m (76 projects with data), median GBP 843,334.
    /// </summary>
    public static PublishedLandscape GoLabApril2024 { get; } = new(
        "Government Outcomes Lab (GO Lab), University of Oxford",
        "April 2024 impact bond landscape",
        "https://golab.bsg.ox.ac.uk/community/news/april-2024-impact-bond-landscape/",
        "2024-04",
        292, 234, 764_000_000m, 1_192_360m,
        98, 76, 75_000_000m, 843_334m);
}

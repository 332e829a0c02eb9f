namespace CollabInsights.Carbon;

/// <summary>
/// The zombie-credit analysis of a set of retirements: every project with a bridged retirement, the tonnes bridged, the
/// tonnes bridged by zombie projects, and how many projects are zombies.
/// </summary>
public sealed record ZombieAnalysis(IReadOnlyList<ZombieProject> Projects, decimal BridgedTotal, decimal ZombieTotal)
{
    /// <summary>Projects classified as zombies.</summary>
    public int ZombieCount => Projects.Count(p => p.IsZombie);

    /// <summary>The zombies' share of the bridged tonnes (0 when nothing was bridged).</summary>
    public decimal ZombieShare => BridgedTotal == 0 ? 0 : ZombieTotal / BridgedTotal;
}

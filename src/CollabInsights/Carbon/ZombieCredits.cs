namespace CollabInsights.Carbon;

/// <summary>
/// CarbonPlan's "zombie credits" rule ("Zombies on the blockchain", 2022, <c>carbonplan/toucan-crypto-offsets</c>): among the
/// projects with at least one bridged retirement, a project is a zombie when more than 95% of its retired tonnes went through
/// the bridge, or when it had no (non-bridged) retirement in the two years (730 days) before its first bridged one.
/// </summary>
public static class ZombieCredits
{
    /// <summary>Dormancy given to a project with no retirement before its first bridged one (CarbonPlan's 9999).</summary>
    public const int NoPriorRetirement = 9999;

    /// <summary>
    /// Classifies the projects of <paramref name="blocks"/> (only retired and cancelled blocks with a date count, as CarbonPlan
    /// counts every row with a retirement date). Projects are keyed by registry and project id; sorted by bridged share, then tonnes.
    /// </summary>
    public static ZombieAnalysis Analyse(IEnumerable<CreditBlock> blocks, BridgeTagRule rule = BridgeTagRule.CarbonPlan)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var retirements = blocks.Where(b => b.IsRetiredOrCancelled && b.Date is not null).ToList();
        var projects = new List<ZombieProject>();
        foreach (var group in retirements.GroupBy(b => (b.Registry, b.ProjectId)))
        {
            var bridged = group.Where(b => BridgeTags.Bridge(b, rule) is not null).ToList();
            if (bridged.Count == 0)
            {
                continue;
            }

            var firstBridged = bridged.Min(b => b.Date!.Value);
            var prior = group.Where(b => BridgeTags.Bridge(b, rule) is null && b.Date!.Value < firstBridged).ToList();
            var dormancy = prior.Count == 0 ? NoPriorRetirement : firstBridged.DayNumber - prior.Max(b => b.Date!.Value).DayNumber;
            var bridgedQuantity = bridged.Sum(b => b.Quantity);
            var retired = group.Sum(b => b.Quantity);
            var fraction = Math.Round(bridgedQuantity / retired, 3, MidpointRounding.ToEven);
            var exclusive = fraction > 0.95m;
            var dormant = !exclusive && dormancy > 2 * 365;
            var reason = exclusive
                ? $"{fraction:P1} of its retired tonnes were bridged (more than 95%)"
                : dormant
                    ? dormancy == NoPriorRetirement ? "no retirement before its first bridged one" : $"no retirement in the {dormancy} days before its first bridged one (more than 2 years)"
                    : $"{fraction:P1} bridged and a retirement {dormancy} days before its first bridged one: not a zombie";
            projects.Add(new ZombieProject(group.Key.Registry, group.Key.ProjectId, bridgedQuantity, retired, fraction, dormancy, firstBridged, exclusive || dormant, reason));
        }

        projects = projects.OrderBy(p => p.BridgedFraction).ThenBy(p => p.BridgedQuantity).ThenBy(p => p.ProjectId, StringComparer.Ordinal).ToList();
        return new ZombieAnalysis(projects, projects.Sum(p => p.BridgedQuantity), projects.Where(p => p.IsZombie).Sum(p => p.BridgedQuantity));
    }
}

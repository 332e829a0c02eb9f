using CollabInsights.Carbon;

namespace CollabInsights.Kit;

/// <summary>Carbon credit checks of <see cref="CollabKit.Carbon"/>.</summary>
public sealed class CarbonCatalog
{
    internal CarbonCatalog()
    {
    }

    /// <summary>Double issuance, double use and registry conflicts across the loaded registries, sorted (<see cref="CarbonRules.Check"/>).</summary>
    /// <example><code>var flags = kit.Carbon.Check((await kit.Data.LoadCarbonRegistriesAsync(roots)).Value);</code></example>
    public IReadOnlyList<CarbonFlag> Check(CarbonDataset dataset) => CarbonRules.Check(dataset);

    /// <summary>Zombie credits by CarbonPlan's rule: old, unsold credits bridged onto a chain (<see cref="ZombieCredits.Analyse"/>).</summary>
    /// <example><code>var zombies = kit.Carbon.Zombies(dataset.Blocks);</code></example>
    public ZombieAnalysis Zombies(IEnumerable<CreditBlock> blocks, BridgeTagRule rule = BridgeTagRule.CarbonPlan) => ZombieCredits.Analyse(blocks, rule);
}

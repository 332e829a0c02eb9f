namespace CollabInsights.Carbon;

/// <summary>Recognises registry retirements that bridged credits to tokens, by the tag in their details (<see cref="BridgeTagRule"/>).</summary>
public static class BridgeTags
{
    /// <summary>The bridge a retirement's <paramref name="details"/> name under <paramref name="rule"/> (<c>Toucan</c> or <c>C3</c>), or null.</summary>
    public static string? Bridge(string? details, BridgeTagRule rule = BridgeTagRule.CarbonPlan)
    {
        if (string.IsNullOrEmpty(details))
        {
            return null;
        }

        return rule switch
        {
            BridgeTagRule.CarbonPlan => details.StartsWith("TOUC", StringComparison.Ordinal) ? "Toucan" : null,
            BridgeTagRule.KlimaDao => details.Contains("TOUCAN", StringComparison.OrdinalIgnoreCase) ? "Toucan"
                : details.Contains("C3T", StringComparison.OrdinalIgnoreCase) ? "C3" : null,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a bridge tag rule."),
        };
    }

    /// <summary>The bridge of a retired block (from its details), or null when it is not a retirement or carries no tag.</summary>
    public static string? Bridge(CreditBlock block, BridgeTagRule rule = BridgeTagRule.CarbonPlan)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Status is CreditStatus.Retired or CreditStatus.Cancelled ? Bridge(block.Details, rule) : null;
    }
}

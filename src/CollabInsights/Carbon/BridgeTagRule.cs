namespace CollabInsights.Carbon;

/// <summary>How a registry retirement is recognised as a bridge to a token (its "retirement details" carry the bridge's tag).</summary>
public enum BridgeTagRule
{
    /// <summary>
    /// CarbonPlan's rule in "Zombies on the blockchain" (2022): Verra retirement details that start with <c>TOUC</c>
    /// (case-sensitive, as pandas' <c>str.startswith</c>); the bridge is Toucan.
    /// </summary>
    CarbonPlan,

    /// <summary>
    /// KlimaDAO's pipelines: details that contain <c>TOUCAN</c> (Toucan) or <c>C3T</c> (C3), ignoring case.
    /// </summary>
    KlimaDao,
}

namespace CollabInsights.OffChain;

/// <summary>
/// A rule of the landscape method, stated in words, and the input rows it was applied to (empty when the data gave
/// it nothing to do; every rule is listed all the same, so the method is complete on the page).
/// </summary>
/// <param name="Name">A stable snake_case name, e.g. <c>capital_usd_range_minimum</c>.</param>
/// <param name="Description">What the rule does and why, in one or two sentences.</param>
/// <param name="Rows">The rows (<c>file:row</c>) it applied to, in file then row order.</param>
public sealed record LandscapeRule(string Name, string Description, IReadOnlyList<string> Rows);

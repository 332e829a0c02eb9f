namespace CollabInsights.Linking;

/// <summary>An input row that <see cref="FundingLinker"/> could not use, and why (nothing is dropped silently).</summary>
public sealed record LinkExclusion(string Provenance, string Reason);

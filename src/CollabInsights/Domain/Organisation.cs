namespace CollabInsights.Domain;

/// <summary>An organisation taking part in a collaboration (INDIGO <c>organisations.csv</c>).</summary>
public sealed record Organisation(string Id, string Name, string? Type, string? Country, Provenance Provenance);

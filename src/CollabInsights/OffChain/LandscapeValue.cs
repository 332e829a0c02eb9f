namespace CollabInsights.OffChain;

/// <summary>One project's capital raised as the landscape counted it: its <c>projects.csv</c> row, its ID and the amount (exact amount or range minimum).</summary>
public sealed record LandscapeValue(string Row, string ProjectId, decimal Value);

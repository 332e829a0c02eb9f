namespace CollabInsights.OffChain;

/// <summary>An input file of a landscape computation: its name, the SHA-256 of its bytes (lower-case hex) and its number of data rows.</summary>
public sealed record LandscapeInput(string File, string Sha256, int Rows);

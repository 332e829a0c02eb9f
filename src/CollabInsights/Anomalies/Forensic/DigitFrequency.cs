using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>
/// One digit (or digit pair, or triple) of a digit test: how many amounts have it, its actual and expected proportions, Nigrini's z
/// statistic, and whether it is a significant excess (z above the critical value and more than expected).
/// </summary>
public sealed record DigitFrequency(
    [property: JsonPropertyName("digits")] string Digits,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("actual")] double Actual,
    [property: JsonPropertyName("expected")] double Expected,
    [property: JsonPropertyName("z")] double Z,
    [property: JsonPropertyName("significant_excess")] bool SignificantExcess);

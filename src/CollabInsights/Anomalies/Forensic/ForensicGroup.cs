using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>One group behind a test result (an amount that repeats, an amount-date-payee triple, a payee's largest payment): its label, size, figure and rows.</summary>
public sealed record ForensicGroup(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("figure")] double? Figure,
    [property: JsonPropertyName("rows")] IReadOnlyList<string> Rows);

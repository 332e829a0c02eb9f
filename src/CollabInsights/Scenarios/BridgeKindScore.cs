using System.Text.Json.Serialization;

namespace CollabInsights.Scenarios;

/// <summary>How well reconciliation found one kind of planted bridge difference: planted, found, true positives, precision and recall.</summary>
public sealed record BridgeKindScore(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("expected")] int Expected,
    [property: JsonPropertyName("found")] int Found,
    [property: JsonPropertyName("true_positives")] int TruePositives)
{
    /// <summary>True positives over found; 1 when nothing was found and nothing expected.</summary>
    [JsonPropertyName("precision")]
    public double Precision => Found == 0 ? (Expected == 0 ? 1 : 0) : (double)TruePositives / Found;

    /// <summary>True positives over expected; 1 when nothing was expected.</summary>
    [JsonPropertyName("recall")]
    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;
}

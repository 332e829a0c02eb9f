namespace CollabInsights.Anomalies.Ml;

/// <summary>How much one feature adds to a payment's anomaly score: its share of the squared distance to the nearest cluster centre, and its raw value.</summary>
public sealed record FeatureContribution(string Feature, double Share, double Value);

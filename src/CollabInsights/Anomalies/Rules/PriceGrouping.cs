namespace CollabInsights.Anomalies.Rules;

/// <summary>Which prices <see cref="PriceOutlierRule"/> compares a price with.</summary>
public enum PriceGrouping
{
    /// <summary>Prices of metrics with the same definition (metric type) when enough exist, otherwise the same policy sector.</summary>
    MetricTypeThenSector,

    /// <summary>Prices of metrics in the same policy sector.</summary>
    PolicySector,
}

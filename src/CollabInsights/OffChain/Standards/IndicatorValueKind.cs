namespace CollabInsights.OffChain.Standards;

/// <summary>What an <see cref="IndicatorValue"/> states about a result indicator or metric.</summary>
public enum IndicatorValueKind
{
    /// <summary>The value before the activity started (IATI <c>baseline</c>).</summary>
    Baseline,

    /// <summary>The value aimed for in a period (IATI <c>target</c>; OCDS <c>agreedMetrics</c>, <c>tender.targets</c>).</summary>
    Target,

    /// <summary>The value achieved in a period (IATI <c>actual</c>; OCDS <c>implementation.metrics</c> observations).</summary>
    Actual,
}

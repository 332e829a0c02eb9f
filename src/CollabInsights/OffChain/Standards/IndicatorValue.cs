using CollabInsights.Domain;

namespace CollabInsights.OffChain.Standards;

/// <summary>
/// One baseline, target or actual value of a result indicator (IATI) or metric (OCDS Metrics extension), per period. The
/// actuals are also in <see cref="CollabDataset.Results"/> as <see cref="OutcomeResult"/>s; baselines and targets are only here.
/// </summary>
/// <param name="ProjectId">The IATI activity identifier or OCDS ocid.</param>
/// <param name="MetricId">The indicator or metric id, unique within the project (see <see cref="StandardsSource"/> for how it is built).</param>
/// <param name="Kind">Baseline, target or actual.</param>
/// <param name="PeriodStart">Start of the period (for a baseline, its date or year).</param>
/// <param name="PeriodEnd">End of the period.</param>
/// <param name="Value">The number, when the value is numeric.</param>
/// <param name="Text">The value as written.</param>
/// <param name="Provenance">Where it was read.</param>
public sealed record IndicatorValue(string ProjectId, string MetricId, IndicatorValueKind Kind, PartialDate? PeriodStart, PartialDate? PeriodEnd, decimal? Value, string? Text, Provenance Provenance);

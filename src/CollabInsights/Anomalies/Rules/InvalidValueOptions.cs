using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="InvalidValueRule"/>.</summary>
/// <param name="MinimumSeverity">The least severe loader problem surfaced as a flag (default <see cref="ProblemSeverity.Invalid"/>: values that could not be used; warnings are normalisations and are left out).</param>
public sealed record InvalidValueOptions(ProblemSeverity MinimumSeverity = ProblemSeverity.Invalid);

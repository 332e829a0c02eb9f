using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>results_inconsistent</c>: result figures that cannot all be true: more outcomes achieved than people
/// engaged, negative counts, or a period that ends before it starts.
/// </summary>
public sealed class ResultsInconsistentRule(ResultsInconsistentOptions? options = null) : IAnomalyRule
{
    private readonly ResultsInconsistentOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.ResultsInconsistent;

    /// <inheritdoc />
    public string Description => "Outcomes achieved greater than the number engaged, negative counts, or a period ending before it starts.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var r in dataset.Results)
        {
            var what = $"The result for {r.MetricId ?? "an unstated metric"} over {Text.Period(r.PeriodStart, r.PeriodEnd)}";
            if (_options.CheckAchievedAboveEngaged && r.OutcomesAchieved is { } a && r.NumberEngaged is { } e && e >= 0 && a > e)
            {
                var ratio = e == 0 ? 1.0 : (double)((a - e) / e);
                yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.6 + (0.4 * Math.Min(1, ratio)),
                    $"{what} reports {Text.Number(a)} outcomes achieved but only {Text.Number(e)} people engaged: more outcomes than participants is impossible.");
            }
            else if (_options.CheckNegative && (r.OutcomesAchieved < 0 || r.NumberEngaged < 0))
            {
                yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.9,
                    $"{what} reports a negative count (outcomes achieved {Text.Number(r.OutcomesAchieved ?? 0)}, engaged {Text.Number(r.NumberEngaged ?? 0)}).");
            }
            else if (_options.CheckPeriodOrder && r.PeriodStart is { } s && r.PeriodEnd is { } end && end.LastDay < s.FirstDay)
            {
                yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.7,
                    $"{what} ends ({end}) before it starts ({s}).");
            }
        }
    }
}

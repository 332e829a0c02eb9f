using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>results_inconsistent</c>: result figures that cannot all be true: a count of the results layout above the
/// number engaged (outcomes achieved, people with positive outcomes: <see cref="CountsBoundedByEngaged"/>), negative counts,
/// or a period that ends before it starts. One flag per result, naming every count that exceeds.
/// </summary>
public sealed class ResultsInconsistentRule(ResultsInconsistentOptions? options = null) : IAnomalyRule
{
    private readonly ResultsInconsistentOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.ResultsInconsistent;

    /// <inheritdoc />
    public string Description => "A count of the results layout (outcomes achieved, people with positive outcomes) greater than the number engaged, negative counts, or a period ending before it starts.";

    /// <summary>
    /// The count columns of a result that cannot exceed the people engaged, with the words a reason uses for each: outcomes achieved
    /// and people with a positive social outcome (INDIGO's <c>Number with Positive social outcomes</c>).
    /// </summary>
    public static IReadOnlyList<(string Name, decimal? Value)> CountsBoundedByEngaged(OutcomeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [("outcomes achieved", result.OutcomesAchieved), ("people with positive outcomes", result.NumberWithPositiveOutcomes)];
    }

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var r in dataset.Results)
        {
            var what = $"The result for {r.MetricId ?? "an unstated metric"} over {Text.Period(r.PeriodStart, r.PeriodEnd)}";
            var counts = CountsBoundedByEngaged(r);
            var above = r.NumberEngaged is { } e && e >= 0 ? counts.Where(c => c.Value > e).Select(c => (c.Name, Value: c.Value!.Value)).ToList() : [];
            if (_options.CheckAchievedAboveEngaged && above.Count > 0)
            {
                var engaged = r.NumberEngaged!.Value;
                var worst = above.Max(c => c.Value);
                var ratio = engaged == 0 ? 1.0 : (double)((worst - engaged) / engaged);
                yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.6 + (0.4 * Math.Min(1, ratio)),
                    $"{what} reports {string.Join(" and ", above.Select(c => $"{Text.Number(c.Value)} {c.Name}"))} but only {Text.Number(engaged)} people engaged: "
                    + "no count of outcomes or of people can exceed the participants.");
            }
            else if (_options.CheckNegative && (r.NumberEngaged < 0 || counts.Any(c => c.Value < 0)))
            {
                var listed = string.Join(", ", counts.Where(c => c.Value is not null).Select(c => $"{c.Name} {Text.Number(c.Value!.Value)}"));
                yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.9,
                    $"{what} reports a negative count ({(listed.Length > 0 ? listed + ", " : string.Empty)}engaged {Text.Number(r.NumberEngaged ?? 0)}).");
            }
            else if (_options.CheckPeriodOrder && r.PeriodStart is { } s && r.PeriodEnd is { } end && end.LastDay < s.FirstDay)
            {
                yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.7,
                    $"{what} ends ({end}) before it starts ({s}).");
            }
        }
    }
}

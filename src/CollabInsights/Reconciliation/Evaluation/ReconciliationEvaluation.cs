using CollabInsights.Domain;
using CollabInsights.Scenarios;

namespace CollabInsights.Reconciliation.Evaluation;

/// <summary>
/// Scores a reconciliation against a scenario's planted chain differences
/// (<see cref="ScenarioGroundTruth.ChainDifferences"/>): per class, precision and recall; the differences it missed
/// and the entries nobody planted. An entry finds a difference when class, record type, project and metric agree and,
/// when the entry has an off-chain row, it is the difference's row.
/// </summary>
/// <param name="Scores">Per class other than <c>matched</c>: planted, found, true positives, precision and recall.</param>
/// <param name="Matched">Records that matched.</param>
/// <param name="Missed">Planted differences no entry found in their class.</param>
/// <param name="Unexpected">Non-matched entries that are no planted difference (false positives).</param>
/// <param name="Found">Each entry that found a planted difference (keyed by the entry instance of the evaluated result), with that difference.</param>
public sealed record ReconciliationEvaluation(
    IReadOnlyList<ReconciliationClassScore> Scores,
    long Matched,
    IReadOnlyList<ScenarioChainDifference> Missed,
    IReadOnlyList<ReconciliationEntry> Unexpected,
    IReadOnlyDictionary<ReconciliationEntry, ScenarioChainDifference> Found)
{
    /// <summary>True when every planted difference was found in its class and no other record failed to match.</summary>
    public bool Exact => Missed.Count == 0 && Unexpected.Count == 0;

    /// <summary>Evaluates <paramref name="result"/> against <paramref name="differences"/>.</summary>
    public static ReconciliationEvaluation Evaluate(ReconciliationResult result, IReadOnlyList<ScenarioChainDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(differences);
        var open = differences.ToList();
        var found = new Dictionary<ReconciliationEntry, ScenarioChainDifference>(ReferenceEqualityComparer.Instance);
        var unexpected = new List<ReconciliationEntry>();
        foreach (var entry in result.Entries.Where(e => e.Class != ReconciliationClass.Matched))
        {
            var index = open.FindIndex(d => d.Kind == entry.Class && d.RecordType == entry.RecordType && d.Project == entry.Project
                && string.Equals(d.Metric, entry.Metric, StringComparison.Ordinal)
                && (entry.OffChain is not FileProvenance f || (f.File == d.File && f.Row == d.Row)));
            if (index < 0)
            {
                unexpected.Add(entry);
                continue;
            }

            found[entry] = open[index];
            open.RemoveAt(index);
        }

        var scores = Enum.GetValues<ReconciliationClass>().Where(c => c != ReconciliationClass.Matched).Select(c => new ReconciliationClassScore(
            c,
            differences.Count(d => d.Kind == c),
            (int)result.Counts.GetValueOrDefault(c),
            found.Count(kv => kv.Key.Class == c))).ToList();
        return new ReconciliationEvaluation(scores, result.Counts.GetValueOrDefault(ReconciliationClass.Matched), open, unexpected, found);
    }
}

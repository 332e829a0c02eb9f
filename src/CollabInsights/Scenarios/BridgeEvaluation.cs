using System.Text.Json.Serialization;
using CollabInsights.Carbon.Bridge;

namespace CollabInsights.Scenarios;

/// <summary>
/// Scores a <see cref="BridgeReconciliation"/> against a scenario's planted differences: per kind precision and recall, the
/// planted differences no flag found, and the flags nobody planted. A flag finds a planted difference of its kind when it
/// names the same record; for the pair kinds (<c>double_bridge</c>, <c>double_claim</c>) when it names the same two records,
/// in either order.
/// </summary>
public sealed record BridgeEvaluation(
    [property: JsonPropertyName("scores")] IReadOnlyList<BridgeKindScore> Scores,
    [property: JsonPropertyName("missed")] IReadOnlyList<BridgePlantedDifference> Missed,
    [property: JsonPropertyName("unexpected")] IReadOnlyList<BridgeFlag> Unexpected)
{
    /// <summary>True when every planted difference was found and nothing else was flagged.</summary>
    [JsonPropertyName("exact")]
    public bool Exact => Missed.Count == 0 && Unexpected.Count == 0;

    /// <summary>Evaluates <paramref name="result"/> against <paramref name="planted"/>, naming planted records through <paramref name="seeds"/>.</summary>
    public static BridgeEvaluation Evaluate(BridgeReconciliation result, IReadOnlyList<BridgePlantedDifference> planted, IReadOnlyList<BridgeSeedResult> seeds)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(seeds);
        var open = planted.Select(p => (Planted: p, Subject: p.Subject.Resolve(seeds), Related: p.Related?.Resolve(seeds))).ToList();
        var unexpected = new List<BridgeFlag>();
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var flag in result.Flags)
        {
            var pair = flag.Kind is BridgeFlagKinds.DoubleBridge or BridgeFlagKinds.DoubleClaim;
            var index = open.FindIndex(o => o.Planted.Kind == flag.Kind && (pair
                ? (o.Subject == flag.Subject && o.Related == flag.Related) || (o.Subject == flag.Related && o.Related == flag.Subject)
                : o.Subject == flag.Subject));
            if (index < 0)
            {
                unexpected.Add(flag);
                continue;
            }

            truePositives[flag.Kind] = truePositives.GetValueOrDefault(flag.Kind) + 1;
            open.RemoveAt(index);
        }

        var scores = BridgeFlagKinds.All.Select(k => new BridgeKindScore(k, planted.Count(p => p.Kind == k), result.Flags.Count(f => f.Kind == k), truePositives.GetValueOrDefault(k))).ToList();
        return new BridgeEvaluation(scores, open.Select(o => o.Planted).ToList(), unexpected);
    }
}

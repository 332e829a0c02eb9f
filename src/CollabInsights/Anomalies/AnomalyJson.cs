using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies;

/// <summary>
/// The one JSON form of a list of flags, shared by <c>collab anomalies --json</c> and the demo's <c>anomalies.json</c>:
/// <c>{"flags": [{kind, project, file, row, tx, log_index, score, reason}], "counts": {kind: n}}</c>, indented, kinds in ordinal order.
/// </summary>
public static class AnomalyJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>Number of flags of each kind, in ordinal order of the kind.</summary>
    public static IReadOnlyDictionary<string, int> Counts(IEnumerable<Flag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in flags)
        {
            counts[f.Kind] = counts.GetValueOrDefault(f.Kind) + 1;
        }

        return counts;
    }

    /// <summary>Serializes <paramref name="flags"/> with their <see cref="Counts"/> (no trailing newline).</summary>
    public static string Serialize(IReadOnlyList<Flag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return JsonSerializer.Serialize(new Document(flags, Counts(flags)), Options);
    }

    private sealed record Document(
        [property: JsonPropertyName("flags")] IReadOnlyList<Flag> Flags,
        [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts);
}

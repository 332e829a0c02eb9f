using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>
/// The one JSON form of a list of flags, shared by <c>collab anomalies --json</c> and the demo's <c>anomalies.json</c>:
/// <c>{"flags": [{kind, project, file, row, tx, log_index, score, reason}], "counts": {kind: n}, "anomaly_flags": {...}, "data_quality": {...}}</c>,
/// indented, kinds in ordinal order. <c>flags</c> and <c>counts</c> hold every flag; <c>anomaly_flags</c> counts the anomaly flags alone
/// (every kind but the data-quality ones, <see cref="FlagKinds.IsDataQuality"/>) and <c>data_quality</c> the loader's problems
/// (<see cref="DataQualitySummary"/>): counts by severity and by category, and each problem with its file, row, column and value.
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

    /// <summary>
    /// Serializes <paramref name="flags"/> with their <see cref="Counts"/>, the anomaly flags' own counts, and the data-quality section from
    /// <paramref name="problems"/> (the loader's; without them the section counts the data-quality flags only). No trailing newline.
    /// </summary>
    public static string Serialize(IReadOnlyList<Flag> flags, IReadOnlyList<DataProblem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var anomalies = flags.Where(f => !FlagKinds.IsDataQuality(f.Kind)).ToList();
        var quality = problems is null ? null : DataQualitySummary.Of(problems);
        var section = new DataQualitySection(
            flags.Count - anomalies.Count,
            quality?.Problems.Count,
            quality?.Invalid,
            quality?.Warnings,
            quality?.ByCategory ?? new Dictionary<string, int>(),
            quality?.Problems.Select(p => new Finding(p.File, p.Row, p.Column, p.Value, p.Severity == ProblemSeverity.Invalid ? "invalid" : "warning", p.Message)).ToList() ?? []);
        return JsonSerializer.Serialize(new Document(flags, Counts(flags), new AnomalySection(anomalies.Count, Counts(anomalies)), section), Options);
    }

    private sealed record Document(
        [property: JsonPropertyName("flags")] IReadOnlyList<Flag> Flags,
        [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
        [property: JsonPropertyName("anomaly_flags")] AnomalySection AnomalyFlags,
        [property: JsonPropertyName("data_quality")] DataQualitySection DataQuality);

    private sealed record AnomalySection(
        [property: JsonPropertyName("count")] int Count,
        [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts);

    private sealed record DataQualitySection(
        [property: JsonPropertyName("invalid_value_flags")] int InvalidValueFlags,
        [property: JsonPropertyName("problems")] int? Problems,
        [property: JsonPropertyName("invalid")] int? Invalid,
        [property: JsonPropertyName("warnings")] int? Warnings,
        [property: JsonPropertyName("counts_by_category")] IReadOnlyDictionary<string, int> CountsByCategory,
        [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings);

    private sealed record Finding(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("row")] int Row,
        [property: JsonPropertyName("column")] string Column,
        [property: JsonPropertyName("value")] string Value,
        [property: JsonPropertyName("severity")] string Severity,
        [property: JsonPropertyName("message")] string Message);
}

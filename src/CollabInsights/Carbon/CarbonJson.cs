using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Domain;

namespace CollabInsights.Carbon;

/// <summary>
/// The JSON form of <c>collab carbon check --json</c>:
/// <c>{"flags": [{kind, registry, project, file, row, reason, related}], "counts": {kind: n}, "rules": {kind: description},
/// "loaded": {registry: {projects, issuances, blocks}}, "problems": [{file, row, column, value, message, severity}]}</c>, indented.
/// </summary>
public static class CarbonJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>Serializes the flags of <paramref name="dataset"/> with their counts, the rules, what was loaded, and the data problems.</summary>
    public static string Serialize(IReadOnlyList<CarbonFlag> flags, CarbonDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(problems);
        var loaded = dataset.Registries.ToDictionary(
            r => r,
            r => new Loaded(dataset.Projects.Count(p => p.Registry == r), dataset.Issuances.Count(i => i.Registry == r), dataset.Blocks.Count(b => b.Registry == r)));
        var document = new Document(
            flags,
            CarbonRules.Counts(flags),
            CarbonFlagKinds.All.ToDictionary(k => k, CarbonFlagKinds.Describe),
            loaded,
            problems.Select(p => new Problem(p.File, p.Row, p.Column, p.Value, p.Message, p.Severity == ProblemSeverity.Invalid ? "invalid" : "warning")).ToList());
        return JsonSerializer.Serialize(document, Options);
    }

    private sealed record Document(
        [property: JsonPropertyName("flags")] IReadOnlyList<CarbonFlag> Flags,
        [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
        [property: JsonPropertyName("rules")] IReadOnlyDictionary<string, string> Rules,
        [property: JsonPropertyName("loaded")] IReadOnlyDictionary<string, Loaded> Loaded,
        [property: JsonPropertyName("problems")] IReadOnlyList<Problem> Problems);

    private sealed record Loaded(
        [property: JsonPropertyName("projects")] int Projects,
        [property: JsonPropertyName("issuances")] int Issuances,
        [property: JsonPropertyName("blocks")] int Blocks);

    private sealed record Problem(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("row")] int Row,
        [property: JsonPropertyName("column")] string Column,
        [property: JsonPropertyName("value")] string Value,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("severity")] string Severity);
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>
/// The JSON form of a <see cref="ForensicResult"/>: <c>{"amounts","tested","excluded","tests":[{test, scope, count, figure_name, figure,
/// threshold, passed, verdict, reason, digits, groups, rows}]}</c>, and its place in <c>collab anomalies --json</c> (key <c>forensic_tests</c>).
/// </summary>
public static class ForensicJson
{
    /// <summary>The key under which <c>collab anomalies --json</c> carries the forensic tests.</summary>
    public const string Key = "forensic_tests";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The result as indented JSON (no trailing newline).</summary>
    public static string Serialize(ForensicResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(result, Options);
    }

    /// <summary>Adds <paramref name="result"/> under <see cref="Key"/> to a JSON object document (the anomalies JSON), keeping everything else as it is.</summary>
    public static string AddTo(string json, ForensicResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        var node = JsonNode.Parse(json) as JsonObject ?? throw new CollabInsightsException("The anomalies JSON is not an object, so the forensic tests cannot be added to it.");
        node[Key] = JsonSerializer.SerializeToNode(result, Options);
        return node.ToJsonString(Options);
    }
}

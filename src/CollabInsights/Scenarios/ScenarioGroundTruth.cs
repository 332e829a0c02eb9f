using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollabInsights.Scenarios;

/// <summary>
/// What a generated scenario contains, written beside it as <c>ground-truth.json</c>: the options, row counts
/// per file, money totals per currency, the anomalies planted, and the deliberate differences between the books and the chain.
/// </summary>
public sealed record ScenarioGroundTruth
{
    /// <summary>File name of the ground truth in a scenario folder.</summary>
    public const string FileName = "ground-truth.json";

    /// <summary>Seed the scenario was generated with.</summary>
    public required int Seed { get; init; }

    /// <summary>Number of projects.</summary>
    public required int Projects { get; init; }

    /// <summary>The date the scenario is observed (ISO 8601).</summary>
    public required string AsOf { get; init; }

    /// <summary>Data rows per file (header excluded), by file name.</summary>
    public required IReadOnlyDictionary<string, int> Rows { get; init; }

    /// <summary>Sum of the maximum potential outcome payments committed, by currency.</summary>
    public required IReadOnlyDictionary<string, decimal> CommittedByCurrency { get; init; }

    /// <summary>Sum of actual outcome payments, by currency.</summary>
    public required IReadOnlyDictionary<string, decimal> ActualPaidByCurrency { get; init; }

    /// <summary>Sum of planned outcome payments, by currency.</summary>
    public required IReadOnlyDictionary<string, decimal> PlannedByCurrency { get; init; }

    /// <summary>Sum of outcomes achieved over every result row.</summary>
    public required decimal OutcomesAchieved { get; init; }

    /// <summary>Irregularities planted on purpose; empty for a clean scenario.</summary>
    public IReadOnlyList<ScenarioAnomaly> Anomalies { get; init; } = [];

    /// <summary>
    /// Deliberate differences between the books (the CSV files) and the chain written by <c>collab chain seed</c>,
    /// each with its off-chain row, class and the changed value; empty when the chain is to hold the books exactly.
    /// </summary>
    public IReadOnlyList<ScenarioChainDifference> ChainDifferences { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The ground truth as indented JSON with snake_case keys (dictionary keys sorted).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";

    /// <summary>Reads a ground truth written by <see cref="ToJson"/>.</summary>
    public static ScenarioGroundTruth FromJson(string json) =>
        JsonSerializer.Deserialize<ScenarioGroundTruth>(json, Json) ?? throw new CollabInsightsException($"{FileName} is empty.");
}

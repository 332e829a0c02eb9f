using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Benchmarks.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Benchmarks;

/// <summary>
/// Writes a <see cref="BenchmarkRun"/> as <c>results.json</c> (configuration, machine, one row
/// per backend x workload x N), <c>results.csv</c> (the rows, flat) and <c>report.html</c> (tables
/// and log-log charts of each metric against N, plotly.js inlined so it works offline).
/// </summary>
public static class BenchmarkReport
{
    /// <summary>JSON settings of <c>results.json</c>: snake_case names, indented, nulls kept out.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The CSV header of <c>results.csv</c>.</summary>
    public static readonly string[] CsvColumns =
    [
        "backend", "workload", "n", "rate_control", "succeeded", "failed", "send_rate_tps", "throughput_tps",
        "latency_min_ms", "latency_avg_ms", "latency_max_ms", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
        "confirmation_p50_ms", "confirmation_p95_ms", "bytes_per_record", "gas_per_record", "cost_per_record_usd",
        "verify_ms", "proof_kind", "proof_bytes", "tamper_detected", "note",
    ];

    /// <summary>Writes the three files into <paramref name="directory"/> (created if needed); returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(BenchmarkRun run, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "results.json");
        var csv = Path.Combine(directory, "results.csv");
        var html = Path.Combine(directory, "report.html");
        await File.WriteAllTextAsync(json, ToJson(run), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(csv, ToCsv(run), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(html, BenchHtml.Render(run), cancellationToken).ConfigureAwait(false);
        return [json, csv, html];
    }

    /// <summary>The run as <c>results.json</c> text.</summary>
    public static string ToJson(BenchmarkRun run) => JsonSerializer.Serialize(run, JsonOptions) + "\n";

    /// <summary>Reads a <c>results.json</c> written by <see cref="WriteAsync"/>.</summary>
    public static async Task<BenchmarkRun> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"Benchmark results not found at {path}. Pass the results.json that BenchmarkReport.WriteAsync writes for a benchmark run.");
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<BenchmarkRun>(stream, JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"{path} is empty; expected the results.json of a benchmark run (BenchmarkReport.WriteAsync).");
        }
        catch (JsonException ex)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"{path} is not the results.json of a benchmark run (BenchmarkReport.WriteAsync): {ex.Message}", ex);
        }
    }

    /// <summary>The rows as CSV (invariant culture, <see cref="CsvColumns"/> header).</summary>
    public static string ToCsv(BenchmarkRun run)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', CsvColumns)).Append('\n');
        foreach (var cells in Rows(run))
        {
            text.Append(string.Join(',', cells.Select(Quote))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The cells of each result row, in <see cref="CsvColumns"/> order, as <c>results.csv</c> and the HTML results table show them.</summary>
    internal static IEnumerable<string[]> Rows(BenchmarkRun run) => run.Results.Select(r => new[]
    {
        r.Backend, r.Workload, F(r.N), r.RateControl, F(r.Succeeded), F(r.Failed), F(r.SendRateTps), F(r.ThroughputTps),
        F(r.Latency.MinMs), F(r.Latency.AvgMs), F(r.Latency.MaxMs), F(r.Latency.P50Ms), F(r.Latency.P95Ms), F(r.Latency.P99Ms),
        F(r.ConfirmationLatency?.P50Ms), F(r.ConfirmationLatency?.P95Ms), F(r.BytesPerRecord), F(r.GasPerRecord), F(r.CostPerRecordUsd),
        F(r.VerifyMs), r.ProofKind ?? "", F(r.ProofBytes), r.TamperDetected is { } d ? (d ? "yes" : "no") : "", r.Note ?? "",
    });

    internal static string F(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    internal static string F(long value) => value.ToString(CultureInfo.InvariantCulture);

    // results.csv is for people (spreadsheets): formula-leading cells are neutralised; results.json keeps raw values.
    private static string Quote(string cell) => CsvText.Cell(cell);
}

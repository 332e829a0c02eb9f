using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>The offline HTML page of a benchmark run: machine, configuration, tables, and charts of each metric against N (log axes), with plotly.js inlined from the Plotly.NET assembly.</summary>
internal static class BenchHtml
{
    private static readonly (string Title, string Workload, Func<BenchmarkResult, double?> Value, string Unit)[] Charts =
    [
        ("Write throughput, one record per transaction", "write", r => r.ThroughputTps, "records/s"),
        ("Write throughput, batched", "write-batch", r => r.ThroughputTps, "records/s"),
        ("Write latency p95 (chain: submit to inclusion)", "write", r => r.Latency.P95Ms, "ms"),
        ("Write latency to confirmation depth, p50", "write", r => r.ConfirmationLatency?.P50Ms, "ms"),
        ("Point lookup latency p50", "point-lookup", r => r.Latency.P50Ms, "ms"),
        ("Range query latency p50", "range-query", r => r.Latency.P50Ms, "ms"),
        ("Aggregate (paid per funder) latency avg", "aggregate", r => r.Latency.AvgMs, "ms"),
        ("Storage per record", "write-batch", r => r.BytesPerRecord, "bytes"),
        ("Gas per record", "write", r => r.GasPerRecord, "gas"),
        ("Cost per record", "write", r => r.CostPerRecordUsd, "USD"),
        ("Time to verify one record's proof", "audit-proof", r => r.VerifyMs, "ms"),
    ];

    public static string Render(BenchmarkRun run)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CollabInsights benchmark: blockchain versus database</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;font-size:13px;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}td.t{text-align:left}.chart{width:640px;height:400px;display:inline-block}pre{background:#f7f7f7;padding:1em;overflow:auto}</style>\n");
        html.Append("<script>").Append(PlotlyJs()).Append("</script>\n</head><body>\n");
        html.Append("<h1>Blockchain versus database: outcome-record benchmark</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Run {run.StartedUtc:yyyy-MM-dd HH:mm:ss}Z to {run.FinishedUtc:HH:mm:ss}Z. Rate control: {E(run.Options.Rate.Kind)} ({(run.Options.Rate.RateTps is { } tps ? F(tps) + " tps" : run.Options.Rate.Clients + " client(s)")}). Metrics as Hyperledger Caliper reports them; latencies in milliseconds; rates in operations (records for writes) per second.</p>\n");

        html.Append("<h2>Machine</h2>\n<table>");
        var m = run.Machine;
        foreach (var (k, v) in new[] { ("CPU", m.CpuModel), ("Logical cores", m.LogicalCores.ToString(CultureInfo.InvariantCulture)), ("Memory", F(m.MemoryBytes / 1024.0 / 1024 / 1024) + " GiB"), ("OS", m.Os), (".NET", m.DotNet), ("Architecture", m.Architecture) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(k)}</th><td class=\"t\">{E(v)}</td></tr>");
        }

        html.Append("</table>\n<h2>Tampering</h2>\n<p>One record's amount was changed directly in storage (raw SQL, or a raw storage write on the chain), then the backend's own check ran. Plain tables keep no integrity evidence and cannot detect the change.</p>\n<table><tr><th>Backend</th><th>N</th><th>Detected</th><th>Explanation</th></tr>");
        foreach (var r in run.Results.Where(r => r.Workload == "tamper"))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"t\">{E(r.Backend)}</td><td>{r.N}</td><td>{(r.TamperDetected == true ? "yes" : "no")}</td><td class=\"t\">{E(r.Note ?? "")}</td></tr>");
        }

        html.Append("</table>\n<h2>Charts</h2>\n");
        var chartNo = 0;
        foreach (var (title, workload, value, unit) in Charts)
        {
            var traces = run.Results.Where(r => r.Workload == workload && value(r) is > 0)
                .GroupBy(r => r.Backend)
                .Select(g => new { type = "scatter", mode = "lines+markers", name = g.Key, x = g.Select(r => r.N).ToArray(), y = g.Select(r => value(r)!.Value).ToArray() })
                .ToList();
            if (traces.Count == 0)
            {
                continue;
            }

            var layout = new { title = new { text = title }, xaxis = new { title = new { text = "N (records)" }, type = "log" }, yaxis = new { title = new { text = unit }, type = "log" }, margin = new { l = 60, r = 20, t = 50, b = 50 } };
            var id = "chart" + (++chartNo).ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"chart\" id=\"{id}\"></div><script>Plotly.newPlot('{id}',{JsonSerializer.Serialize(traces)},{JsonSerializer.Serialize(layout)},{{staticPlot:false,displaylogo:false}});</script>\n");
        }

        html.Append("<h2>Results</h2>\n<table><tr>");
        foreach (var column in BenchmarkReport.CsvColumns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(column)}</th>");
        }

        html.Append("</tr>\n");
        foreach (var line in BenchmarkReport.ToCsv(run).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            html.Append("<tr>");
            foreach (var cell in SplitCsv(line))
            {
                var numeric = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                html.Append(numeric ? "<td>" : "<td class=\"t\">").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n<h2>Configuration (reproduce with the same options)</h2>\n<pre>")
            .Append(E(JsonSerializer.Serialize(run.Options, BenchmarkReport.JsonOptions)))
            .Append("</pre>\n</body></html>\n");
        return html.ToString();
    }

    private static IEnumerable<string> SplitCsv(string line)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        yield return cell.ToString();
    }

    private static string PlotlyJs()
    {
        var assembly = Assembly.Load("Plotly.NET");
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new CollabInsightsException("plotly.js is not embedded in the Plotly.NET assembly; the offline report needs Plotly.NET 6.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

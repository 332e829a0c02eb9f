using System.Globalization;
using System.Text;
using System.Text.Json;
using CollabInsights.Reporting;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>The offline HTML page of a benchmark run: machine, configuration, tables, and charts of each metric against N (log axes), with plotly.js inlined from the Plotly.NET assembly.</summary>
internal static class BenchHtml
{
    private static readonly (string Title, string Workload, Func<BenchmarkResult, double?> Value, string Unit)[] Charts =
    [
        ("Write throughput, one record per transaction", BenchmarkWorkloads.Write, r => r.ThroughputTps, "records/s"),
        ("Write throughput, batched", BenchmarkWorkloads.WriteBatch, r => r.ThroughputTps, "records/s"),
        ("Write latency p95 (chain: submit to inclusion)", BenchmarkWorkloads.Write, r => r.Latency.P95Ms, "ms"),
        ("Write latency to confirmation depth, p50", BenchmarkWorkloads.Write, r => r.ConfirmationLatency?.P50Ms, "ms"),
        ("Point lookup latency p50", BenchmarkWorkloads.PointLookup, r => r.Latency.P50Ms, "ms"),
        ("Range query latency p50", BenchmarkWorkloads.RangeQuery, r => r.Latency.P50Ms, "ms"),
        ("Aggregate (paid per funder) latency avg", BenchmarkWorkloads.Aggregate, r => r.Latency.AvgMs, "ms"),
        ("Storage per record", BenchmarkWorkloads.WriteBatch, r => r.BytesPerRecord, "bytes"),
        ("Gas per record", BenchmarkWorkloads.Write, r => r.GasPerRecord, "gas"),
        ("Cost per record", BenchmarkWorkloads.Write, r => r.CostPerRecordUsd, "USD"),
        ("Time to verify one record's proof", BenchmarkWorkloads.AuditProof, r => r.VerifyMs, "ms"),
    ];

    public static string Render(BenchmarkRun run)
    {
        var report = new HtmlReport("Blockchain versus database: outcome-record benchmark");
        var rate = run.Options.Rate.RateTps is { } tps ? F(tps) + " operations/s" : run.Options.Rate.Clients.ToString(CultureInfo.InvariantCulture) + " concurrent client(s)";
        report.AddMarkdown(
            string.Create(CultureInfo.InvariantCulture, $"Run {run.StartedUtc:yyyy-MM-dd HH:mm:ss}Z to {run.FinishedUtc:yyyy-MM-dd HH:mm:ss}Z{(run.Parts is { Count: > 0 } p ? $" (merged from {p.Count} runs, listed under Configuration)" : "")}. Rate control: {run.Options.Rate.Kind}, {rate}. ") +
            "Metrics as Hyperledger Caliper reports them (succeeded, failed, send rate, throughput, latency min/avg/max/p50/p95/p99); " +
            "latencies in milliseconds, rates in operations per second (records per second for writes). " +
            string.Create(CultureInfo.InvariantCulture, $"Cost per record at {run.Options.GasPriceGwei} gwei and {run.Options.EthPriceUsd} USD per ETH."));

        var m = run.Machine;
        report.AddHeading("Machine");
        report.AddTable(new[]
        {
            new { Property = "CPU", Value = m.CpuModel },
            new { Property = "Logical cores", Value = m.LogicalCores.ToString(CultureInfo.InvariantCulture) },
            new { Property = "Memory", Value = F(m.MemoryBytes / 1024.0 / 1024 / 1024) + " GiB" },
            new { Property = "OS", Value = m.Os },
            new { Property = ".NET", Value = m.DotNet },
            new { Property = "Architecture", Value = m.Architecture },
        });

        report.AddHeading("Tampering");
        report.AddMarkdown("One record's amount was changed directly in storage (raw SQL on the tables; a raw storage write on the chain), then the backend's own check ran. **Plain tables keep no integrity evidence and cannot detect the change.**");
        report.AddTable(run.Results.Where(r => r.Workload is BenchmarkWorkloads.Tamper or BenchmarkWorkloads.TamperInsider).Select(r => new { r.Backend, r.Workload, r.N, Detected = r.TamperDetected == true ? "yes" : "no", Explanation = r.Note ?? "" }), previewRows: 1000);

        report.AddHeading("Charts (log axes)");
        foreach (var (title, workload, value, unit) in Charts)
        {
            var series = run.Results.Where(r => r.Workload == workload && value(r) is > 0).GroupBy(r => r.Backend).ToList();
            if (series.Count == 0)
            {
                continue;
            }

            var chart = Plotly.NET.CSharp.Chart.Combine(series.Select(g => Plotly.NET.CSharp.Chart.Line<double, double, string>(
                    g.Select(r => (double)r.N), g.Select(r => value(r)!.Value), ShowMarkers: true, Name: g.Key)))
                .WithXAxisStyle<double, double, string>(TitleText: "N (records)", AxisType: StyleParam.AxisType.Log)
                .WithYAxisStyle<double, double, string>(TitleText: unit, AxisType: StyleParam.AxisType.Log)
                .WithSize(640, 420);
            report.AddChart(chart, title);
        }

        report.AddHeading("Results");
        report.AddHtml(ResultsTable(run));
        if (run.Parts is { Count: > 0 } parts)
        {
            report.AddHeading("Configuration: this report merges separate runs (run each again with its options to reproduce its rows)");
            foreach (var part in parts)
            {
                report.AddMarkdown(string.Create(CultureInfo.InvariantCulture, $"`{part.Source}`: {string.Join(", ", part.Options.Backends)} at N = {string.Join(", ", part.Options.Sizes)}, run {part.StartedUtc:yyyy-MM-dd HH:mm:ss}Z to {part.FinishedUtc:yyyy-MM-dd HH:mm:ss}Z."));
                report.AddHtml("<pre>" + HtmlTable.Escape(JsonSerializer.Serialize(part.Options, BenchmarkReport.JsonOptions)) + "</pre>\n");
            }
        }
        else
        {
            report.AddHeading("Configuration (run again with these options to reproduce)");
            report.AddHtml("<pre>" + HtmlTable.Escape(JsonSerializer.Serialize(run.Options, BenchmarkReport.JsonOptions)) + "</pre>\n");
        }
        return report.ToHtml();
    }

    private static string ResultsTable(BenchmarkRun run)
    {
        var html = new StringBuilder("<table class=\"collab-table\"><thead><tr>");
        foreach (var column in BenchmarkReport.CsvColumns)
        {
            html.Append("<th>").Append(HtmlTable.Escape(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in BenchmarkReport.Rows(run))
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(HtmlTable.Escape(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

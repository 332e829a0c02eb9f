using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Benchmarks;
using CollabInsights.Domain;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab bench</c>: the blockchain-versus-database benchmark (<c>run</c>) and the harness-versus-peer check (<c>peers</c>).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Blockchain versus database: run the outcome-record workloads on each backend, and check the harness against pgbench and a plain SQLite loop.");
        command.Subcommands.Add(CreateRun());
        command.Subcommands.Add(CreateMerge());
        command.Subcommands.Add(CreatePeers());
        command.Subcommands.Add(BenchExtractCommand.Create());
        command.Subcommands.Add(BenchStandardsCommand.Create());
        return command;
    }

    private static Command CreateRun()
    {
        var backends = new Option<string>("--backends") { Description = "Comma-separated backends: " + string.Join(",", BenchmarkOptions.AllBackends) + ".", DefaultValueFactory = _ => string.Join(",", new BenchmarkOptions().Backends) };
        var sizes = new Option<string>("--n") { Description = "Comma-separated numbers of records N, e.g. 1000,10000 or 1e5.", DefaultValueFactory = _ => "1000,10000" };
        var workloads = new Option<string>("--workloads") { Description = "Comma-separated workloads: " + string.Join(",", BenchmarkOptions.AllWorkloads) + ".", DefaultValueFactory = _ => string.Join(",", BenchmarkOptions.AllWorkloads) };
        var output = new Option<string>("--out") { Description = "Folder for results.json, results.csv and report.html.", DefaultValueFactory = _ => "bench-results" };
        var rate = new Option<double?>("--rate") { Description = "Fixed-rate control: operations submitted per second (open loop)." };
        var clients = new Option<int>("--clients") { Description = "Fixed-load control: concurrent clients (closed loop).", DefaultValueFactory = _ => 1 };
        var duration = new Option<double?>("--duration") { Description = "Stop each write workload after this many seconds (or at N, whichever first)." };
        var batch = new Option<int>("--batch") { Description = "Records per transaction in the write-batch workload.", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "Seed of the workload generator.", DefaultValueFactory = _ => 42 };
        var gasPrice = new Option<decimal>("--gas-price-gwei") { Description = "Gas price for the cost per record, in gwei.", DefaultValueFactory = _ => 20m };
        var ethUsd = new Option<decimal>("--eth-usd") { Description = "ETH price for the cost per record, in US dollars.", DefaultValueFactory = _ => 3000m };
        var json = new Option<bool>("--json") { Description = "Print results.json to standard output instead of tables." };
        var command = new Command("run", "Run the workloads (write single and batched, point lookup, range query, aggregate per funder, audit proof, tamper test) on each backend at each N; write results.json, results.csv and an offline report.html.")
        {
            backends, sizes, workloads, output, rate, clients, duration, batch, seed, gasPrice, ethUsd, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var options = new BenchmarkOptions
            {
                Backends = SplitList(parseResult.GetValue(backends)!),
                Sizes = ParseSizes(parseResult.GetValue(sizes)!),
                Workloads = SplitList(parseResult.GetValue(workloads)!),
                Rate = parseResult.GetValue(rate) is { } tps ? RateControl.FixedRate(tps) : RateControl.FixedLoad(parseResult.GetValue(clients)),
                Duration = parseResult.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                BatchSize = parseResult.GetValue(batch),
                Seed = parseResult.GetValue(seed),
                GasPriceGwei = parseResult.GetValue(gasPrice),
                EthPriceUsd = parseResult.GetValue(ethUsd),
            };
            var console = CliCommand.ConsoleFor(writer);
            var quiet = parseResult.GetValue(json);
            var run = await WithProgressAsync(console, quiet, p => BenchmarkRunner.RunAsync(options, p, ct)).ConfigureAwait(false);
            await WriteAndShowAsync(run, parseResult.GetValue(output)!, quiet, writer, ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateMerge()
    {
        var runs = new Option<string>("--runs") { Description = "Comma-separated results.json files (or the folders holding them) of earlier `bench run`s, e.g. the databases and the chain at the same N.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for the merged results.json, results.csv and report.html.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the merged results.json to standard output instead of tables." };
        var command = new Command("merge", "Merge separate runs into one table and report. They must come from the same machine and configuration except backends, workloads and N, and must not measure the same row twice; each run's configuration is kept.")
        {
            runs, output, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var run = await BenchmarkMerge.MergeFilesAsync(SplitList(parseResult.GetValue(runs)!), ct).ConfigureAwait(false);
            await WriteAndShowAsync(run, parseResult.GetValue(output)!, parseResult.GetValue(json), parseResult.InvocationConfiguration.Output, ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreatePeers()
    {
        var n = new Option<string>("--n") { Description = "Records inserted per side per round (e.g. 10000 or 1e5).", DefaultValueFactory = _ => "10000" };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients on both sides of the PostgreSQL comparison.", DefaultValueFactory = _ => 4 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds; each runs both sides back to back, alternating which goes first. The ratio is the median of the per-round ratios.", DefaultValueFactory = _ => 3 };
        var peers = new Option<string>("--peers") { Description = "Comma-separated comparisons: postgres (vs pgbench), sqlite (vs a plain loop).", DefaultValueFactory = _ => "postgres,sqlite" };
        var pgbench = new Option<string?>("--pgbench") { Description = "Path of pgbench (default: PATH, then /usr/lib/postgresql/*/bin)." };
        var output = new Option<string?>("--out") { Description = "Folder for peers.json." };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON." };
        var command = new Command("peers", "Check the harness is not the bottleneck: our PostgreSQL inserts vs pgbench running the same INSERT with the same clients, and our SQLite inserts vs the same statements in a plain loop, in the same run. Goal: within 20%.")
        {
            n, clients, rounds, peers, pgbench, output, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var options = new PeerComparisonOptions
            {
                N = ParseSizes(parseResult.GetValue(n)!)[0],
                Clients = parseResult.GetValue(clients),
                Rounds = parseResult.GetValue(rounds),
                Peers = SplitList(parseResult.GetValue(peers)!),
                PgbenchPath = parseResult.GetValue(pgbench),
            };
            var console = CliCommand.ConsoleFor(writer);
            var quiet = parseResult.GetValue(json);
            var results = await PeerComparison.RunAsync(options, quiet ? null : CliCommand.Immediate<string>(console.WriteLine), ct).ConfigureAwait(false);
            var text = JsonSerializer.Serialize(new { options, machine = MachineDescription.Current(), results }, BenchmarkReport.JsonOptions) + "\n";
            if (parseResult.GetValue(output) is { } dir)
            {
                await CliCommand.WriteFileAsync(Path.Combine(dir, "peers.json"), text, ct).ConfigureAwait(false);
            }

            if (quiet)
            {
                await writer.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                var table = new Table().Title("Harness versus peer (insert throughput, records/s; medians over rounds)")
                    .AddColumn("Comparison").AddColumn("N").AddColumn("Clients").AddColumn("Ours").AddColumn("Peer").AddColumn("Ratio").AddColumn("Per round").AddColumn("Client CPU us/insert").AddColumn("Within 20%");
                foreach (var r in results)
                {
                    var cpu = r.OursCpuMicrosecondsPerInsert is { } o ? string.Create(CultureInfo.InvariantCulture, $"{o:0.0} vs {r.PeerCpuMicrosecondsPerInsert:0.0}") : "";
                    table.AddRow(Markup.Escape(r.Comparison), Num(r.N), Num(r.Clients), Num(r.OursMedianTps), Num(r.PeerMedianTps), r.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
                        string.Join(' ', r.RoundRatios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture))), cpu, r.WithinTolerance ? "yes" : "no");
                }

                console.Write(table);
            }

            return 0;
        });
        return command;
    }

    private static async Task<BenchmarkRun> WithProgressAsync(IAnsiConsole console, bool quiet, Func<IProgress<BenchmarkProgress>?, Task<BenchmarkRun>> run)
    {
        if (quiet)
        {
            return await run(null).ConfigureAwait(false);
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            return await run(new LineProgress(console)).ConfigureAwait(false);
        }

        return await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("starting");
                var overall = ctx.AddTask("overall");
                return await run(new TaskProgress(task, overall)).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    // Writes results.json, results.csv and report.html to outDir, then prints either results.json (--json) or the table and the files' paths.
    private static async Task WriteAndShowAsync(BenchmarkRun run, string outDir, bool json, TextWriter writer, CancellationToken ct)
    {
        var files = await BenchmarkReport.WriteAsync(run, outDir, ct).ConfigureAwait(false);
        if (json)
        {
            await writer.WriteAsync(BenchmarkReport.ToJson(run)).ConfigureAwait(false);
            return;
        }

        var console = CliCommand.ConsoleFor(writer);
        Render(console, run);
        foreach (var file in files)
        {
            console.WriteLine("wrote " + file);
        }
    }

    private static void Render(IAnsiConsole console, BenchmarkRun run)
    {
        var table = new Table().Title("Benchmark results (latency ms, rates per second)")
            .AddColumn("Backend").AddColumn("Workload").AddColumn("N").AddColumn("OK").AddColumn("Fail").AddColumn("Send").AddColumn("Thru")
            .AddColumn("p50").AddColumn("p95").AddColumn("p99").AddColumn("B/rec").AddColumn("Gas/rec").AddColumn("USD/rec").AddColumn("Verify ms").AddColumn("Tamper");
        foreach (var r in run.Results)
        {
            table.AddRow(r.Backend, r.Workload, Num(r.N), Num(r.Succeeded), Num(r.Failed), Num(r.SendRateTps), Num(r.ThroughputTps),
                Ms(r.Latency.P50Ms), Ms(r.Latency.P95Ms), Ms(r.Latency.P99Ms), Opt(r.BytesPerRecord), Opt(r.GasPerRecord), r.CostPerRecordUsd is { } c ? c.ToString("0.0000", CultureInfo.InvariantCulture) : "",
                r.VerifyMs is { } v ? Ms(v) : "", r.TamperDetected is { } d ? (d ? "detected" : "not detected") : "");
        }

        console.Write(table);
    }

    private static string Num(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value < 10 ? "0.###" : "#,0.#", CultureInfo.InvariantCulture);

    private static string Opt(double? value) => value is { } v ? Num(v) : "";

    internal static string[] SplitList(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static long[] ParseSizes(string text)
    {
        var sizes = SplitList(text).Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 1 && v == Math.Floor(v)
            ? (long)v
            : throw new CollabInsightsException($"'{s}' is not a number of records; use whole numbers such as 1000 or 1e5.")).ToArray();
        return sizes.Length > 0 ? sizes : throw new CollabInsightsException("Give at least one N, e.g. --n 1000.");
    }

    // Without a terminal (a log file, CI) each step prints a line at every tenth of its operations and when it ends,
    // so an hour-long step on a chain still shows how far it is and how fast it goes.
    private sealed class LineProgress(IAnsiConsole console) : IProgress<BenchmarkProgress>
    {
        private readonly Lock gate = new();
        private int step = -1;
        private long lastTenth = -1;
        private long started;

        public void Report(BenchmarkProgress value)
        {
            if (value.Total <= 0)
            {
                return;
            }

            lock (gate)
            {
                if (value.Step != step)
                {
                    (step, lastTenth, started) = (value.Step, 0, Stopwatch.GetTimestamp());
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{value.Step}/{value.Steps}] {value.Backend} {value.Workload} N={value.N}: {value.Total:N0} operations to run"));
                }

                var tenth = value.Done * 10 / value.Total;
                if (tenth <= lastTenth && value.Done != value.Total)
                {
                    return;
                }

                lastTenth = value.Done == value.Total ? long.MaxValue : tenth;
                var elapsed = Stopwatch.GetElapsedTime(started);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{value.Step}/{value.Steps}] {value.Backend} {value.Workload} N={value.N}: {value.Done:N0}/{value.Total:N0} operations, {elapsed.TotalSeconds:F0} s, {value.Done / Math.Max(elapsed.TotalSeconds, 1e-3):N0}/s"));
            }
        }
    }

    private sealed class TaskProgress(ProgressTask task, ProgressTask overall) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value)
        {
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{value.Backend} {value.Workload} N={value.N}");
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            overall.MaxValue = value.Steps;
            overall.Value = value.Step - 1 + (value.Total == 0 ? 0 : (double)value.Done / value.Total);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Anomalies;
using CollabInsights.Benchmarks;
using CollabInsights.Domain;
using CollabInsights.Linking;
using CollabInsights.OffChain;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Scenarios;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// <c>collab demo --out DIR</c>: the main job on embedded defaults. Runs <see cref="DemoCommand.Steps"/> in order
/// with a progress display: generate a scenario, load it, link funding to outcomes, write tables and report.
/// To add a step, append a <see cref="DemoStep"/> to <see cref="DemoCommand.Steps"/>; it reads what earlier steps
/// left in the <see cref="DemoContext"/> and records its outputs there.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The demo's steps, in order. Append new steps at the end.</summary>
    internal static IReadOnlyList<DemoStep> Steps() =>
    [
        new("Generate a scenario", async (ctx, ct) =>
        {
            var dir = Path.Combine(ctx.OutDir, "scenario");
            ctx.Scenario = await ScenarioGenerator.WriteAsync(ctx.ScenarioOptions, dir, ct).ConfigureAwait(false);
            ctx.ScenarioDirectory = dir;
            ctx.AddOutput("scenario (INDIGO CSV layout + ground-truth.json)", dir);
        }),
        new("Load the scenario", async (ctx, ct) =>
        {
            ctx.Load = await IndigoSource.LoadAsync(ctx.ScenarioDirectory!, cancellationToken: ct).ConfigureAwait(false);
        }),
        new("Link funding to outcomes", (ctx, _) =>
        {
            ctx.Links = FundingLinker.Link(ctx.Load!.Value);
            return Task.CompletedTask;
        }),
        new("Write tables and report", async (ctx, ct) =>
        {
            var outputs = await LinkReport.WriteAllAsync(
                ctx.Links!, ctx.OutDir,
                new LinkReportOptions { Source = $"generated scenario, seed {ctx.ScenarioOptions.Seed}, {ctx.ScenarioOptions.Projects} projects", Problems = ctx.Load!.Problems },
                ct).ConfigureAwait(false);
            ctx.AddOutput("funding-to-outcome report (offline HTML)", outputs.Report);
            ctx.AddOutput("linking tables (CSV and Parquet)", Path.GetDirectoryName(outputs.Tables[0])!);
        }),
        new("Flag anomalies (rules and ML.NET)", async (ctx, ct) =>
        {
            var flags = AnomalyDetection.Run(ctx.Load!);
            var path = Path.Combine(ctx.OutDir, "anomalies.json");
            // The same document `collab anomalies --data DIR --json` prints.
            await File.WriteAllTextAsync(path, Anomalies.Forensic.ForensicJson.AddTo(AnomalyJson.Serialize(flags, ctx.Load!.Problems), Anomalies.Forensic.ForensicTests.Run(ctx.Load!.Value)) + "\n", ct).ConfigureAwait(false);
            ctx.Items["flags"] = flags;
            var quality = flags.Count(f => FlagKinds.IsDataQuality(f.Kind));
            ctx.AddOutput($"anomaly flags ({(flags.Count - quality).ToString(CultureInfo.InvariantCulture)}, and {quality.ToString(CultureInfo.InvariantCulture)} data-quality findings apart; each with its row and reason)", path);
        }),
        new("Seed the scenario on a local Anvil chain and extract its events", async (ctx, ct) =>
        {
            await using var node = await AnvilNode.StartAsync(new AnvilOptions(), ct).ConfigureAwait(false);
            var seed = await LedgerSeeder.SeedAsync(ctx.Load!.Value, node.Web3, new LedgerSeedOptions { Differences = ctx.Scenario!.GroundTruth.ChainDifferences }, cancellationToken: ct).ConfigureAwait(false);
            await File.WriteAllTextAsync(
                Path.Combine(ctx.ScenarioDirectory!, OnChain.Extraction.LedgerRecords.SeedFileName),
                JsonSerializer.Serialize(ChainSeedCommand.ToJson(seed, node.Endpoint), CliCommand.IndentedJson) + "\n",
                ct).ConfigureAwait(false);
            var chainDir = Path.Combine(ctx.OutDir, "chain");
            if (Directory.Exists(chainDir))
            {
                Directory.Delete(chainDir, recursive: true);
            }

            var options = new ExtractionOptions
            {
                OutputDirectory = chainDir,
                Filter = EventFilter.ForAddresses(seed.LedgerAddress.ToLowerInvariant(), seed.TokenAddress.ToLowerInvariant()),
                FromBlock = seed.FromBlock,
                ToBlock = seed.ToBlock,
                Decoder = new AbiLogDecoder(CompiledContract.LedgerAndToken.Events),
                BlockTimestamps = true,
            };
            var summary = await new LogExtractor(new RpcLogSource(node.Endpoint), options).RunAsync(null, ct).ConfigureAwait(false);
            var tables = await ExtractionOutput.Open(chainDir).CompactAsync(cancellationToken: ct).ConfigureAwait(false);
            ctx.Items["seed"] = seed;
            ctx.Items["extraction"] = summary;
            ctx.AddOutput(string.Create(CultureInfo.InvariantCulture,
                $"on-chain events ({summary.LogsExtracted} logs from {seed.Transactions} transactions; ledger {seed.LedgerAddress}), Parquet"), tables);
        }),
        new("Reconcile the chain with the books", async (ctx, ct) =>
        {
            var (result, evaluation) = await ReconcileCommand.RunAsync(ctx.ScenarioDirectory!, Path.Combine(ctx.OutDir, "chain"), null, ct).ConfigureAwait(false);
            var dir = Path.Combine(ctx.OutDir, "reconciliation");
            await ReconcileCommand.WriteAsync(dir, result, evaluation, ct).ConfigureAwait(false);
            ctx.Items["reconciliation"] = result;
            var differences = result.Entries.Count(e => e.Class != Reconciliation.ReconciliationClass.Matched);
            var planted = evaluation?.Found.Count ?? 0;
            ctx.AddOutput(string.Create(CultureInfo.InvariantCulture,
                $"reconciliation ({result.Counts[Reconciliation.ReconciliationClass.Matched]} matched; {differences} differences, {planted} of them planted on purpose and found in their class; {evaluation?.Missed.Count ?? 0} planted missed)"),
                Path.Combine(dir, "reconciliation.json"));
        }),
        new("Benchmark blockchain against databases (small N)", async (ctx, ct) =>
        {
            var run = await BenchmarkRunner.RunAsync(
                new BenchmarkOptions
                {
                    Backends = ["sqlite", "hashchain-sqlite", "anvil"],
                    Sizes = [200],
                    LookupOperations = 100,
                    RangeOperations = 10,
                    AggregateOperations = 5,
                    ProofOperations = 10,
                },
                cancellationToken: ct).ConfigureAwait(false);
            await BenchmarkReport.WriteAsync(run, Path.Combine(ctx.OutDir, "bench"), ct).ConfigureAwait(false);
            ctx.AddOutput("benchmark: SQLite, hash-chained table, Anvil at N = 200 (results.json, CSV, HTML)", Path.Combine(ctx.OutDir, "bench"));
        }),
    ];

    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Folder for every output (scenario/, tables/, report.html).", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated scenario.", DefaultValueFactory = _ => 42 };
        var projects = new Option<int>("--projects") { Description = "Projects in the generated scenario.", DefaultValueFactory = _ => 20 };
        var command = new Command("demo", "Run the main job on embedded defaults: generate a scenario, load it, link funding to outcomes, write tables and an offline report, flag anomalies, seed the scenario on a local Anvil chain (with its planted differences from the books) and extract its events, reconcile the chain with the books, and benchmark the chain against SQLite at a small N.")
        {
            outDir, seed, projects,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var console = CliCommand.ConsoleFor(parseResult.InvocationConfiguration.Output);
            var ctx = new DemoContext(
                Path.GetFullPath(parseResult.GetValue(outDir)!),
                ScenarioOptions.Default with { Seed = parseResult.GetValue(seed), Projects = parseResult.GetValue(projects) },
                console);
            await RunAsync(ctx, Steps(), ct).ConfigureAwait(false);
            // Plain lines, not a table: a path wrapped inside a table cell cannot be copied.
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync("Outputs:").ConfigureAwait(false);
            foreach (var (what, where) in ctx.Outputs)
            {
                await output.WriteLineAsync($"  {what}: {where}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Runs <paramref name="steps"/> in order under one progress display; a failing step stops the run.</summary>
    internal static async Task RunAsync(DemoContext ctx, IReadOnlyList<DemoStep> steps, CancellationToken ct)
    {
        if (!ctx.Console.Profile.Capabilities.Interactive)
        {
            // A log or a pipe: one line when a step starts and one when it ends, as they happen.
            for (var i = 0; i < steps.Count; i++)
            {
                ctx.Console.MarkupLine(CultureInfo.InvariantCulture, "step {0}/{1}: {2} ...", i + 1, steps.Count, Markup.Escape(steps[i].Name));
                WriteDone(ctx, await RunStepAsync(ctx, steps[i], ct).ConfigureAwait(false));
            }

            return;
        }

        await ctx.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var tasks = steps.Select(s => progress.AddTask(s.Name, autoStart: false, maxValue: 1)).ToList();
                for (var i = 0; i < steps.Count; i++)
                {
                    tasks[i].StartTask();
                    await RunStepAsync(ctx, steps[i], ct).ConfigureAwait(false);
                    tasks[i].Value = 1;
                    tasks[i].StopTask();
                }
            }).ConfigureAwait(false);
        foreach (var timing in ctx.Timings)
        {
            WriteDone(ctx, timing);
        }
    }

    /// <summary>Runs one step and records how long it took in <see cref="DemoContext.Timings"/>.</summary>
    private static async Task<(string Name, TimeSpan Elapsed)> RunStepAsync(DemoContext ctx, DemoStep step, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        await step.Run(ctx, ct).ConfigureAwait(false);
        var timing = (step.Name, DateTime.UtcNow - started);
        ctx.Timings.Add(timing);
        return timing;
    }

    private static void WriteDone(DemoContext ctx, (string Name, TimeSpan Elapsed) timing) =>
        ctx.Console.MarkupLine(CultureInfo.InvariantCulture, "done: {0} ({1:0.0} s)", Markup.Escape(timing.Name), timing.Elapsed.TotalSeconds);
}

/// <summary>One named step of <c>collab demo</c>.</summary>
internal sealed record DemoStep(string Name, Func<DemoContext, CancellationToken, Task> Run);

/// <summary>What the demo's steps share: the output folder, the scenario options, and each step's results.</summary>
internal sealed class DemoContext(string outDir, ScenarioOptions scenarioOptions, IAnsiConsole console)
{
    /// <summary>Absolute folder for every output.</summary>
    public string OutDir { get; } = outDir;

    public ScenarioOptions ScenarioOptions { get; } = scenarioOptions;

    public IAnsiConsole Console { get; } = console;

    public GeneratedScenario? Scenario { get; set; }

    public string? ScenarioDirectory { get; set; }

    public LoadResult<CollabDataset>? Load { get; set; }

    public FundingLinkResult? Links { get; set; }

    /// <summary>Results of later steps, by name (for steps added by other capabilities).</summary>
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>What was written where, in order, printed at the end.</summary>
    public List<(string What, string Where)> Outputs { get; } = [];

    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = [];

    public void AddOutput(string what, string where) => Outputs.Add((what, where));
}

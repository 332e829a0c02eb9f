using System.CommandLine;
using System.Globalization;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Extraction;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab bench extract</c>: our log extraction (decoded, to Parquet) against <c>cast logs</c> on one Anvil chain.</summary>
internal static class BenchExtractCommand
{
    public static Command Create()
    {
        var events = new Option<long>("--events") { Description = "Transfer events to emit on the chain before timing.", DefaultValueFactory = _ => 200_000 };
        var perTx = new Option<int>("--per-tx") { Description = "Events emitted per transaction.", DefaultValueFactory = _ => 2_000 };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs of each tool (best one counts).", DefaultValueFactory = _ => 2 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight for our extractor.", DefaultValueFactory = _ => 4 };
        var rpc = new Option<string?>("--rpc") { Description = "Use this dev node (unlocked accounts) instead of starting Anvil." };
        var output = new Option<string>("--out") { Description = "Results file (JSON).", DefaultValueFactory = _ => "bench-extract.json" };
        var json = new Option<bool>("--json") { Description = "Print the results JSON to standard output too." };
        var command = new Command("extract", "Emit N events on one Anvil chain, then time a bare eth_getLogs of the range, 'cast logs --json' and our extractor (decoded, Parquet, final tables) in the same run; compare counts, values, logs/s and wall time.")
        {
            events, perTx, repeat, concurrency, rpc, output, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var options = new ExtractionBenchmarkOptions
            {
                Events = parseResult.GetValue(events),
                EventsPerTransaction = parseResult.GetValue(perTx),
                Repetitions = parseResult.GetValue(repeat),
                MaxConcurrency = parseResult.GetValue(concurrency),
            };
            var asJson = parseResult.GetValue(json);
            var progress = CliCommand.Immediate<string>(m =>
            {
                if (!asJson)
                {
                    console.WriteLine(m);
                }
            });
            ExtractionBenchmarkResult result;
            if (parseResult.GetValue(rpc) is { Length: > 0 } url)
            {
                result = await ExtractionBenchmark.RunAsync(url, options, progress, ct).ConfigureAwait(false);
            }
            else
            {
                await using var node = await AnvilNode.StartAsync(new AnvilOptions(), ct).ConfigureAwait(false);
                result = await ExtractionBenchmark.RunAsync(node.Url, options, progress, ct).ConfigureAwait(false);
            }

            var file = parseResult.GetValue(output)!;
            if (!await CliCommand.WriteJsonResultAsync(result, file, asJson, console, ct).ConfigureAwait(false))
            {
                foreach (var run in result.Runs)
                {
                    await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {run.Tool,-30} run {run.Repetition}: {run.Logs:N0} logs in {run.Seconds:N2} s = {run.LogsPerSecond:N0} logs/s ({run.Work})")).ConfigureAwait(false);
                }

                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Best: collab {result.OursBestLogsPerSecond:N0} logs/s, cast logs {result.CastBestLogsPerSecond:N0} logs/s (ratio {result.SpeedRatio:N2}); final tables in {result.OursWithTablesBestSeconds:N2} s against a bare eth_getLogs in {result.BareGetLogsBestSeconds:N2} s (ratio {result.WallTimeRatioToBareGetLogs:N2}); counts equal: {result.CountsEqual}, values equal: {result.ValuesEqual}. Results in {file}.")).ConfigureAwait(false);
            }

            return result.CountsEqual && result.ValuesEqual ? 0 : 1;
        });
        return command;
    }
}

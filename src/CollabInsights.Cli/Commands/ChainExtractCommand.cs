using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Rpc;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab chain extract</c>: every event of some contracts over a block range, as one table per event type.</summary>
internal static class ChainExtractCommand
{
    public static Command Create()
    {
        var rpc = new Option<string?>("--rpc") { Description = $"JSON-RPC URL of the node; default ${RpcEndpoint.EnvironmentVariable}." };
        var address = new Option<string[]>("--address") { Description = "A contract whose events to extract; repeat for more. Omit for every contract.", AllowMultipleArgumentsPerToken = false };
        var abi = new Option<string[]>("--abi")
        {
            Description = $"ABI JSON file (an ABI array or a compiler/Foundry artifact with an 'abi' key), or a built-in ABI: {string.Join(", ", BuiltInAbis.Names)}. Repeat to decode the events of several. Without it every log goes to the 'unknown' table.",
            AllowMultipleArgumentsPerToken = false,
        };
        var events = new Option<string?>("--events") { Description = "Comma-separated event names (or signatures) to keep; also filters eth_getLogs by their topic0." };
        var topic0 = new Option<string[]>("--topic0") { Description = "Only logs whose topic0 is one of these 32-byte hashes; repeat for more." };
        var from = new Option<long>("--from") { Description = "First block (inclusive).", DefaultValueFactory = _ => 0 };
        var to = new Option<string>("--to") { Description = "Last block (inclusive), or 'latest' (the head minus --confirmations).", DefaultValueFactory = _ => "latest" };
        var confirmations = new Option<int>("--confirmations") { Description = "Stay this many blocks behind the head.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "parquet, csv or sqlite.", DefaultValueFactory = _ => "parquet" };
        var timestamps = new Option<bool>("--block-timestamps") { Description = "Fill block_timestamp (one batched header request per chunk)." };
        var output = new Option<string>("--out") { Description = "Output folder: chunks/, checkpoint.json, summary.json and the merged tables/. Re-running resumes.", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => new ExtractionOptions { OutputDirectory = ".", Filter = EventFilter.ForAddresses() }.MaxConcurrency };
        var range = new Option<long>("--initial-range") { Description = "First eth_getLogs block range; it adapts.", DefaultValueFactory = _ => 1_000 };
        var maxRange = new Option<long>("--max-range") { Description = "Largest eth_getLogs block range.", DefaultValueFactory = _ => 100_000 };
        var chunkLogs = new Option<int>("--chunk-logs") { Description = "Write a chunk (and checkpoint) every this many logs.", DefaultValueFactory = _ => 100_000 };
        var chunkSeconds = new Option<double>("--chunk-seconds") { Description = "Write a chunk (and checkpoint) at least this often.", DefaultValueFactory = _ => 5 };
        var noCompact = new Option<bool>("--no-compact") { Description = "Leave the per-range chunks only; skip writing the merged tables/." };
        var json = new Option<bool>("--json") { Description = "Print the run summary as JSON instead of a table." };
        var command = new Command("extract", "Extract contract events over a block range into one table per event type (Parquet, CSV or SQLite), resumably, with adaptive ranges, retries and reorg checks.");
        foreach (var option in new Option[] { rpc, address, abi, events, topic0, from, to, confirmations, format, timestamps, output, concurrency, range, maxRange, chunkLogs, chunkSeconds, noCompact, json })
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var endpoint = parseResult.GetValue(rpc) is { Length: > 0 } url ? RpcEndpoint.Parse(url)
                : RpcEndpoint.FromEnvironment() ?? throw new CollabInsightsException($"No node given: pass --rpc URL or set {RpcEndpoint.EnvironmentVariable}. For a local chain run 'collab chain node'.");
            var eventNames = parseResult.GetValue(events) is { Length: > 0 } e ? e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
            ILogDecoder decoder = RawLogDecoder.Instance;
            var topics = new List<IReadOnlyList<string>?>();
            var topic0s = (parseResult.GetValue(topic0) ?? []).Select(t => t.ToLowerInvariant()).ToList();
            var abis = (parseResult.GetValue(abi) ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
            if (abis.Count > 0)
            {
                var abiDecoder = new AbiLogDecoder(abis.SelectMany(a => BuiltInAbis.Resolve(a).Events), eventNames);
                decoder = abiDecoder;
                if (eventNames is not null && topic0s.Count == 0 && abiDecoder.Tables.Count == abiDecoder.Topic0s.Count)
                {
                    topic0s = [.. abiDecoder.Topic0s];
                }
            }
            else if (eventNames is not null)
            {
                throw new CollabInsightsException($"--events needs --abi (a file or one of {string.Join(", ", BuiltInAbis.Names)}) to know the events' signatures.");
            }

            if (topic0s.Count > 0)
            {
                topics.Add(topic0s);
            }

            var toText = parseResult.GetValue(to)!;
            long? toBlock = toText.Equals("latest", StringComparison.OrdinalIgnoreCase) ? null
                : long.TryParse(toText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var toNumber) ? toNumber
                : toText.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && toText.Length > 2 && Uri.IsHexDigit(toText[2]) ? (long)new Nethereum.Hex.HexTypes.HexBigInteger(toText).Value
                : throw new CollabInsightsException($"--to must be a block number or 'latest', not '{toText}'.");
            var options = new ExtractionOptions
            {
                OutputDirectory = parseResult.GetValue(output)!,
                Filter = new EventFilter([.. (parseResult.GetValue(address) ?? []).Select(a => a.ToLowerInvariant())], topics),
                FromBlock = parseResult.GetValue(from),
                ToBlock = toBlock,
                Confirmations = parseResult.GetValue(confirmations),
                Format = TableFormats.Parse(parseResult.GetValue(format)!),
                Decoder = decoder,
                BlockTimestamps = parseResult.GetValue(timestamps),
                MaxConcurrency = Math.Max(1, parseResult.GetValue(concurrency)),
                InitialBlockRange = Math.Max(1, parseResult.GetValue(range)),
                MaxBlockRange = Math.Max(1, parseResult.GetValue(maxRange)),
                ChunkMaxLogs = Math.Max(1, parseResult.GetValue(chunkLogs)),
                ChunkMaxInterval = TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(chunkSeconds))),
            };

            using var source = new RpcLogSource(endpoint);
            var extractor = new LogExtractor(source, options);
            var asJson = parseResult.GetValue(json);
            ExtractionSummary summary;
            if (asJson || Console.IsOutputRedirected || !ReferenceEquals(console, Console.Out))
            {
                summary = await extractor.RunAsync(null, ct).ConfigureAwait(false);
            }
            else
            {
                summary = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("blocks", maxValue: 1);
                        var progress = new Progress<ExtractionProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.BlocksTotal);
                            task.Value = p.BlocksDone;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Logs:N0} logs, {p.BlocksPerSecond:N0} blocks/s, {p.LogsPerSecond:N0} logs/s, range {p.CurrentBlockRange:N0}");
                        });
                        return await extractor.RunAsync(progress, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }

            string? tables = null;
            if (!parseResult.GetValue(noCompact))
            {
                tables = await ExtractionOutput.Open(options.OutputDirectory).CompactAsync(cancellationToken: ct).ConfigureAwait(false);
            }

            if (asJson)
            {
                await console.WriteLineAsync(JsonSerializer.Serialize(summary, CliCommand.IndentedJson)).ConfigureAwait(false);
            }
            else
            {
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Chain {summary.ChainId}, blocks {summary.FromBlock}..{summary.ToBlock}{(summary.ResumedAfterBlock is { } r ? $" (resumed after {r})" : "")}: {summary.LogsExtracted:N0} logs in {summary.ElapsedSeconds:N1} s ({summary.LogsPerSecond:N0} logs/s), {summary.UnknownLogs:N0} unknown.")).ConfigureAwait(false);
                foreach (var (table, count) in summary.LogsPerTable)
                {
                    await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table}: {count:N0}")).ConfigureAwait(false);
                }

                if (abis.Count == 0 && summary.UnknownLogs > 0)
                {
                    await console.WriteLineAsync($"No --abi was given, so every log is raw in 'unknown'. To decode them pass the contract's ABI file, or --abi {BuiltInAbis.OutcomeLedger} for the kit's outcome ledger, --abi {BuiltInAbis.Erc20} for token transfers.").ConfigureAwait(false);
                }

                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Requests {summary.Requests:N0}, retries {summary.Retries:N0} ({summary.RateLimited:N0} rate-limited), range shrinks {summary.RangeShrinks:N0}, reorgs {summary.Reorgs:N0}. Tables in {tables ?? Path.Combine(options.OutputDirectory, "chunks")}.")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

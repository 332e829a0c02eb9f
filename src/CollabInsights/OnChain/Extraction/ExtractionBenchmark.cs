using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CollabInsights.OnChain.Extraction.Internal;
using CollabInsights.OnChain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Measures our extraction against <c>cast logs</c> (Foundry) on the same node and range in the same run: deploys
/// the EventSource contract, emits <see cref="ExtractionBenchmarkOptions.Events"/> Transfer events, then times
/// our extractor (decoded, written to Parquet) and <c>cast logs --json</c> (raw, written to a file), and checks
/// that both hold the same logs with the same values.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Runs the benchmark against the node at <paramref name="rpcUrl"/> (a dev node with unlocked accounts, e.g. Anvil).</summary>
    public static async Task<ExtractionBenchmarkResult> RunAsync(string rpcUrl, ExtractionBenchmarkOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cast = options.CastPath ?? FindNodeTool("cast");
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "collab-bench-extract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var rpc = new Nethereum.Web3.Web3(RpcEndpoint.Parse(rpcUrl).CreateClient());
            var setup = Stopwatch.StartNew();
            var from = await EventSourceChain.FirstAccountAsync(rpc, cancellationToken).ConfigureAwait(false);
            progress?.Report("deploying EventSource");
            var contract = await EventSourceChain.DeployAsync(rpc, from, cancellationToken).ConfigureAwait(false);
            var firstBlock = (long)(await rpc.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
            var emitted = new Progress<long>(n => progress?.Report(string.Create(CultureInfo.InvariantCulture, $"emitted {n:N0} of {options.Events:N0} events")));
            var lastBlock = await EventSourceChain.EmitTransfersAsync(rpc, from, contract, options.Events, options.EventsPerTransaction, emitted, cancellationToken).ConfigureAwait(false);
            var chainId = (long)(await rpc.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
            setup.Stop();

            var runs = new List<ExtractionBenchmarkRun>();
            string? ourDir = null, castFile = null;
            long fullestCast = -1;
            for (var rep = 1; rep <= Math.Max(1, options.Repetitions); rep++)
            {
                progress?.Report($"bare eth_getLogs, run {rep}");
                var (bareSeconds, bareLogs) = await BareGetLogsAsync(rpcUrl, contract, firstBlock, lastBlock, cancellationToken).ConfigureAwait(false);
                runs.Add(new ExtractionBenchmarkRun(BareTool, "one eth_getLogs of the whole range, body read to the end (the node's serving time)", rep, bareSeconds, bareLogs, bareLogs / bareSeconds));

                progress?.Report($"cast logs, run {rep}");
                var castRunFile = Path.Combine(work, $"cast-{rep}.json");
                var castSeconds = await RunCastAsync(cast, rpcUrl, contract, firstBlock, lastBlock, castRunFile, cancellationToken).ConfigureAwait(false);
                var castCount = CountCastLogs(castRunFile);
                var castNote = castCount == options.Events
                    ? "raw logs as JSON to a file"
                    : string.Create(CultureInfo.InvariantCulture, $"raw logs as JSON to a file; incomplete: {castCount:N0} of {options.Events:N0} logs");
                runs.Add(new ExtractionBenchmarkRun(CastTool, castNote, rep, castSeconds, castCount, castCount / castSeconds));
                if (castFile is null || castCount > fullestCast)
                {
                    // Compare against cast's fullest output: a run that lost logs says so in its note instead of hiding ours.
                    castFile = castRunFile;
                    fullestCast = castCount;
                }

                progress?.Report($"collab extract, run {rep}");
                ourDir = Path.Combine(work, $"collab-{rep}");
                using (var source = new RpcLogSource(rpcUrl))
                {
                    var (extractSeconds, totalSeconds, logs) = await RunOursAsync(source, ourDir, contract, firstBlock, lastBlock, options, cancellationToken).ConfigureAwait(false);
                    runs.Add(new ExtractionBenchmarkRun(OursTool, "decoded, Parquet chunks + checkpoint", rep, extractSeconds, logs, logs / extractSeconds));
                    runs.Add(new ExtractionBenchmarkRun(OursTablesTool, "decoded, Parquet chunks, then the final tables", rep, totalSeconds, logs, logs / totalSeconds));
                }

                if (rep == 1 && options.IncludeNethereumClient)
                {
                    // The same extraction with every call, eth_getLogs included, through Nethereum's RpcClient: the measurement
                    // behind the streaming eth_getLogs reader of the URL path.
                    progress?.Report("collab extract through Nethereum's RpcClient");
                    var viaClient = new RpcLogSource(new Nethereum.JsonRpc.Client.RpcClient(new Uri(rpcUrl)));
                    var (seconds, _, logs) = await RunOursAsync(viaClient, Path.Combine(work, "collab-nethereum-client"), contract, firstBlock, lastBlock, options, cancellationToken).ConfigureAwait(false);
                    runs.Add(new ExtractionBenchmarkRun(OursViaClientTool, "decoded, Parquet chunks; eth_getLogs parsed by Nethereum's RpcClient (Newtonsoft.Json, FilterLog)", rep, seconds, logs, logs / seconds));
                }
            }

            progress?.Report("comparing outputs");
            var (ourLogs, castLogs, mismatches) = await CompareAsync(ourDir!, castFile!, cancellationToken).ConfigureAwait(false);
            var oursBest = runs.Where(r => r.Tool == OursTool).Max(r => r.LogsPerSecond);
            var oursTablesBest = runs.Where(r => r.Tool == OursTablesTool).Min(r => r.Seconds);
            var bareBest = runs.Where(r => r.Tool == BareTool).Min(r => r.Seconds);
            // cast's throughput counts only runs that returned every log; if none did, all runs count.
            var castRuns = runs.Where(r => r.Tool == CastTool).ToList();
            var completeCast = castRuns.Where(r => r.Logs == options.Events).ToList();
            var castBest = (completeCast.Count > 0 ? completeCast : castRuns).Max(r => r.LogsPerSecond);
            return new ExtractionBenchmarkResult
            {
                ChainId = chainId,
                Contract = contract,
                Events = options.Events,
                FromBlock = firstBlock,
                ToBlock = lastBlock,
                SetupSeconds = Math.Round(setup.Elapsed.TotalSeconds, 2),
                Runs = [.. runs.Select(r => r with { Seconds = Math.Round(r.Seconds, 3), LogsPerSecond = Math.Round(r.LogsPerSecond) })],
                OursBestLogsPerSecond = Math.Round(oursBest),
                OursWithCompactionBestLogsPerSecond = Math.Round(runs.Where(r => r.Tool == OursTablesTool).Max(r => r.LogsPerSecond)),
                BareGetLogsBestSeconds = Math.Round(bareBest, 3),
                OursWithTablesBestSeconds = Math.Round(oursTablesBest, 3),
                WallTimeRatioToBareGetLogs = Math.Round(oursTablesBest / bareBest, 2),
                NethereumClientLogsPerSecond = runs.FirstOrDefault(r => r.Tool == OursViaClientTool) is { } c ? Math.Round(c.LogsPerSecond) : null,
                CastBestLogsPerSecond = Math.Round(castBest),
                SpeedRatio = Math.Round(oursBest / castBest, 2),
                OurLogs = ourLogs,
                CastLogs = castLogs,
                CountsEqual = ourLogs == castLogs && ourLogs == options.Events,
                ValuesEqual = mismatches.Count == 0 && ourLogs == castLogs,
                Mismatches = mismatches,
                CastVersion = await CastVersionAsync(cast, cancellationToken).ConfigureAwait(false),
                ProcessorCount = Environment.ProcessorCount,
                Runtime = ".NET " + Environment.Version,
            };
        }
        finally
        {
            if (options.WorkDirectory is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private const string BareTool = "eth_getLogs (bare)";
    private const string CastTool = "cast logs";
    private const string OursTool = "collab";
    private const string OursTablesTool = "collab+tables";
    private const string OursViaClientTool = "collab via Nethereum RpcClient";

    private static async Task<(double Extract, double WithTables, long Logs)> RunOursAsync(ILogSource source, string directory, string contract, long from, long to, ExtractionBenchmarkOptions options, CancellationToken ct)
    {
        var extractOptions = new ExtractionOptions
        {
            OutputDirectory = directory,
            Filter = EventFilter.ForAddresses(contract),
            FromBlock = from,
            ToBlock = to,
            Format = TableFormats.Parquet,
            Decoder = new AbiLogDecoder(EventSourceChain.Abi.Events),
            MaxConcurrency = options.MaxConcurrency,
            InitialBlockRange = Math.Max(1, 10_000 / Math.Max(1, options.EventsPerTransaction)),
            ChunkMaxInterval = TimeSpan.FromMinutes(10),
        };
        var clock = Stopwatch.StartNew();
        var summary = await new LogExtractor(source, extractOptions).RunAsync(null, ct).ConfigureAwait(false);
        var extractSeconds = clock.Elapsed.TotalSeconds;
        await ExtractionOutput.Open(directory).CompactAsync(cancellationToken: ct).ConfigureAwait(false);
        return (extractSeconds, clock.Elapsed.TotalSeconds, summary.LogsExtracted);
    }

    /// <summary>The node's own serving time: one <c>eth_getLogs</c> of the whole range over a fresh connection, the body read to its end and counted afterwards.</summary>
    private static async Task<(double Seconds, long Logs)> BareGetLogsAsync(string rpcUrl, string contract, long from, long to, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var body = LogsJson.Request(1, from, to, EventFilter.ForAddresses(contract));
        var clock = Stopwatch.StartNew();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(rpcUrl), content, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, LogsJson.Parse(bytes).Count);
    }

    private static async Task<double> RunCastAsync(string cast, string rpcUrl, string contract, long from, long to, string outFile, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$0\" logs --json --from-block \"$1\" --to-block \"$2\" --address \"$3\" --rpc-url \"$4\" > \"$5\"");
        foreach (var a in new[] { cast, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), contract, rpcUrl, outFile })
        {
            psi.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new CollabInsightsException($"Could not start {cast}.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new CollabInsightsException($"cast logs failed (exit {process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        return seconds;
    }

    private static long CountCastLogs(string file)
    {
        using var stream = File.OpenRead(file);
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetArrayLength();
    }

    private static async Task<(long Ours, long Cast, List<string> Mismatches)> CompareAsync(string ourDir, string castFile, CancellationToken ct)
    {
        var output = ExtractionOutput.Open(ourDir);
        var transfer = new AbiLogDecoder(EventSourceChain.Abi.Events).Tables.Single(t => t.Signature.StartsWith("Transfer(address indexed from,address indexed to,uint256 value)", StringComparison.Ordinal));
        var ours = new List<object?[]>();
        foreach (var name in output.TableNames)
        {
            var table = (await output.ReadTableAsync(name, ct).ConfigureAwait(false))!;
            if (name != transfer.Name && table.Rows.Count > 0)
            {
                return (table.Rows.Count, -1, [$"unexpected table {name} with {table.Rows.Count} rows"]);
            }

            if (name == transfer.Name)
            {
                ours.AddRange(table.Rows);
            }
        }

        using var stream = File.OpenRead(castFile);
        using var doc = JsonDocument.Parse(stream);
        var castLogs = doc.RootElement.EnumerateArray().ToList();
        var mismatches = new List<string>();
        for (var i = 0; i < Math.Min(ours.Count, castLogs.Count) && mismatches.Count < 10; i++)
        {
            var o = ours[i];
            var c = castLogs[i];
            var block = (long)(c.GetProperty("blockNumber").GetString()!).HexToBigInteger(false);
            var index = (long)(c.GetProperty("logIndex").GetString()!).HexToBigInteger(false);
            var topics = c.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            var value = (c.GetProperty("data").GetString()!).HexToBigInteger(false).ToString(CultureInfo.InvariantCulture);
            var expected = new object?[]
            {
                block, c.GetProperty("blockHash").GetString(), null, c.GetProperty("transactionHash").GetString(), index,
                AddressUtil.Current.ConvertToChecksumAddress(c.GetProperty("address").GetString()!), AddressUtil.Current.ConvertToChecksumAddress("0x" + topics[1][26..]), AddressUtil.Current.ConvertToChecksumAddress("0x" + topics[2][26..]), value,
            };
            for (var k = 0; k < expected.Length; k++)
            {
                if (!Equals(expected[k], o[k]) && !(expected[k] is string es && o[k] is string os && string.Equals(es, os, StringComparison.OrdinalIgnoreCase)))
                {
                    mismatches.Add($"block {block} log {index}: column {transfer.Columns[k].Name} is {o[k]} here, {expected[k]} in cast's output");
                    break;
                }
            }
        }

        return (ours.Count, castLogs.Count, mismatches);
    }

    private static async Task<string> CastVersionAsync(string cast, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(cast, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var text = await process.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return text.Split('\n')[0].Trim();
    }

    internal static string FindNodeTool(string name)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CollabInsightsException($"{name} was not found in node_modules/.bin above {Environment.CurrentDirectory}. Run scripts/bootstrap.sh (npm ci installs @foundry-rs/{name}).");
    }
}

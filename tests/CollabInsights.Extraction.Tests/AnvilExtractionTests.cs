using System.Diagnostics;
using System.Text.Json;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Rpc;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Extraction.Tests;

public class AnvilExtractionTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ExtractionOptions Options(string dir, ITableFormat format) => new()
    {
        OutputDirectory = dir,
        Filter = EventFilter.ForAddresses(chain.Contract),
        Format = format,
        Decoder = new AbiLogDecoder(AnvilFixture.Abi.Events),
        BlockTimestamps = true,
        ReorgWindow = 1_000,
        ChunkMaxLogs = 1_000,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxAttempts = 40,
    };

    internal static async Task<Dictionary<string, List<string>>> ReadAllAsync(string dir)
    {
        var output = ExtractionOutput.Open(dir);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in output.TableNames)
        {
            var table = (await output.ReadTableAsync(name, Ct))!;
            result[name] = [.. table.Rows.Select(r => string.Join("|", r.Select(v => v switch { null => "", bool b => b ? "true" : "false", _ => v.ToString() })))];
        }

        return result;
    }

    [Fact]
    public async Task Extraction_through_the_fault_injecting_proxy_equals_a_fault_free_run()
    {
        var clean = RepoPaths.NewTempDirectory();
        var cleanSummary = await new LogExtractor(new RpcLogSource(chain.Anvil.Url), Options(clean, TableFormats.Parquet)).RunAsync(null, Ct);
        var expected = await ReadAllAsync(clean);
        Assert.Equal(chain.Transfers, expected.Single(t => t.Key.StartsWith("Transfer_", StringComparison.Ordinal) && t.Value.Count > 100).Value.Count);

        await using var proxy = new FaultProxy(chain.Anvil.Url, seed: 11)
        {
            RateLimitRate = 0.08,
            ServerErrorRate = 0.06,
            TimeoutRate = 0.03,
            TruncateRate = 0.06,
            MaxBlockRange = 8,
            MaxResults = 700,
            ReorgAfterLogRequests = 3,
        };
        await proxy.ArmReorgAsync(chain.Head - 25, chain.Head, Ct);
        var faulty = RepoPaths.NewTempDirectory();
        var options = Options(faulty, TableFormats.Parquet) with { InitialBlockRange = 64, MaxConcurrency = 4 };
        var summary = await new LogExtractor(new RpcLogSource(proxy.Url), options).RunAsync(null, Ct);

        Assert.Equal(expected, await ReadAllAsync(faulty));
        Assert.Equal(cleanSummary.LogsExtracted, summary.LogsExtracted);
        Assert.True(proxy.RateLimited > 0 && proxy.ServerErrors > 0 && proxy.Timeouts > 0 && proxy.Truncated > 1 && proxy.RangeErrors > 0,
            $"faults: 429 {proxy.RateLimited}, 5xx {proxy.ServerErrors}, timeouts {proxy.Timeouts}, truncated {proxy.Truncated}, range {proxy.RangeErrors}");
        Assert.True(proxy.ReorgHappened && proxy.FakedResponses > 0);
        Assert.True(summary.Reorgs >= 1, "the simulated reorg was not noticed");
        Assert.True(summary.Retries > 0 && summary.RangeShrinks > 0 && summary.RateLimited > 0);
    }

    [Fact]
    public async Task Extraction_through_a_nethereum_client_and_the_fault_injecting_proxy_equals_a_fault_free_run()
    {
        var clean = RepoPaths.NewTempDirectory();
        await new LogExtractor(new RpcLogSource(chain.Anvil.Url), Options(clean, TableFormats.Csv)).RunAsync(null, Ct);
        var expected = await ReadAllAsync(clean);

        await using var proxy = new FaultProxy(chain.Anvil.Url, seed: 23)
        {
            RateLimitRate = 0.08,
            ServerErrorRate = 0.06,
            TimeoutRate = 0.03,
            TruncateRate = 0.06,
            MaxBlockRange = 8,
        };

        // A user's own Nethereum client (here a plain RpcClient): every call, eth_getLogs included, goes through it.
        var client = new Nethereum.JsonRpc.Client.RpcClient(new Uri(proxy.Url));
        var faulty = RepoPaths.NewTempDirectory();
        var options = Options(faulty, TableFormats.Csv) with { InitialBlockRange = 64, MaxConcurrency = 4, RequestTimeout = TimeSpan.FromSeconds(2) };
        var summary = await new LogExtractor(new RpcLogSource(new Nethereum.Web3.Web3(client)), options).RunAsync(null, Ct);

        Assert.Equal(expected, await ReadAllAsync(faulty));
        Assert.True(proxy.RateLimited > 0 && proxy.ServerErrors > 0 && proxy.Truncated > 0 && proxy.RangeErrors > 0,
            $"faults: 429 {proxy.RateLimited}, 5xx {proxy.ServerErrors}, timeouts {proxy.Timeouts}, truncated {proxy.Truncated}, range {proxy.RangeErrors}");
        Assert.True(summary.Retries > 0 && summary.RangeShrinks > 0 && summary.RateLimited > 0);
    }

    [Fact]
    public async Task Generic_abi_decoding_matches_ethers_for_overloads_anonymous_events_and_indexed_dynamic_types()
    {
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir, TableFormats.Csv);
        var summary = await new LogExtractor(new RpcLogSource(chain.Anvil.Url), options).RunAsync(null, Ct);
        Assert.Equal(12, summary.UnknownLogs);

        var abiFile = Path.Combine(dir, "abi.json");
        await File.WriteAllTextAsync(abiFile, AnvilFixture.AbiWithoutUnlisted, Ct);
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in (string[])[Path.Combine(RepoPaths.Root, "tests", "CollabInsights.Extraction.Tests", "ethers-decode.mjs"), chain.Anvil.Url, chain.Contract, abiFile])
        {
            psi.ArgumentList.Add(a);
        }

        using var node = Process.Start(psi) ?? throw new InvalidOperationException("node was not found: install Node.js 20+ and run npm ci.");
        var stdout = node.StandardOutput.ReadToEndAsync(Ct);
        var stderr = node.StandardError.ReadToEndAsync(Ct);
        await node.WaitForExitAsync(Ct);
        Assert.True(node.ExitCode == 0, "ethers reference failed: " + await stderr);
        using var reference = JsonDocument.Parse(await stdout);

        var output = ExtractionOutput.Open(dir);
        var ours = new Dictionary<(long, long), (string Table, string Signature, List<string> Values)>();
        foreach (var name in output.TableNames)
        {
            var table = (await output.ReadTableAsync(name, Ct))!;
            foreach (var row in table.Rows)
            {
                ours[((long)row[0]!, (long)row[4]!)] = (name, table.Table.Signature, [.. row.Skip(6).Select(v => v switch { null => "", bool b => b ? "true" : "false", _ => v.ToString()! })]);
            }
        }

        var checkedKinds = new HashSet<string>(StringComparer.Ordinal);
        Assert.Equal(reference.RootElement.GetArrayLength(), ours.Count);
        foreach (var log in reference.RootElement.EnumerateArray())
        {
            var key = (log.GetProperty("block").GetInt64(), log.GetProperty("index").GetInt64());
            var row = ours[key];
            var theirs = log.GetProperty("values").EnumerateArray().Select(v => v.ValueKind switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => v.GetString()!,
            }).ToList();
            var eventName = log.GetProperty("event").GetString()!;
            if (eventName == "unknown")
            {
                Assert.Equal("unknown", row.Table);
                Assert.Equal(theirs, row.Values.Where(v => v.Length > 0).ToList());
            }
            else
            {
                Assert.StartsWith(eventName[..eventName.IndexOf('(', StringComparison.Ordinal)], row.Table, StringComparison.Ordinal);
                Assert.Equal(theirs, row.Values);
            }

            checkedKinds.Add(row.Table);
        }

        // Overloads got distinct tables; the anonymous event, tuple and indexed-string events were all compared.
        Assert.Equal(["Moved", "Note", "Raw", "Transfer_ddf252ad", "Transfer_e19260af", "unknown"], checkedKinds.Order(StringComparer.Ordinal).ToArray());
    }
}

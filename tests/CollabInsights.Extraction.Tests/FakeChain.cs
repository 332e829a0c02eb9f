using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.Extraction.Tests;

/// <summary>An in-memory chain implementing ILogSource, with provider limits, transient faults and reorgs on demand.</summary>
internal sealed class FakeChain : ILogSource
{
    public static readonly string[] Contracts = ["0x5fbdb2315678afecb367f032d93f642f64180aa3", "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0"];
    public static readonly string[] Topic0s = [Hash("Transfer"), Hash("Attested"), Hash("Paid")];

    private readonly Lock _lock = new();
    private readonly Random _faults;
    private List<Block> _blocks = [];
    private int _getLogsCalls;

    public FakeChain(int blocks, int seed = 7, int maxLogsPerBlock = 6)
    {
        _faults = new Random(seed + 1000);
        Extend(blocks, "main", seed, maxLogsPerBlock);
    }

    public sealed record Block(BlockHeader Header, List<RpcLog> Logs);

    public long ChainId { get; init; } = 31337;
    public int? MaxResults { get; set; }
    public long? MaxRange { get; set; }
    public bool RangeHintInMessage { get; set; } = true;
    public double FaultRate { get; set; }
    public int ReorgAfterGetLogsCalls { get; set; } = -1;
    public long ReorgFromBlock { get; set; }
    public int MaxLogsPerBlock { get; set; } = 6;
    public long? HangAboveRange { get; set; }
    public List<long> RequestedRanges { get; } = [];
    public int FaultsInjected { get; private set; }
    public int Reorgs { get; private set; }

    public IReadOnlyList<Block> Blocks { get { lock (_lock) { return [.. _blocks]; } } }

    public void Extend(int count, string branch, int seed, int maxLogsPerBlock)
    {
        var rng = new Random(seed);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                var n = _blocks.Count;
                var parent = n == 0 ? "0x" + new string('0', 64) : _blocks[^1].Header.Hash;
                var hash = Hash($"{branch}/{n}/{parent}");
                var header = new BlockHeader(n, hash, parent, 1_700_000_000 + n * 12, null);
                var logs = new List<RpcLog>();
                var k = rng.Next(0, maxLogsPerBlock + 1);
                for (var j = 0; j < k; j++)
                {
                    var topics = new List<string> { Topic0s[rng.Next(Topic0s.Length)] };
                    for (var t = rng.Next(0, 3); t > 0; t--)
                    {
                        topics.Add(Hash($"{branch}/{n}/{j}/{t}"));
                    }

                    var data = "0x" + Convert.ToHexStringLower(RandomBytes(rng, 32 * rng.Next(0, 3)));
                    logs.Add(new RpcLog(Contracts[rng.Next(Contracts.Length)], topics, data, n, hash, Hash($"tx/{branch}/{n}/{j / 2}"), j / 2, j, false));
                }

                _blocks.Add(new Block(header, logs));
            }
        }
    }

    /// <summary>Replaces blocks from <paramref name="fromBlock"/> on with a different branch one block longer.</summary>
    public void ReorgTo(long fromBlock, int seed)
    {
        int length;
        lock (_lock)
        {
            length = _blocks.Count;
            _blocks = [.. _blocks.Take((int)fromBlock)];
            Reorgs++;
        }

        Extend(length - (int)fromBlock + 1, "fork" + seed, seed, MaxLogsPerBlock);
    }

    /// <summary>The logs the chain holds now in the range that match the filter, in order.</summary>
    public List<RpcLog> Expected(long from, long to, EventFilter filter) =>
        [.. Blocks.Where(b => b.Header.Number >= from && b.Header.Number <= to).SelectMany(b => b.Logs).Where(l => Matches(l, filter))];

    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) => Task.FromResult(ChainId);

    public async Task<long> GetLatestBlockAsync(CancellationToken cancellationToken)
    {
        await MaybeFailAsync(cancellationToken);
        lock (_lock)
        {
            return _blocks.Count - 1;
        }
    }

    public async Task<IReadOnlyList<RpcLog>> GetLogsAsync(long fromBlock, long toBlock, EventFilter filter, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Interlocked.Increment(ref _getLogsCalls) == ReorgAfterGetLogsCalls)
        {
            ReorgTo(ReorgFromBlock, 99);
        }

        await MaybeFailAsync(cancellationToken);
        if (HangAboveRange is { } slow && toBlock - fromBlock + 1 > slow)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }

        lock (_lock)
        {
            RequestedRanges.Add(toBlock - fromBlock + 1);
            if (MaxRange is { } max && toBlock - fromBlock + 1 > max)
            {
                throw RangeHintInMessage
                    ? new LogSourceException($"eth_getLogs is limited to a {max.ToString("N0", CultureInfo.InvariantCulture)} block range", LogSourceFailure.RpcError, -32602)
                    : new LogSourceException("block range too large", LogSourceFailure.RpcError, -32602);
            }

            var result = new List<RpcLog>();
            long lastFitting = fromBlock - 1;
            foreach (var block in _blocks.Where(b => b.Header.Number >= fromBlock && b.Header.Number <= toBlock))
            {
                result.AddRange(block.Logs.Where(l => Matches(l, filter)));
                if (MaxResults is null || result.Count <= MaxResults)
                {
                    lastFitting = block.Header.Number;
                }
            }

            if (MaxResults is { } limit && result.Count > limit)
            {
                var to = Math.Max(fromBlock, lastFitting);
                throw new LogSourceException($"query returned more than {limit} results. Try with this block range [0x{fromBlock:x}, 0x{to:x}].", LogSourceFailure.RpcError, -32005);
            }

            return result;
        }
    }

    public async Task<IReadOnlyList<BlockHeader>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        await MaybeFailAsync(cancellationToken);
        lock (_lock)
        {
            return [.. numbers.Select(n => _blocks[(int)n].Header)];
        }
    }

    private async Task MaybeFailAsync(CancellationToken cancellationToken)
    {
        int kind;
        lock (_lock)
        {
            if (FaultRate <= 0 || _faults.NextDouble() >= FaultRate)
            {
                return;
            }

            FaultsInjected++;
            kind = _faults.Next(4);
        }

        switch (kind)
        {
            case 0:
                throw new LogSourceException("HTTP 429 Too Many Requests", LogSourceFailure.RateLimited, httpStatus: 429);
            case 1:
                throw new LogSourceException("HTTP 503 Service Unavailable", LogSourceFailure.Transient, httpStatus: 503);
            case 2:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                throw new InvalidOperationException("the request timeout should have fired");
            default:
                throw new JsonException("Unexpected end of JSON input (truncated body)");
        }
    }

    private static bool Matches(RpcLog log, EventFilter filter)
    {
        if (filter.Addresses.Count > 0 && !filter.Addresses.Contains(log.Address, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 0; i < filter.Topics.Count; i++)
        {
            if (filter.Topics[i] is { } wanted && (i >= log.Topics.Count || !wanted.Contains(log.Topics[i], StringComparer.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] RandomBytes(Random rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }

    public static string Hash(string s) => "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
}

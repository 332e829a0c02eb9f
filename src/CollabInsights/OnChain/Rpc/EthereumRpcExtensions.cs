using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.Util;

namespace CollabInsights.OnChain.Rpc;

/// <summary>Typed Ethereum JSON-RPC calls over any <see cref="IEthereumRpc"/>, and parsers for their results (for use with batches).</summary>
public static class EthereumRpcExtensions
{
    /// <summary><c>eth_chainId</c>.</summary>
    public static async Task<long> GetChainIdAsync(this IEthereumRpc rpc, CancellationToken cancellationToken = default) =>
        ParseLong(await rpc.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_blockNumber</c>: the newest block number.</summary>
    public static async Task<long> GetBlockNumberAsync(this IEthereumRpc rpc, CancellationToken cancellationToken = default) =>
        ParseLong(await rpc.CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getBlockByNumber</c> without transactions; null when the block does not exist (yet).</summary>
    public static async Task<BlockHeader?> GetBlockHeaderAsync(this IEthereumRpc rpc, BlockParameter block, CancellationToken cancellationToken = default)
    {
        var result = await rpc.CallAsync("eth_getBlockByNumber", [block.ToString(), false], cancellationToken).ConfigureAwait(false);
        return ParseBlockHeader(result);
    }

    /// <summary>Headers of many blocks in one batch, in the order asked; throws if one is missing.</summary>
    public static async Task<IReadOnlyList<BlockHeader>> GetBlockHeadersAsync(this IEthereumRpc rpc, IReadOnlyList<long> numbers, CancellationToken cancellationToken = default)
    {
        var responses = await rpc.BatchAsync(numbers.Select(n => RpcRequest.Create("eth_getBlockByNumber", new HexBigInteger(n).HexValue, false)).ToList(), cancellationToken).ConfigureAwait(false);
        var headers = new List<BlockHeader>(numbers.Count);
        for (var i = 0; i < numbers.Count; i++)
        {
            headers.Add(ParseBlockHeader(responses[i].GetResultOrThrow())
                ?? throw new EthereumRpcException(RpcFailureKind.MalformedResponse, "eth_getBlockByNumber", rpc.Endpoint.Redacted, $"block {numbers[i]} does not exist"));
        }

        return headers;
    }

    /// <summary><c>eth_getLogs</c>: raw logs matching <paramref name="filter"/>, in the node's order (block, then log index).</summary>
    public static async Task<IReadOnlyList<RpcLog>> GetLogsAsync(this IEthereumRpc rpc, LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = await rpc.CallAsync("eth_getLogs", [filter.ToJson()], cancellationToken).ConfigureAwait(false);
        return ParseLogs(result);
    }

    /// <summary>An <c>eth_getLogs</c> request for use in a batch.</summary>
    public static RpcRequest GetLogsRequest(LogFilter filter) => RpcRequest.Create("eth_getLogs", filter.ToJson());

    /// <summary><c>eth_getTransactionCount</c>: the account's nonce at <paramref name="block"/> (use <see cref="BlockParameter.Pending"/> before sending).</summary>
    public static async Task<long> GetTransactionCountAsync(this IEthereumRpc rpc, string address, BlockParameter block, CancellationToken cancellationToken = default) =>
        ParseLong(await rpc.CallAsync("eth_getTransactionCount", [address, block.ToString()], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public static async Task<BigInteger> GetBalanceAsync(this IEthereumRpc rpc, string address, BlockParameter block, CancellationToken cancellationToken = default) =>
        ParseBigInteger(await rpc.CallAsync("eth_getBalance", [address, block.ToString()], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getCode</c>: the contract's runtime bytecode (empty for an account without code).</summary>
    public static async Task<byte[]> GetCodeAsync(this IEthereumRpc rpc, string address, BlockParameter block, CancellationToken cancellationToken = default) =>
        ((await rpc.CallAsync("eth_getCode", [address, block.ToString()], cancellationToken).ConfigureAwait(false)).GetString() ?? "0x").HexToByteArray();

    /// <summary><c>eth_estimateGas</c>; a revert throws <see cref="EthereumRpcException"/> with the revert data in <see cref="EthereumRpcException.Data"/>.</summary>
    public static async Task<long> EstimateGasAsync(this IEthereumRpc rpc, CallRequest call, CancellationToken cancellationToken = default) =>
        ParseLong(await rpc.CallAsync("eth_estimateGas", [call.ToJson()], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_call</c>: the return data of a read-only call at <paramref name="block"/>.</summary>
    public static async Task<byte[]> EthCallAsync(this IEthereumRpc rpc, CallRequest call, BlockParameter block, CancellationToken cancellationToken = default) =>
        ((await rpc.CallAsync("eth_call", [call.ToJson(), block.ToString()], cancellationToken).ConfigureAwait(false)).GetString() ?? "0x").HexToByteArray();

    /// <summary><c>eth_maxPriorityFeePerGas</c> in wei.</summary>
    public static async Task<BigInteger> GetMaxPriorityFeePerGasAsync(this IEthereumRpc rpc, CancellationToken cancellationToken = default) =>
        ParseBigInteger(await rpc.CallAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_gasPrice</c> in wei.</summary>
    public static async Task<BigInteger> GetGasPriceAsync(this IEthereumRpc rpc, CancellationToken cancellationToken = default) =>
        ParseBigInteger(await rpc.CallAsync("eth_gasPrice", [], cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Suggested EIP-1559 fees in one batch: priority fee from <c>eth_maxPriorityFeePerGas</c>
    /// (1 gwei if the node lacks it), max fee = 2 x latest base fee + priority fee.
    /// </summary>
    public static async Task<(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)> SuggestFeesAsync(this IEthereumRpc rpc, CancellationToken cancellationToken = default)
    {
        var responses = await rpc.BatchAsync(
            [RpcRequest.Create("eth_getBlockByNumber", "latest", false), RpcRequest.Create("eth_maxPriorityFeePerGas")],
            cancellationToken).ConfigureAwait(false);
        var header = ParseBlockHeader(responses[0].GetResultOrThrow());
        var priority = responses[1].Error is null ? ParseBigInteger(responses[1].Result) : new BigInteger(1_000_000_000);
        var baseFee = header?.BaseFeePerGas ?? BigInteger.Zero;
        return ((baseFee * 2) + priority, priority);
    }

    /// <summary><c>eth_sendRawTransaction</c>; returns the transaction hash.</summary>
    public static async Task<string> SendRawTransactionAsync(this IEthereumRpc rpc, byte[] signedTransaction, CancellationToken cancellationToken = default) =>
        (await rpc.CallAsync("eth_sendRawTransaction", [signedTransaction.ToHex(true)], cancellationToken).ConfigureAwait(false)).GetString()
            ?? throw new EthereumRpcException(RpcFailureKind.MalformedResponse, "eth_sendRawTransaction", rpc.Endpoint.Redacted, "null transaction hash");

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public static async Task<TransactionReceipt?> GetTransactionReceiptAsync(this IEthereumRpc rpc, string transactionHash, CancellationToken cancellationToken = default) =>
        ParseReceipt(await rpc.CallAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Polls for the receipt until it exists or <paramref name="timeout"/> (default 2 min) passes: first after
    /// <see cref="FirstReceiptPoll"/>, then at doubling intervals up to <paramref name="pollInterval"/> (default 50 ms).
    /// A chain that mines on arrival (Anvil's default) answers within a few milliseconds, so the short first waits keep
    /// one transaction after another from idling; a chain with real block times costs only a handful of extra requests.
    /// </summary>
    public static async Task<TransactionReceipt> WaitForReceiptAsync(this IEthereumRpc rpc, string transactionHash, TimeSpan? pollInterval = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(50);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        var wait = TimeSpan.Zero;
        while (true)
        {
            if (await rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                return receipt;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new CollabInsightsException($"Transaction {transactionHash} was not mined within {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds.ToString(CultureInfo.InvariantCulture)} s at {rpc.Endpoint.Redacted}. Check that the node mines blocks (Anvil: instant mining or a block time).");
            }

            wait = NextReceiptPoll(wait, interval);
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first wait between receipt polls (2 ms).</summary>
    internal static readonly TimeSpan FirstReceiptPoll = TimeSpan.FromMilliseconds(2);

    /// <summary>The wait before the next receipt poll: <see cref="FirstReceiptPoll"/> first, then double the last wait, never over <paramref name="interval"/>.</summary>
    internal static TimeSpan NextReceiptPoll(TimeSpan previous, TimeSpan interval)
    {
        var next = previous <= TimeSpan.Zero ? FirstReceiptPoll : previous * 2;
        return next > interval ? interval : next;
    }

    /// <summary>Parses a block object; null for JSON null.</summary>
    public static BlockHeader? ParseBlockHeader(JsonElement block)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new BlockHeader(
            ParseLong(block.GetProperty("number")),
            block.GetProperty("hash").GetString()!,
            block.GetProperty("parentHash").GetString()!,
            ParseLong(block.GetProperty("timestamp")),
            block.TryGetProperty("baseFeePerGas", out var fee) && fee.ValueKind == JsonValueKind.String ? ParseBigInteger(fee) : null);
    }

    /// <summary>Parses the array an <c>eth_getLogs</c> call returns.</summary>
    public static IReadOnlyList<RpcLog> ParseLogs(JsonElement logs)
    {
        if (logs.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"eth_getLogs returned {logs.ValueKind}, not an array.");
        }

        var result = new List<RpcLog>(logs.GetArrayLength());
        foreach (var log in logs.EnumerateArray())
        {
            result.Add(ParseLog(log));
        }

        return result;
    }

    /// <summary>Parses one log object.</summary>
    public static RpcLog ParseLog(JsonElement log)
    {
        var topicsElement = log.GetProperty("topics");
        var topics = new string[topicsElement.GetArrayLength()];
        var i = 0;
        foreach (var t in topicsElement.EnumerateArray())
        {
            topics[i++] = t.GetString()!;
        }

        return new RpcLog(
            log.GetProperty("address").GetString()!,
            topics,
            log.GetProperty("data").GetString()!,
            ParseLong(log.GetProperty("blockNumber")),
            log.GetProperty("blockHash").GetString()!,
            log.GetProperty("transactionHash").GetString()!,
            (int)ParseLong(log.GetProperty("transactionIndex")),
            (int)ParseLong(log.GetProperty("logIndex")),
            log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);
    }

    /// <summary>Parses a receipt object; null for JSON null.</summary>
    public static TransactionReceipt? ParseReceipt(JsonElement receipt)
    {
        if (receipt.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(string name) => receipt.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new TransactionReceipt(
            Text("transactionHash")!,
            ParseLong(receipt.GetProperty("blockNumber")),
            Text("blockHash")!,
            Text("from")!,
            Text("to"),
            Text("status") is { } status && status.HexToBigInteger(false) == BigInteger.One,
            ParseLong(receipt.GetProperty("gasUsed")),
            Text("effectiveGasPrice") is { } price ? price.HexToBigInteger(false) : BigInteger.Zero,
            Text("contractAddress") is { } created ? AddressUtil.Current.ConvertToChecksumAddress(created) : null,
            receipt.TryGetProperty("logs", out var logs) ? ParseLogs(logs) : []);
    }

    private static long ParseLong(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => (long)(value.GetString()!).HexToBigInteger(false),
        JsonValueKind.Number => value.GetInt64(),
        _ => throw new FormatException($"Expected a quantity, got {value.ValueKind}."),
    };

    private static BigInteger ParseBigInteger(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => (value.GetString()!).HexToBigInteger(false),
        JsonValueKind.Number => BigInteger.Parse(value.GetRawText(), CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Expected a quantity, got {value.ValueKind}."),
    };
}

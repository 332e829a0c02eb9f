using System.Numerics;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>Deploys <see cref="EventSourceContract"/> on a dev node (unlocked accounts, <c>eth_sendTransaction</c>) and makes it emit events.</summary>
internal static class EventSourceChain
{
    public static ContractAbi Abi { get; } = ContractAbi.Parse(EventSourceContract.Abi);

    public static async Task<string> FirstAccountAsync(IEthereumRpc rpc, CancellationToken ct)
    {
        var accounts = await rpc.CallAsync("eth_accounts", [], ct).ConfigureAwait(false);
        return accounts.EnumerateArray().First().GetString()
            ?? throw new CollabInsightsException("The node has no unlocked account; use Anvil (node_modules/.bin/anvil).");
    }

    public static async Task<string> DeployAsync(IEthereumRpc rpc, string from, CancellationToken ct)
    {
        var receipt = await SendAsync(rpc, from, null, EventSourceContract.Bytecode, ct).ConfigureAwait(false);
        return receipt.ContractAddress ?? throw new CollabInsightsException("The EventSource deployment created no contract.");
    }

    /// <summary>Emits <paramref name="total"/> Transfer events, <paramref name="perTransaction"/> per transaction; returns the last block.</summary>
    public static async Task<long> EmitTransfersAsync(IEthereumRpc rpc, string from, string contract, long total, int perTransaction, IProgress<long>? progress, CancellationToken ct)
    {
        var function = Abi.GetFunction("emitTransfers");
        long emitted = 0, last = 0;
        var pending = new List<string>();
        while (emitted < total)
        {
            var n = Math.Min(perTransaction, total - emitted);
            var data = (function.EncodeCall(new BigInteger(n), new BigInteger(emitted))).ToHex(true);
            var hash = (await rpc.CallAsync("eth_sendTransaction", [Tx(from, contract, data, 30_000_000)], ct).ConfigureAwait(false)).GetString()!;
            pending.Add(hash);
            emitted += n;
            if (pending.Count >= 16 || emitted >= total)
            {
                foreach (var h in pending)
                {
                    var receipt = await WaitMinedAsync(rpc, h, ct).ConfigureAwait(false);
                    if (!receipt.Succeeded)
                    {
                        throw new CollabInsightsException($"An emitTransfers transaction reverted ({h}); lower the events per transaction.");
                    }

                    last = Math.Max(last, receipt.BlockNumber);
                }

                pending.Clear();
                progress?.Report(emitted);
            }
        }

        return last;
    }

    public static async Task<TransactionReceipt> EmitVariedAsync(IEthereumRpc rpc, string from, string contract, long seed, CancellationToken ct) =>
        await SendAsync(rpc, from, contract, (Abi.GetFunction("emitVaried").EncodeCall(new BigInteger(seed))).ToHex(true), ct).ConfigureAwait(false);

    private static async Task<TransactionReceipt> SendAsync(IEthereumRpc rpc, string from, string? to, string data, CancellationToken ct)
    {
        var hash = (await rpc.CallAsync("eth_sendTransaction", [Tx(from, to, data, 10_000_000)], ct).ConfigureAwait(false)).GetString()!;
        var receipt = await WaitMinedAsync(rpc, hash, ct).ConfigureAwait(false);
        return receipt.Succeeded ? receipt : throw new CollabInsightsException($"Transaction {hash} reverted.");
    }

    /// <summary>
    /// Waits for a receipt; when none comes within 3 s, asks the node to mine a block. Anvil's instant mining can leave
    /// a transaction that arrived while a block was being mined pending until the next one arrives (seen on a loaded
    /// machine while emitting 200,000 events: the last transaction of a burst stayed pending for good).
    /// </summary>
    private static async Task<TransactionReceipt> WaitMinedAsync(IEthereumRpc rpc, string hash, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await rpc.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
            }
            catch (CollabInsightsException) when (attempt < 40)
            {
                await rpc.CallAsync("evm_mine", [], ct).ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, object?> Tx(string from, string? to, string data, long gas)
    {
        var tx = new Dictionary<string, object?> { ["from"] = from, ["data"] = data, ["gas"] = new HexBigInteger(gas).HexValue };
        if (to is not null)
        {
            tx["to"] = to;
        }

        return tx;
    }
}

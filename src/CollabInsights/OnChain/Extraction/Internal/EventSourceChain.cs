using System.Numerics;
using CollabInsights.OnChain.Abi;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>Deploys <see cref="EventSourceContract"/> on a dev node (unlocked accounts, <c>eth_sendTransaction</c>) and makes it emit events.</summary>
internal static class EventSourceChain
{
    public static ContractABI Abi { get; } = AbiJson.Parse(EventSourceContract.Abi);

    public static async Task<string> FirstAccountAsync(IWeb3 web3, CancellationToken ct)
    {
        var accounts = await web3.Eth.Accounts.SendRequestAsync().WaitAsync(ct).ConfigureAwait(false);
        return accounts.FirstOrDefault()
            ?? throw new CollabInsightsException("The node has no unlocked account; use Anvil (node_modules/.bin/anvil).");
    }

    public static async Task<string> DeployAsync(IWeb3 web3, string from, CancellationToken ct)
    {
        var receipt = await SendAsync(web3, from, null, EventSourceContract.Bytecode, ct).ConfigureAwait(false);
        return receipt.ContractAddress ?? throw new CollabInsightsException("The EventSource deployment created no contract.");
    }

    /// <summary>Emits <paramref name="total"/> Transfer events, <paramref name="perTransaction"/> per transaction; returns the last block.</summary>
    public static async Task<long> EmitTransfersAsync(IWeb3 web3, string from, string contract, long total, int perTransaction, IProgress<long>? progress, CancellationToken ct)
    {
        var function = new FunctionBuilder(string.Empty, Abi.Functions.Single(f => f.Name == "emitTransfers"));
        long emitted = 0, last = 0;
        var pending = new List<string>();
        while (emitted < total)
        {
            var n = Math.Min(perTransaction, total - emitted);
            var data = function.GetData(new BigInteger(n), new BigInteger(emitted));
            var hash = await web3.Eth.Transactions.SendTransaction.SendRequestAsync(Tx(from, contract, data, 30_000_000)).WaitAsync(ct).ConfigureAwait(false);
            pending.Add(hash);
            emitted += n;
            if (pending.Count >= 16 || emitted >= total)
            {
                foreach (var h in pending)
                {
                    var receipt = await WaitMinedAsync(web3, h, ct).ConfigureAwait(false);
                    if (receipt.Status?.Value != 1)
                    {
                        throw new CollabInsightsException($"An emitTransfers transaction reverted ({h}); lower the events per transaction.");
                    }

                    last = Math.Max(last, (long)receipt.BlockNumber.Value);
                }

                pending.Clear();
                progress?.Report(emitted);
            }
        }

        return last;
    }

    public static async Task<TransactionReceipt> EmitVariedAsync(IWeb3 web3, string from, string contract, long seed, CancellationToken ct) =>
        await SendAsync(web3, from, contract, new FunctionBuilder(string.Empty, Abi.Functions.Single(f => f.Name == "emitVaried")).GetData(new BigInteger(seed)), ct).ConfigureAwait(false);

    private static async Task<TransactionReceipt> SendAsync(IWeb3 web3, string from, string? to, string data, CancellationToken ct)
    {
        var hash = await web3.Eth.Transactions.SendTransaction.SendRequestAsync(Tx(from, to, data, 10_000_000)).WaitAsync(ct).ConfigureAwait(false);
        var receipt = await WaitMinedAsync(web3, hash, ct).ConfigureAwait(false);
        return receipt.Status?.Value == 1 ? receipt : throw new CollabInsightsException($"Transaction {hash} reverted.");
    }

    /// <summary>
    /// Waits for a receipt; when none comes within 3 s, asks the node to mine a block. Anvil's instant mining can leave
    /// a transaction that arrived while a block was being mined pending until the next one arrives (seen on a loaded
    /// machine while emitting 200,000 events: the last transaction of a burst stayed pending for good).
    /// </summary>
    private static async Task<TransactionReceipt> WaitMinedAsync(IWeb3 web3, string hash, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
            while (DateTime.UtcNow < deadline)
            {
                if (await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash).WaitAsync(ct).ConfigureAwait(false) is { } receipt)
                {
                    return receipt;
                }

                await Task.Delay(5, ct).ConfigureAwait(false);
            }

            await web3.Client.SendRequestAsync("evm_mine").WaitAsync(ct).ConfigureAwait(false);
        }

        throw new CollabInsightsException($"Transaction {hash} was not mined after 40 attempts of 3 s and a forced block each; check that the node mines.");
    }

    private static TransactionInput Tx(string from, string? to, string data, long gas) =>
        new() { From = from, To = to, Data = data, Gas = new HexBigInteger(gas) };
}

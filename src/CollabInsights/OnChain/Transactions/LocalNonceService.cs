using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;
using Nethereum.RPC.NonceServices;

namespace CollabInsights.OnChain.Transactions;

/// <summary>
/// A Nethereum <see cref="INonceService"/> that asks the node for the account's pending transaction count once and then
/// counts locally (Nethereum's <see cref="InMemoryNonceService"/> asks before every transaction: one request more each).
/// Thread-safe. Call <see cref="ResetNonceAsync"/> after sending from the same account elsewhere, or after a send failed
/// in a way that leaves it unknown whether the node took the transaction.
/// </summary>
public sealed class LocalNonceService(string address, IClient client) : INonceService
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private BigInteger? _next;

    /// <inheritdoc/>
    public IClient Client { get; set; } = client;

    /// <inheritdoc/>
    public bool UseLatestTransactionsOnly { get; set; }

    /// <inheritdoc/>
    public async Task<HexBigInteger> GetNextNonceAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            var next = _next ?? (await new EthGetTransactionCount(Client).SendRequestAsync(address, UseLatestTransactionsOnly ? BlockParameter.CreateLatest() : BlockParameter.CreatePending()).ConfigureAwait(false)).Value;
            _next = next + 1;
            return new HexBigInteger(next);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc/>
    public async Task ResetNonceAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            _next = null;
        }
        finally
        {
            _lock.Release();
        }
    }
}

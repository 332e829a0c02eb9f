using System.Numerics;
using Nethereum.JsonRpc.Client;
using CollabInsights.OnChain.Transactions.Internal;
using Nethereum.RPC.Fee1559Suggestions;
using Nethereum.RPC.TransactionReceipts;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace CollabInsights.OnChain.Transactions;

/// <summary>
/// Nethereum <see cref="Web3"/> instances that sign with a key (Nethereum's <see cref="Account"/> and its transaction manager:
/// EIP-1559 transactions, RFC 6979 signatures). Settings chosen for seeding speed, measured with <c>collab chain seed</c>:
/// nonces counted locally after the first (<see cref="LocalNonceService"/>), fees from the latest block's base fee
/// (<see cref="SimpleFeeSuggestionStrategy"/>: 2 x base fee + 2 gwei, one request instead of a fee-history scan, asked at most once a
/// second for all accounts on the same client), and receipts polled every <see cref="ReceiptPoll"/> (Anvil mines on arrival, so the
/// first poll finds it).
/// </summary>
public static class Signers
{
    /// <summary>How often a sent transaction's receipt is polled: 5 ms.</summary>
    public static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(5);

    /// <summary>A <see cref="Web3"/> that signs with <paramref name="key"/> for chain <paramref name="chainId"/> and sends through <paramref name="client"/>.</summary>
    public static Web3 Create(IClient client, EthECKey key, BigInteger chainId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(key);
        var account = new Account(key, chainId);
        account.NonceService = new LocalNonceService(account.Address, client);
        var web3 = new Web3(account, client);
        var manager = web3.TransactionManager;
        manager.Fee1559SuggestionStrategy = SharedFeeSuggestion.For(client);
        manager.TransactionReceiptService = new TransactionReceiptPollingService(manager, (int)ReceiptPoll.TotalMilliseconds);
        return web3;
    }

    /// <summary>A signing <see cref="Web3"/> for <paramref name="key"/>, asking the node for its chain id.</summary>
    public static async Task<Web3> ConnectAsync(IClient client, EthECKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var chainId = await new Web3(client).Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return Create(client, key, chainId.Value);
    }

    /// <summary>The checksummed address <paramref name="web3"/> signs for; throws when it has no account.</summary>
    public static string SenderAddress(this IWeb3 web3)
    {
        ArgumentNullException.ThrowIfNull(web3);
        return web3.TransactionManager?.Account?.Address
            ?? throw new CollabInsightsException("This Web3 has no account to send from: create it with Signers.Create (or new Web3(account, client)).");
    }

    /// <summary>The chain id the account of <paramref name="web3"/> signs for; throws when it has none.</summary>
    public static BigInteger ChainIdOf(this IWeb3 web3)
    {
        ArgumentNullException.ThrowIfNull(web3);
        return (web3.TransactionManager?.Account as Account)?.ChainId
            ?? throw new CollabInsightsException("This Web3's account has no chain id: create it with Signers.Create or Signers.ConnectAsync.");
    }
}

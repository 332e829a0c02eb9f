using System.Numerics;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Rpc;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace CollabInsights.OnChain.Transactions;

/// <summary>
/// A key connected to a node: signs EIP-1559 transactions and sends them with its own nonce
/// counter (the node's pending count on first use, then incremented locally; safe under
/// concurrent sends, which are serialised so nonces have no gaps). Reverts surface as
/// <see cref="TransactionRevertedException"/> with the decoded reason.
/// </summary>
public sealed class Account
{
    private readonly SemaphoreSlim _nonceLock = new(1, 1);
    private long? _nextNonce;

    /// <summary>An account for <paramref name="key"/> on the chain <paramref name="chainId"/> reached through <paramref name="rpc"/>.</summary>
    public Account(EthECKey key, IEthereumRpc rpc, long chainId)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Address = key.GetPublicAddress();
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        ChainId = chainId;
    }

    /// <summary>The signing key (Nethereum's secp256k1 key: RFC 6979 nonces, low s).</summary>
    public EthECKey Key { get; }

    /// <summary>The checksummed address.</summary>
    public string Address { get; }

    /// <summary>The node.</summary>
    public IEthereumRpc Rpc { get; }

    /// <summary>The chain id signed into every transaction (EIP-155 replay protection).</summary>
    public long ChainId { get; }

    /// <summary>Connects a key to a node, asking the node for its chain id.</summary>
    public static async Task<Account> ConnectAsync(IEthereumRpc rpc, EthECKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        return new Account(key, rpc, await rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Forgets the local nonce; the next send asks the node again (after transactions sent elsewhere).</summary>
    public void ResetNonce()
    {
        _nonceLock.Wait();
        try
        {
            _nextNonce = null;
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    /// <summary>
    /// Estimates gas and fees (unless given), signs with the next nonce and sends. Returns the
    /// signed transaction (its hash identifies it). A call that would revert throws
    /// <see cref="TransactionRevertedException"/> before anything is sent.
    /// </summary>
    public async Task<SignedTransaction> SendTransactionAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gas = request.GasLimit ?? await EstimateAsync(request, cancellationToken).ConfigureAwait(false);
        BigInteger maxFee, priority;
        if (request.MaxFeePerGas is { } fee && request.MaxPriorityFeePerGas is { } tip)
        {
            (maxFee, priority) = (fee, tip);
        }
        else
        {
            var suggested = await Rpc.SuggestFeesAsync(cancellationToken).ConfigureAwait(false);
            priority = request.MaxPriorityFeePerGas ?? suggested.MaxPriorityFeePerGas;
            maxFee = request.MaxFeePerGas ?? BigInteger.Max(suggested.MaxFeePerGas, priority);
        }

        await _nonceLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var nonce = _nextNonce ?? await Rpc.GetTransactionCountAsync(Address, BlockParameter.Pending, cancellationToken).ConfigureAwait(false);
            var signed = Sign(new Transaction1559(ChainId, nonce, priority, maxFee, gas, request.To, request.Value, request.Data.ToHex(true), []));
            try
            {
                await Rpc.SendRawTransactionAsync(signed.Raw, cancellationToken).ConfigureAwait(false);
            }
            catch (EthereumRpcException e) when (e.Kind == RpcFailureKind.JsonRpcError)
            {
                // The node refused it: the nonce was not used. A nonce complaint means our counter is stale.
                if (e.RpcMessage?.Contains("nonce", StringComparison.OrdinalIgnoreCase) ?? false)
                {
                    _nextNonce = null;
                }
                else
                {
                    _nextNonce = nonce;
                }

                throw;
            }

            _nextNonce = nonce + 1;
            return signed;
        }
        catch (EthereumRpcException e) when (e.Kind != RpcFailureKind.JsonRpcError)
        {
            // Unknown whether the node took the transaction: ask again next time.
            _nextNonce = null;
            throw;
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    /// <summary>Sends and waits for the receipt; a mined transaction that failed throws <see cref="TransactionRevertedException"/> with the reason replayed from the node.</summary>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        var signed = await SendTransactionAsync(request, cancellationToken).ConfigureAwait(false);
        var receipt = await Rpc.WaitForReceiptAsync(signed.Hash, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!receipt.Succeeded)
        {
            string? reason = null;
            byte[]? data = null;
            try
            {
                await Rpc.EthCallAsync(new CallRequest(Address, request.To, request.Data) { Value = request.Value }, BlockParameter.FromNumber(Math.Max(0, receipt.BlockNumber - 1)), cancellationToken).ConfigureAwait(false);
            }
            catch (EthereumRpcException e) when (e.Kind == RpcFailureKind.JsonRpcError && IsRevert(e))
            {
                data = e.RevertData;
                reason = DecodeReason(data, request.Abi) ?? e.RpcMessage;
            }
            catch (EthereumRpcException e) when (e.Kind == RpcFailureKind.JsonRpcError)
            {
                // The node could not run the call at the parent block, typically because it keeps no state for it
                // (Anvil with --prune-history, a non-archive node). Say so instead of passing its error off as the reason.
                reason = $"reason not available: the node could not replay the call at block {Math.Max(0, receipt.BlockNumber - 1)} ({e.RpcMessage})";
            }

            throw new TransactionRevertedException($"Transaction {signed.Hash} from {Address} reverted in block {receipt.BlockNumber}{(reason is null ? string.Empty : ": " + reason)}.", reason, data, signed.Hash);
        }

        return receipt;
    }

    /// <summary>Signs an EIP-1559 transaction with this account's key (Nethereum's <see cref="Transaction1559Signer"/>): the raw typed transaction and its hash.</summary>
    public SignedTransaction Sign(Transaction1559 transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var raw = new Transaction1559Signer().SignTransaction(Key, transaction).HexToByteArray();
        return new SignedTransaction(raw, Sha3Keccack.Current.CalculateHash(raw).ToHex(true), Address, (long)(transaction.Nonce ?? 0));
    }

    /// <summary>Deploys <paramref name="deploymentData"/> (bytecode plus encoded constructor arguments) and returns the receipt holding the new contract's address.</summary>
    public Task<TransactionReceipt> DeployAsync(byte[] deploymentData, CancellationToken cancellationToken = default) =>
        SendAndWaitAsync(new TransactionRequest(null, deploymentData), cancellationToken);

    private async Task<long> EstimateAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var estimate = await Rpc.EstimateGasAsync(new CallRequest(Address, request.To, request.Data) { Value = request.Value }, cancellationToken).ConfigureAwait(false);
            return estimate + (estimate / 4);
        }
        catch (EthereumRpcException e) when (e.Kind == RpcFailureKind.JsonRpcError && IsRevert(e))
        {
            var reason = DecodeReason(e.RevertData, request.Abi) ?? e.RpcMessage;
            throw new TransactionRevertedException($"The transaction from {Address} to {request.To ?? "(new contract)"} would revert: {reason}", reason, e.RevertData, null, e);
        }
    }

    /// <summary>Whether a JSON-RPC error is the call reverting (code 3, or a message that says so) rather than the node failing to run it.</summary>
    private static bool IsRevert(EthereumRpcException e) =>
        e.Code == 3 || e.RevertData is not null || (e.RpcMessage?.Contains("revert", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string? DecodeReason(byte[]? data, ContractAbi? abi) =>
        data is null ? null : ContractAbi.DecodeRevert(data, abi?.Errors ?? []);
}

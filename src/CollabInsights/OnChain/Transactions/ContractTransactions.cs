using System.Globalization;
using System.Numerics;
using CollabInsights.OnChain.Contracts;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Transactions;

/// <summary>
/// Sends typed messages through Nethereum's contract handlers and waits for the receipt, turning every way a transaction
/// can fail into a <see cref="TransactionRevertedException"/> that names the custom error (decoded against the kit's
/// compiled contracts): a revert found by gas estimation before sending, and a mined transaction that failed (its reason
/// replayed with <c>eth_call</c> at the parent block, or a note saying why the node could not replay it).
/// </summary>
public static class ContractTransactions
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="contract"/> from the account of <paramref name="web3"/> and waits for a successful receipt.</summary>
    public static async Task<TransactionReceipt> SendAndWaitAsync<TFunction>(IWeb3 web3, string contract, TFunction message, CancellationToken cancellationToken = default)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(web3);
        ArgumentNullException.ThrowIfNull(message);
        var sender = web3.SenderAddress();
        message.FromAddress ??= sender;
        TransactionReceipt receipt;
        try
        {
            receipt = await web3.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(contract, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Reverted(e, sender, contract) is { } reverted)
        {
            throw reverted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ForgetNonceAsync(web3).ConfigureAwait(false);
            throw;
        }

        return receipt.Status?.Value == BigInteger.One
            ? receipt
            : await CheckedAsync(web3, receipt, new CallInput(message.GetCallData().ToHex(true), contract) { From = sender, Value = new HexBigInteger(message.AmountToSend) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deploys <paramref name="deployment"/> from the account of <paramref name="web3"/>; returns the receipt holding the new contract's address.</summary>
    public static async Task<TransactionReceipt> DeployAsync<TDeployment>(IWeb3 web3, TDeployment deployment, CancellationToken cancellationToken = default)
        where TDeployment : ContractDeploymentMessage, new()
    {
        ArgumentNullException.ThrowIfNull(web3);
        var sender = web3.SenderAddress();
        deployment.FromAddress ??= sender;
        TransactionReceipt receipt;
        try
        {
            receipt = await web3.Eth.GetContractDeploymentHandler<TDeployment>().SendRequestAndWaitForReceiptAsync(deployment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Reverted(e, sender, null) is { } reverted)
        {
            throw reverted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ForgetNonceAsync(web3).ConfigureAwait(false);
            throw;
        }

        return await CheckedAsync(web3, receipt, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="wei"/> to <paramref name="to"/> (21,000 gas) and waits for the receipt.</summary>
    public static async Task<TransactionReceipt> SendValueAsync(IWeb3 web3, string to, BigInteger wei, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(web3);
        var input = new TransactionInput { From = web3.SenderAddress(), To = to, Value = new HexBigInteger(wei), Gas = new HexBigInteger(21_000) };
        var receipt = await web3.TransactionManager.SendTransactionAndWaitForReceiptAsync(input, cancellationToken).ConfigureAwait(false);
        return await CheckedAsync(web3, receipt, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The revert reason in <paramref name="data"/> (<c>0x</c>-hex revert data): the message of <c>Error(string)</c>, <c>Panic(code)</c>,
    /// or <c>Name(arg, ...)</c> for a custom error of the kit's contracts (<see cref="CompiledContract.Errors"/>); null when it is none of them.
    /// </summary>
    public static string? DecodeReason(string? data)
    {
        if (data is null || !data.IsHex() || data.HexToByteArray().Length < 4)
        {
            return null;
        }

        var hex = data.EnsureHexPrefix().ToLowerInvariant();
        var selector = hex[2..10];
        try
        {
            if (selector == "08c379a0")
            {
                return new FunctionCallDecoder().DecodeFunctionErrorMessage(hex);
            }

            if (selector == "4e487b71")
            {
                return $"Panic({new BigInteger(hex[10..].HexToByteArray(), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture)})";
            }

            if (CompiledContract.Errors.FirstOrDefault(e => string.Equals(e.Sha3Signature, selector, StringComparison.OrdinalIgnoreCase)) is { } error)
            {
                var values = error.DecodeErrorDataToDefault(hex);
                return error.Name + "(" + string.Join(", ", values.Select(v => Text(v.Result))) + ")";
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            return null;
        }

        return null;
    }

    /// <summary>After a failed send the node may or may not hold the transaction: the next one asks the node for the nonce again.</summary>
    private static Task ForgetNonceAsync(IWeb3 web3) =>
        web3.TransactionManager?.Account?.NonceService?.ResetNonceAsync() ?? Task.CompletedTask;

    private static string Text(object? value) => value switch
    {
        null => "null",
        byte[] bytes => bytes.ToHex(true),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static async Task<TransactionReceipt> CheckedAsync(IWeb3 web3, TransactionReceipt receipt, CallInput? replay, CancellationToken cancellationToken)
    {
        if (receipt.Status?.Value == BigInteger.One)
        {
            return receipt;
        }

        var block = (long)receipt.BlockNumber.Value;
        var parent = Math.Max(0, block - 1);
        string? reason = null;
        string? data = null;
        if (replay is not null)
        {
            try
            {
                await web3.Eth.Transactions.Call.SendRequestAsync(replay, new BlockParameter(new HexBigInteger(parent))).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcResponseException e) when (IsRevert(e))
            {
                data = RevertData(e);
                reason = DecodeReason(data) ?? e.RpcError.Message;
            }
            catch (RpcResponseException e)
            {
                // The node could not run the call at the parent block, typically because it keeps no state for it
                // (Anvil with --prune-history, a non-archive node). Say so instead of passing its error off as the reason.
                reason = $"reason not available: the node could not replay the call at block {parent} ({e.RpcError?.Message ?? e.Message})";
            }
        }

        throw new TransactionRevertedException(
            $"Transaction {receipt.TransactionHash} from {receipt.From} reverted in block {block}{(reason is null ? string.Empty : ": " + reason)}.",
            reason,
            data?.HexToByteArray(),
            receipt.TransactionHash);
    }

    private static TransactionRevertedException? Reverted(Exception e, string sender, string? contract)
    {
        var (reason, data) = e switch
        {
            SmartContractCustomErrorRevertException custom => (DecodeReason(custom.ExceptionEncodedData) ?? "custom error " + custom.ExceptionEncodedData, custom.ExceptionEncodedData),
            SmartContractRevertException revert => (revert.RevertMessage, revert.EncodedData),
            RpcResponseException rpc when IsRevert(rpc) => (DecodeReason(RevertData(rpc)) ?? rpc.RpcError.Message, RevertData(rpc)),
            _ => ((string?)null, (string?)null),
        };
        if (reason is null && data is null)
        {
            return null;
        }

        return new TransactionRevertedException($"The transaction from {sender} to {contract ?? "(new contract)"} would revert: {reason}", reason, data is { } d && d.IsHex() ? d.HexToByteArray() : null, null, e);
    }

    /// <summary>Whether a JSON-RPC error is the call reverting (code 3, revert data, or a message that says so) rather than the node failing to run it.</summary>
    private static bool IsRevert(RpcResponseException e) =>
        e.RpcError is { } error && (error.Code == 3 || RevertData(e) is not null || (error.Message?.Contains("revert", StringComparison.OrdinalIgnoreCase) ?? false));

    private static string? RevertData(RpcResponseException e)
    {
        try
        {
            return e.RpcError?.Data is null ? null : e.RpcError.GetDataAsString() is { } d && d.IsHex() && d.Length >= 10 ? d : null;
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}

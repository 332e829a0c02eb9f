using System.Numerics;
using CollabInsights.OnChain.Contracts.OutcomeTokenDefinition;
using CollabInsights.OnChain.Transactions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Contracts;

/// <summary>
/// A deployed <c>OutcomeToken</c> (6-decimal ERC-20 stablecoin) as a Nethereum-style contract service over the messages of
/// <see cref="OutcomeTokenDefinition"/>: deploy, mint, approve, transfer, balances. Requests are sent from the account of
/// <see cref="ContractWeb3ServiceBase.Web3"/> (<see cref="WithSender"/> for another one) and wait for their receipt.
/// </summary>
public sealed class OutcomeTokenService : ContractWeb3ServiceBase
{
    /// <summary>Token units per whole token: 10^6.</summary>
    public const long UnitsPerToken = 1_000_000;

    /// <summary>A service for the token at <paramref name="contractAddress"/>, sending from the account of <paramref name="web3"/> (if any).</summary>
    public OutcomeTokenService(IWeb3 web3, string contractAddress)
        : base(web3, AddressUtil.Current.ConvertToChecksumAddress(contractAddress))
    {
    }

    /// <summary>The compiled contract.</summary>
    public static CompiledContract Contract => CompiledContract.OutcomeToken;

    /// <summary>Deploys a new token owned by the account of <paramref name="web3"/>.</summary>
    public static async Task<OutcomeTokenService> DeployAsync(IWeb3 web3, string name = "Outcome USD", string symbol = "oUSD", CancellationToken cancellationToken = default)
    {
        var receipt = await ContractTransactions.DeployAsync(web3, new OutcomeTokenDeployment { Name = name, Symbol = symbol }, cancellationToken).ConfigureAwait(false);
        return new OutcomeTokenService(web3, receipt.ContractAddress);
    }

    /// <summary>Converts a decimal token amount (e.g. 12.5) to units; more than 6 decimals throws.</summary>
    public static BigInteger ToUnits(decimal amount)
    {
        var units = amount * UnitsPerToken;
        return decimal.Truncate(units) == units ? new BigInteger(units) : throw new CollabInsightsException($"{amount} has more than 6 decimals: the token cannot represent it.");
    }

    /// <summary>The same token, sending from the account of <paramref name="web3"/>.</summary>
    public OutcomeTokenService WithSender(IWeb3 web3) => new(web3, ContractAddress);

    /// <summary>Sends <paramref name="message"/> to the token and waits for a successful receipt.</summary>
    public Task<TransactionReceipt> RequestAndWaitForReceiptAsync<TFunction>(TFunction message, CancellationToken cancellationToken = default)
        where TFunction : Nethereum.Contracts.FunctionMessage, new() =>
        ContractTransactions.SendAndWaitAsync(Web3, ContractAddress, message, cancellationToken);

    /// <summary><c>mint</c> (owner only).</summary>
    public Task<TransactionReceipt> MintRequestAndWaitForReceiptAsync(MintFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>approve</c>.</summary>
    public Task<TransactionReceipt> ApproveRequestAndWaitForReceiptAsync(ApproveFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>transfer</c>.</summary>
    public Task<TransactionReceipt> TransferRequestAndWaitForReceiptAsync(TransferFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>transferFrom</c>.</summary>
    public Task<TransactionReceipt> TransferFromRequestAndWaitForReceiptAsync(TransferFromFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>balanceOf</c> at <paramref name="block"/> (default latest).</summary>
    public Task<BigInteger> BalanceOfQueryAsync(BalanceOfFunction message, BlockParameter? block = null) =>
        ContractHandler.QueryAsync<BalanceOfFunction, BigInteger>(message, block);

    /// <summary><c>allowance</c> at <paramref name="block"/> (default latest).</summary>
    public Task<BigInteger> AllowanceQueryAsync(AllowanceFunction message, BlockParameter? block = null) =>
        ContractHandler.QueryAsync<AllowanceFunction, BigInteger>(message, block);

    /// <summary>Mints <paramref name="amount"/> units to <paramref name="to"/> (the sender must be the owner).</summary>
    public Task<TransactionReceipt> MintAsync(string to, BigInteger amount, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new MintFunction { To = to, Amount = amount }, cancellationToken);

    /// <summary>Allows <paramref name="spender"/> to move up to <paramref name="amount"/> units of the sender's tokens.</summary>
    public Task<TransactionReceipt> ApproveAsync(string spender, BigInteger amount, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new ApproveFunction { Spender = spender, Amount = amount }, cancellationToken);

    /// <summary>Transfers units from the sender to <paramref name="to"/>.</summary>
    public Task<TransactionReceipt> TransferAsync(string to, BigInteger amount, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new TransferFunction { To = to, Amount = amount }, cancellationToken);

    /// <summary>The balance of <paramref name="account"/> in units.</summary>
    public Task<BigInteger> BalanceOfAsync(string account, CancellationToken cancellationToken = default) =>
        BalanceOfQueryAsync(new BalanceOfFunction { Account = account }).WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public override List<Type> GetAllFunctionTypes() =>
    [
        typeof(MintFunction), typeof(TransferFunction), typeof(ApproveFunction), typeof(TransferFromFunction), typeof(BalanceOfFunction),
        typeof(AllowanceFunction), typeof(DecimalsFunction), typeof(NameFunction), typeof(SymbolFunction), typeof(OwnerFunction), typeof(TotalSupplyFunction),
    ];

    /// <inheritdoc/>
    public override List<Type> GetAllEventTypes() => [typeof(TransferEventDTO), typeof(ApprovalEventDTO)];

    /// <inheritdoc/>
    public override List<Type> GetAllErrorTypes() => [typeof(NotOwnerError), typeof(InsufficientBalanceError), typeof(InsufficientAllowanceError)];
}

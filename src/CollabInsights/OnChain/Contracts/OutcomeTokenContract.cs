using System.Numerics;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;

namespace CollabInsights.OnChain.Contracts;

/// <summary>A deployed <c>OutcomeToken</c> (6-decimal ERC-20 stablecoin): deploy, mint, approve, transfer, balances.</summary>
public sealed class OutcomeTokenContract
{
    private static readonly Lazy<CompiledContract> Compiled = new(() => CompiledContract.OutcomeToken);

    /// <summary>A wrapper for the token at <paramref name="address"/>.</summary>
    public OutcomeTokenContract(string address, IEthereumRpc rpc)
    {
        Address = address;
        Rpc = rpc;
    }

    /// <summary>Token units per whole token: 10^6.</summary>
    public const long UnitsPerToken = 1_000_000;

    /// <summary>The compiled contract.</summary>
    public static CompiledContract Contract => Compiled.Value;

    /// <summary>The checksummed address.</summary>
    public string Address { get; }

    /// <summary>The node.</summary>
    public IEthereumRpc Rpc { get; }

    /// <summary>Deploys a new token owned by <paramref name="owner"/>.</summary>
    public static async Task<OutcomeTokenContract> DeployAsync(Account owner, string name = "Outcome USD", string symbol = "oUSD", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var receipt = await owner.DeployAsync(Contract.Abi.EncodeDeployment(Contract.Bytecode, name, symbol), cancellationToken).ConfigureAwait(false);
        return new OutcomeTokenContract(receipt.ContractAddress!, owner.Rpc);
    }

    /// <summary>Converts a decimal token amount (e.g. 12.5) to units; more than 6 decimals throws.</summary>
    public static BigInteger ToUnits(decimal amount)
    {
        var units = amount * UnitsPerToken;
        return decimal.Truncate(units) == units ? new BigInteger(units) : throw new CollabInsightsException($"{amount} has more than 6 decimals: the token cannot represent it.");
    }

    /// <summary>Mints <paramref name="amount"/> units to <paramref name="to"/> (owner only).</summary>
    public Task<TransactionReceipt> MintAsync(Account owner, string to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(owner, "mint", cancellationToken, to, amount);

    /// <summary>Allows <paramref name="spender"/> to move up to <paramref name="amount"/> units of the holder's tokens.</summary>
    public Task<TransactionReceipt> ApproveAsync(Account holder, string spender, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(holder, "approve", cancellationToken, spender, amount);

    /// <summary>Transfers units from the sender to <paramref name="to"/>.</summary>
    public Task<TransactionReceipt> TransferAsync(Account from, string to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(from, "transfer", cancellationToken, to, amount);

    /// <summary>The balance of <paramref name="account"/> in units.</summary>
    public async Task<BigInteger> BalanceOfAsync(string account, CancellationToken cancellationToken = default)
    {
        var function = Contract.Abi.GetFunction("balanceOf");
        var result = await Rpc.EthCallAsync(new CallRequest(null, Address, function.EncodeCall(account)), BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        return (BigInteger)function.DecodeOutput(result)[0]!;
    }

    private Task<TransactionReceipt> SendAsync(Account sender, string function, CancellationToken cancellationToken, params object?[] arguments) =>
        sender.SendAndWaitAsync(new TransactionRequest(Address, Contract.Abi.GetFunction(function).EncodeCall(arguments)) { Abi = Contract.Abi }, cancellationToken);
}

using System.Numerics;
using CollabInsights.OnChain.Abi;

namespace CollabInsights.OnChain.Transactions;

/// <summary>What to send: recipient (null deploys <see cref="Data"/> as a contract), call data, value; gas and fees are estimated when left null.</summary>
public sealed record TransactionRequest(string? To, byte[] Data)
{
    /// <summary>Wei to send. Default 0.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Gas limit; null estimates it (eth_estimateGas plus 25 %).</summary>
    public long? GasLimit { get; init; }

    /// <summary>Max fee per gas in wei; null uses 2 x base fee + priority fee.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>Priority fee per gas in wei; null asks the node.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>The called contract's ABI, used only to decode custom revert errors. Optional.</summary>
    public ContractAbi? Abi { get; init; }
}

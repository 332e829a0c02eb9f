using System.Numerics;

namespace CollabInsights.OnChain.Rpc;

/// <summary>A mined transaction's receipt: success, gas used, effective gas price (wei), the created contract's address, and the logs.</summary>
public sealed record TransactionReceipt(
    string TransactionHash,
    long BlockNumber,
    string BlockHash,
    string From,
    string? To,
    bool Succeeded,
    long GasUsed,
    BigInteger EffectiveGasPrice,
    string? ContractAddress,
    IReadOnlyList<RpcLog> Logs)
{
    /// <summary>Wei paid for gas: <see cref="GasUsed"/> times <see cref="EffectiveGasPrice"/>.</summary>
    public BigInteger FeeWei => GasUsed * EffectiveGasPrice;
}

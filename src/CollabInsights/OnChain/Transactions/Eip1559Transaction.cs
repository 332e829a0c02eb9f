using System.Numerics;
using CollabInsights.OnChain.Crypto;

namespace CollabInsights.OnChain.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction. Amounts are wei; <see cref="To"/> is null to deploy a
/// contract. The access list is always empty. <see cref="Sign"/> gives the raw bytes for <c>eth_sendRawTransaction</c>.
/// </summary>
public sealed record Eip1559Transaction(
    long ChainId,
    long Nonce,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    long GasLimit,
    string? To,
    BigInteger Value,
    byte[] Data)
{
    /// <summary>The hash that is signed: Keccak-256 of <c>0x02 || rlp([chainId, nonce, maxPriorityFee, maxFee, gas, to, value, data, accessList])</c>.</summary>
    public byte[] SigningHash() => Keccak256.Hash([0x02, .. Rlp.EncodeList(Fields())]);

    /// <summary>Signs with <paramref name="key"/>: the raw typed transaction and its hash.</summary>
    public SignedTransaction Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(SigningHash());
        var fields = Fields();
        fields.Add(Rlp.EncodeInteger(signature.RecoveryId));
        fields.Add(Rlp.EncodeInteger(signature.R));
        fields.Add(Rlp.EncodeInteger(signature.S));
        byte[] raw = [0x02, .. Rlp.EncodeList(fields)];
        return new SignedTransaction(raw, Hex.Encode(Keccak256.Hash(raw)), key.Address, Nonce);
    }

    private List<byte[]> Fields() =>
    [
        Rlp.EncodeInteger(ChainId),
        Rlp.EncodeInteger(Nonce),
        Rlp.EncodeInteger(MaxPriorityFeePerGas),
        Rlp.EncodeInteger(MaxFeePerGas),
        Rlp.EncodeInteger(GasLimit),
        Rlp.EncodeBytes(To is null ? [] : EthAddress.Parse(To)),
        Rlp.EncodeInteger(Value),
        Rlp.EncodeBytes(Data),
        Rlp.EncodeList([]),
    ];
}

using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Abi;

/// <summary>A contract function from the ABI: its signature, 4-byte selector, call encoding and output decoding.</summary>
public sealed record AbiFunction(string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, string StateMutability = "nonpayable")
{
    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; } = Name + AbiType.JoinCanonical(Inputs);

    /// <summary>The first 4 bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public byte[] Selector => (byte[])_selector.Clone();

    private readonly byte[] _selector = Sha3Keccack.Current.CalculateHashAsBytes(Name + AbiType.JoinCanonical(Inputs))[..4];

    /// <summary>The selector as <c>0x</c>-hex (10 characters).</summary>
    public string SelectorHex => _selector.ToHex(true);

    /// <summary>True for <c>view</c> and <c>pure</c> functions (call them with eth_call).</summary>
    public bool IsReadOnly => StateMutability is "view" or "pure";

    /// <summary>Call data: the selector followed by the ABI encoding of <paramref name="arguments"/>.</summary>
    public byte[] EncodeCall(params object?[] arguments)
    {
        var encoded = AbiEncoder.Encode(Inputs, arguments);
        var data = new byte[4 + encoded.Length];
        _selector.CopyTo(data, 0);
        encoded.CopyTo(data, 4);
        return data;
    }

    /// <summary>Decodes the return data of a call.</summary>
    public IReadOnlyList<object?> DecodeOutput(ReadOnlySpan<byte> data) => AbiDecoder.Decode(Outputs, data);
}

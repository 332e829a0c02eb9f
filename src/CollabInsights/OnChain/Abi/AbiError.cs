using Nethereum.Util;

namespace CollabInsights.OnChain.Abi;

/// <summary>A custom error from the ABI (<c>error Unauthorized(address caller)</c>), used to decode revert data.</summary>
public sealed record AbiError(string Name, IReadOnlyList<AbiParameter> Inputs)
{
    /// <summary>The canonical signature, e.g. <c>Unauthorized(address)</c>.</summary>
    public string Signature { get; } = Name + AbiType.JoinCanonical(Inputs);

    /// <summary>The first 4 bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public byte[] Selector => (byte[])_selector.Clone();

    private readonly byte[] _selector = Sha3Keccack.Current.CalculateHashAsBytes(Name + AbiType.JoinCanonical(Inputs))[..4];

    /// <summary>The standard <c>Error(string)</c> that <c>require(cond, "reason")</c> reverts with.</summary>
    public static AbiError StandardError { get; } = new("Error", [AbiParameter.Of("string", "reason")]);

    /// <summary>The standard <c>Panic(uint256)</c> of failed asserts, overflows and similar.</summary>
    public static AbiError StandardPanic { get; } = new("Panic", [AbiParameter.Of("uint256", "code")]);
}

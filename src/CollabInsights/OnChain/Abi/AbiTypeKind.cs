namespace CollabInsights.OnChain.Abi;

/// <summary>The kinds of Solidity ABI types.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uintN</c>, N in 8..256 by 8.</summary>
    UInt,

    /// <summary><c>intN</c>, two's complement, N in 8..256 by 8.</summary>
    Int,

    /// <summary><c>address</c> (20 bytes).</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>bytesN</c>, N in 1..32.</summary>
    FixedBytes,

    /// <summary><c>bytes</c> (dynamic).</summary>
    Bytes,

    /// <summary><c>string</c> (dynamic, UTF-8).</summary>
    String,

    /// <summary><c>T[]</c> (dynamic length).</summary>
    Array,

    /// <summary><c>T[k]</c> (fixed length).</summary>
    FixedArray,

    /// <summary><c>(T1,T2,...)</c>, a struct.</summary>
    Tuple,
}

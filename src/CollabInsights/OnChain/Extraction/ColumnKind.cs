namespace CollabInsights.OnChain.Extraction;

/// <summary>How a table column is stored. Everything that may exceed 64 bits is text so no value is ever rounded.</summary>
public enum ColumnKind
{
    /// <summary>A 64-bit integer (block number, log index, timestamp in Unix seconds).</summary>
    Int64,

    /// <summary>A Solidity integer of up to 256 bits, as a decimal string (lossless).</summary>
    BigInteger,

    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>An address, EIP-55 checksummed.</summary>
    Address,

    /// <summary>Bytes or a hash as lower-case 0x-hex.</summary>
    Bytes,

    /// <summary>UTF-8 text.</summary>
    String,

    /// <summary>An array or tuple as JSON (integers inside as decimal strings).</summary>
    Json,
}

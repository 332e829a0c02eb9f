using System.Globalization;
using System.Numerics;

namespace CollabInsights.OnChain.Crypto;

/// <summary>Hexadecimal text as Ethereum writes it: lower-case, <c>0x</c>-prefixed; quantities without leading zeros.</summary>
public static class Hex
{
    /// <summary>Lower-case hex with a <c>0x</c> prefix (<c>0x</c> for an empty span).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with or without <c>0x</c>; an odd number of digits gets a leading zero. Throws <see cref="FormatException"/> on a non-hex digit.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var span = hex.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        if (span.Length % 2 == 1)
        {
            return Convert.FromHexString("0" + span.ToString());
        }

        return Convert.FromHexString(span);
    }

    /// <summary>A JSON-RPC quantity: <c>0x</c> followed by the value in hex without leading zeros (<c>0x0</c> for zero). Negative values are rejected.</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A JSON-RPC quantity cannot be negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        return "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    /// <summary>A JSON-RPC quantity for a 64-bit value.</summary>
    public static string EncodeQuantity(long value) => EncodeQuantity(new BigInteger(value));

    /// <summary>Parses a JSON-RPC quantity (<c>0x1a</c>) as an unsigned big integer.</summary>
    public static BigInteger DecodeBigInteger(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var span = hex.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        if (span.Length == 0)
        {
            return BigInteger.Zero;
        }

        return BigInteger.Parse("0" + span.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a JSON-RPC quantity that fits in 64 bits (block numbers, nonces, gas).</summary>
    public static long DecodeLong(string hex)
    {
        var value = DecodeBigInteger(hex);
        if (value > long.MaxValue)
        {
            throw new FormatException($"The quantity {hex} does not fit in 64 bits.");
        }

        return (long)value;
    }

    /// <summary>Big-endian unsigned bytes of <paramref name="value"/> without leading zeros (empty for zero), as RLP wants them.</summary>
    public static byte[] ToMinimalBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only non-negative integers have a minimal unsigned encoding.");
        }

        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }
}

using System.Text;

namespace CollabInsights.OnChain.Crypto;

/// <summary>20-byte Ethereum addresses: EIP-55 checksummed text, validation, and derivation from a public key.</summary>
public static class EthAddress
{
    /// <summary>The zero address, checksummed.</summary>
    public const string Zero = "0x0000000000000000000000000000000000000000";

    /// <summary>The EIP-55 mixed-case form of a 20-byte address given as hex (any case, with or without <c>0x</c>).</summary>
    public static string ToChecksum(string address)
    {
        var bytes = Parse(address);
        return ToChecksum(bytes);
    }

    /// <summary>The EIP-55 mixed-case form of 20 address bytes.</summary>
    public static string ToChecksum(ReadOnlySpan<byte> address)
    {
        if (address.Length != 20)
        {
            throw new ArgumentException($"An address has 20 bytes, not {address.Length}.", nameof(address));
        }

        var lower = Convert.ToHexStringLower(address);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var builder = new StringBuilder("0x", 42);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f;
            builder.Append(c is >= 'a' and <= 'f' && nibble >= 8 ? char.ToUpperInvariant(c) : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses an address. All-lower or all-upper hex is accepted as is; mixed case must carry a
    /// valid EIP-55 checksum (a typo is then caught). Throws <see cref="FormatException"/> with the reason.
    /// </summary>
    public static byte[] Parse(string address)
    {
        if (!TryParse(address, out var bytes, out var error))
        {
            throw new FormatException(error);
        }

        return bytes;
    }

    /// <summary>Like <see cref="Parse"/> but returns false with a reason instead of throwing.</summary>
    public static bool TryParse(string? address, out byte[] bytes, out string? error)
    {
        bytes = [];
        error = null;
        var text = address?.Trim() ?? string.Empty;
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length != 40 || !digits.All(char.IsAsciiHexDigit))
        {
            error = $"'{address}' is not an address: expected 0x followed by 40 hex digits.";
            return false;
        }

        bytes = Convert.FromHexString(digits);
        var hasLower = digits.Any(char.IsAsciiLetterLower);
        var hasUpper = digits.Any(char.IsAsciiLetterUpper);
        if (hasLower && hasUpper && !string.Equals("0x" + digits, ToChecksum(bytes), StringComparison.Ordinal))
        {
            error = $"'{address}' has a wrong EIP-55 checksum (mixed case that does not match); check for a typo or write it in lower case.";
            bytes = [];
            return false;
        }

        return true;
    }

    /// <summary>True when <paramref name="address"/> parses (see <see cref="Parse"/>).</summary>
    public static bool IsValid(string? address) => TryParse(address, out _, out _);

    /// <summary>The address of an uncompressed secp256k1 public key (64 bytes x||y, or 65 bytes with the 0x04 prefix), checksummed.</summary>
    public static string FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }

        if (publicKey.Length != 64)
        {
            throw new ArgumentException("Expected an uncompressed public key of 64 or 65 bytes.", nameof(publicKey));
        }

        return ToChecksum(Keccak256.Hash(publicKey).AsSpan(12));
    }
}

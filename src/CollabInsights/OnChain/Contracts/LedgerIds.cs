using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Contracts;

/// <summary>
/// Text ids (project, metric) as the ledger's bytes32: UTF-8 right-padded with zeros when 31 bytes
/// or shorter (readable back with <see cref="ToText"/>), otherwise the Keccak-256 of the text.
/// </summary>
public static class LedgerIds
{
    /// <summary>The bytes32 form of <paramref name="id"/> as <c>0x</c>-hex.</summary>
    public static string ToBytes32(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bytes = Encoding.UTF8.GetBytes(id);
        if (bytes.Length > 31)
        {
            return Sha3Keccack.Current.CalculateHash(bytes).ToHex(true);
        }

        var word = new byte[32];
        bytes.CopyTo(word, 0);
        return word.ToHex(true);
    }

    /// <summary>The text of a padded bytes32 id, or the hex itself when it is a hash (no zero padding or not UTF-8).</summary>
    public static string ToText(string bytes32Hex)
    {
        var bytes = bytes32Hex.HexToByteArray();
        var end = Array.FindLastIndex(bytes, b => b != 0) + 1;
        if (end == 0)
        {
            return string.Empty;
        }

        if (end == bytes.Length || bytes.AsSpan(0, end).Contains((byte)0))
        {
            return bytes32Hex;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, 0, end);
        }
        catch (DecoderFallbackException)
        {
            return bytes32Hex;
        }
    }
}

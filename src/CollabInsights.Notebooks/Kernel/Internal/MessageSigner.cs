using System.Security.Cryptography;
using System.Text;

namespace CollabInsights.Notebooks.Kernel.Internal;

/// <summary>HMAC-SHA256 signatures of Jupyter messages (over header, parent header, metadata and content).</summary>
internal sealed class MessageSigner
{
    private readonly byte[] key;

    public MessageSigner(string key)
    {
        this.key = Encoding.UTF8.GetBytes(key);
    }

    public bool Enabled => key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return "";
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }

        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return true;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}

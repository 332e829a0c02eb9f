using System.Security.Cryptography;
using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.Verification;

/// <summary>
/// Replaces identifiers (a patient number, a person's id) by a keyed hash, HMAC-SHA-256 under a key only the data
/// controller holds: the same identifier gets the same pseudonym in every file anchored with the same key, so records
/// link without naming the person, and without the key nobody can test a guessed identifier. An identifier is trimmed
/// and NFC-normalised before hashing (so <c>" 123"</c> and <c>"123"</c> link); an empty cell stays empty. The pseudonym is
/// <c>hmac-sha256:</c> followed by 64 lower-case hex digits.
/// </summary>
public sealed class Pseudonymiser
{
    /// <summary>The prefix of every pseudonym.</summary>
    public const string Prefix = "hmac-sha256:";

    private readonly byte[] _key;

    /// <summary>A pseudonymiser under <paramref name="key"/> (at least 16 bytes; <see cref="NewKey"/> makes 32 random bytes).</summary>
    public Pseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, $"The controller key is {key.Length} bytes; a pseudonymisation key needs at least 16 (32 recommended). Make one with Pseudonymiser.NewKey.", "key");
        }

        _key = key.ToArray();
    }

    /// <summary>A short public fingerprint of the key (first 8 bytes of HMAC(key, "collab-key-fingerprint"), hex), written into manifests so a reader can tell which key was used without learning it.</summary>
    public string KeyFingerprint => Convert.ToHexStringLower(HMACSHA256.HashData(_key, "collab-key-fingerprint"u8)[..8]);

    /// <summary>The pseudonym of <paramref name="identifier"/>.</summary>
    public string Pseudonymise(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var text = identifier.Trim();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        text = text.Normalize(NormalizationForm.FormC);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A new random 32-byte key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Reads a key file (hex, optionally <c>0x</c>-prefixed, surrounding white space ignored).</summary>
    public static byte[] ReadKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"The controller key file {path} does not exist. Pass the key file written when the dataset was anchored (it is kept by the data controller).");
        }

        var text = File.ReadAllText(path).Trim();
        try
        {
            return (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text).HexToByteArray();
        }
        catch (FormatException)
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"The controller key file {path} does not hold a hex key. It should hold 64 hex digits, as anchoring writes it (DatasetAnchor.AnchorAsync).");
        }
    }

    /// <summary>Writes <paramref name="key"/> as hex to <paramref name="path"/> (readable by the owner only where the file system allows).</summary>
    public static void WriteKeyFile(string path, byte[] key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Convert.ToHexStringLower(key) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

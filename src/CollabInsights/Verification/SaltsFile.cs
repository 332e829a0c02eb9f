using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.Verification;

/// <summary>
/// The private salts file of an anchored dataset (<c>salts.json</c>): the root it belongs to and each record's 32-byte
/// salt by record key (<c>FILE:ROW</c>), <c>0x</c>-hex. Whoever holds it can make proofs; keep it with the data
/// controller. Erasing a record deletes its salt here, after which no proof of it can be made.
/// </summary>
public static class SaltsFile
{
    /// <summary>The format tag written into the file.</summary>
    public const string Format = "collab-salts-v1";

    /// <summary>Writes the salts of <paramref name="root"/> (owner-only permissions where the file system has them).</summary>
    public static async Task WriteAsync(string path, string root, IReadOnlyDictionary<string, byte[]> salts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(salts);
        var body = new JsonObject
        {
            ["format"] = Format,
            ["root"] = root,
            ["private"] = "Keep this file with the data controller: it opens the anchored records. Deleting a record's salt erases the record for proofs.",
            ["salts"] = new JsonObject(salts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToHex(true))))),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a salts file; checks that it belongs to <paramref name="expectedRoot"/>.</summary>
    public static async Task<Dictionary<string, byte[]>> ReadAsync(string path, string expectedRoot, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException(CollabInsightsErrorCode.NotFound, $"The salts file {path} does not exist. Proofs are made from the anchor folder that anchoring writes (DatasetAnchor.AnchorAsync), which holds salts.json; the data controller keeps it.");
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        var root = document.RootElement;
        var fileRoot = root.GetProperty("root").GetString();
        if (!string.Equals(fileRoot, expectedRoot, StringComparison.OrdinalIgnoreCase))
        {
            throw new CollabInsightsException($"The salts file {path} belongs to root {fileRoot}, not to the anchored root {expectedRoot}. Use the salts file written beside this manifest.");
        }

        var salts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("salts").EnumerateObject())
        {
            salts[p.Name] = (p.Value.GetString()!).HexToByteArray();
        }

        return salts;
    }
}

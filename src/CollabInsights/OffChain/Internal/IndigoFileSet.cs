using System.IO.Compression;

namespace CollabInsights.OffChain.Internal;

/// <summary>
/// The CSV files of an INDIGO export, read into memory from a folder or from the official zip.
/// Files may sit at the root or inside exactly one subfolder (as the zip ships them).
/// </summary>
internal sealed class IndigoFileSet
{
    private readonly Dictionary<string, byte[]> _files;

    private IndigoFileSet(string source, Dictionary<string, byte[]> files)
    {
        Source = source;
        _files = files;
    }

    /// <summary>The folder or zip the files came from.</summary>
    public string Source { get; }

    /// <summary>Reads the named files (others are ignored) from a folder or a zip. A missing file throws, naming the file and the place searched.</summary>
    public static async Task<IndigoFileSet> OpenAsync(string path, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return await FromFolderAsync(full, wanted, ct).ConfigureAwait(false);
        }

        if (File.Exists(full))
        {
            return await FromZipAsync(full, wanted, ct).ConfigureAwait(false);
        }

        throw new CollabInsightsException($"INDIGO data not found at '{full}'. Pass the folder of CSV files or the zip as downloaded from GO Lab (\"all data per data type, CSV\").");
    }

    /// <summary>The bytes of <paramref name="fileName"/>.</summary>
    public byte[] Get(string fileName) => _files[fileName];

    private static async Task<IndigoFileSet> FromFolderAsync(string folder, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        var root = folder;
        if (!wanted.Any(f => File.Exists(Path.Combine(folder, f))))
        {
            var subs = Directory.GetDirectories(folder);
            if (subs.Length == 1)
            {
                root = subs[0];
            }
        }

        var missing = wanted.Where(f => !File.Exists(Path.Combine(root, f))).ToList();
        if (missing.Count > 0)
        {
            throw MissingFiles(root, missing);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in wanted)
        {
            files[name] = await File.ReadAllBytesAsync(Path.Combine(root, name), ct).ConfigureAwait(false);
        }

        return new IndigoFileSet(root, files);
    }

    private static async Task<IndigoFileSet> FromZipAsync(string zipPath, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        ZipArchive archive;
        try
        {
            archive = await ZipFile.OpenReadAsync(zipPath, ct).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new CollabInsightsException($"'{zipPath}' is neither a folder nor a readable zip file: {ex.Message}. Pass the folder of CSV files or the zip as downloaded.", ex);
        }

        await using (archive.ConfigureAwait(false))
        {
            // Entry name -> entry, for entries at the root or one folder deep.
            var byFolder = archive.Entries
                .Where(e => e.Name.Length > 0)
                .GroupBy(e => e.FullName[..^e.Name.Length].Replace('\\', '/').TrimEnd('/'), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToDictionary(e => e.Name, StringComparer.Ordinal), StringComparer.Ordinal);
            var folder = byFolder.Where(kv => kv.Key.Count(ch => ch == '/') == 0)
                .OrderByDescending(kv => wanted.Count(kv.Value.ContainsKey))
                .ThenBy(kv => kv.Key.Length)
                .Select(kv => kv.Key)
                .FirstOrDefault();
            var entries = folder is null ? [] : byFolder[folder];
            var missing = wanted.Where(f => !entries.ContainsKey(f)).ToList();
            if (missing.Count > 0)
            {
                throw MissingFiles(folder is null or "" ? zipPath : $"{zipPath}!/{folder}", missing);
            }

            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var name in wanted)
            {
                var entry = entries[name];
                var stream = await entry.OpenAsync(ct).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var buffer = new MemoryStream(entry.Length > 0 && entry.Length < int.MaxValue ? (int)entry.Length : 0);
                    await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
                    files[name] = buffer.ToArray();
                }
            }

            return new IndigoFileSet(folder is null or "" ? zipPath : $"{zipPath}!/{folder}", files);
        }
    }

    private static CollabInsightsException MissingFiles(string where, List<string> missing) =>
        new($"The INDIGO export at '{where}' lacks {string.Join(", ", missing)}. Expected the GO Lab \"all data per data type, CSV\" export with these files: {string.Join(", ", IndigoLayout.LoadedFiles)}.");
}

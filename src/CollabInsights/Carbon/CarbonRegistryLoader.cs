using CollabInsights.Carbon.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Carbon;

/// <summary>
/// Reads registry exports in their raw layouts (Verra, Gold Standard, ACR, CAR, ART TREES, Isometric, Cercarbono) and CAD
/// Trust's model into one <see cref="CarbonDataset"/>. Bad cells are reported with file, row, column, value and what was
/// expected, and the good rows still load; a missing required column or an unreadable file is an error that names it.
/// </summary>
public static class CarbonRegistryLoader
{
    /// <summary>
    /// Loads every registry folder under each of <paramref name="roots"/>: a root holds folders named as in
    /// <see cref="CarbonRegistries.All"/> (<c>verra/</c>, <c>gold-standard/</c>, ..., <c>cadt/</c>), or is itself one of them.
    /// Files are named in problems and provenance as <c>registry/file</c>, rows from 1 after the header.
    /// </summary>
    public static async Task<LoadResult<CarbonDataset>> LoadAsync(IEnumerable<string> roots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var folders = new List<(string Registry, string Path)>();
        foreach (var root in roots)
        {
            if (!Directory.Exists(root))
            {
                throw new CollabInsightsException($"Registry data folder '{root}' does not exist. Pass a folder holding one folder per registry ({string.Join(", ", CarbonRegistries.All.Select(r => r + "/"))}), for example data/carbon-offsetsdb.");
            }

            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
            if (CarbonRegistries.All.Contains(name, StringComparer.Ordinal))
            {
                folders.Add((name, root));
                continue;
            }

            var found = CarbonRegistries.All.Where(r => Directory.Exists(Path.Combine(root, r))).Select(r => (r, Path.Combine(root, r))).ToList();
            if (found.Count == 0)
            {
                throw new CollabInsightsException($"'{root}' holds no registry folder. Expected one or more of {string.Join(", ", CarbonRegistries.All.Select(r => r + "/"))} (the folder names of OffsetsDB's samples, and cadt/ for CAD Trust), each with that registry's raw export files.");
            }

            folders.AddRange(found);
        }

        var problems = new List<DataProblem>();
        var dataset = CarbonDataset.Empty;
        foreach (var (registry, path) in folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.EnumerateFiles(path))
            {
                files[Path.GetFileName(file)] = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            }

            dataset = dataset.Concat(Read(registry, files, problems));
        }

        return new LoadResult<CarbonDataset>(dataset, problems);
    }

    /// <summary>
    /// Reads one registry's files, given as file name to UTF-8 content (for tests and in-memory data); problems are added to
    /// <paramref name="problems"/>. Files the registry's layout does not use are ignored.
    /// </summary>
    public static CarbonDataset Read(string registry, IReadOnlyDictionary<string, byte[]> files, List<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(problems);
        var what = registry switch
        {
            CarbonRegistries.Verra => "Verra's registry export",
            CarbonRegistries.GoldStandard => "Gold Standard's registry export",
            CarbonRegistries.Cadt => "CAD Trust",
            _ => $"the {registry} registry export",
        };
        RegistryRows? Open(string file)
        {
            if (!files.TryGetValue(file, out var bytes))
            {
                return null;
            }

            var name = registry + "/" + file;
            return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? RegistryRows.Json(name, what, System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), problems)
                : RegistryRows.Csv(name, what, bytes, problems);
        }

        var parts = new RegistryReaders.Parts();
        switch (registry)
        {
            case CarbonRegistries.Verra:
                RegistryReaders.Verra(Open, parts);
                break;
            case CarbonRegistries.GoldStandard:
                RegistryReaders.GoldStandard(Open, parts);
                break;
            case CarbonRegistries.AmericanCarbonRegistry or CarbonRegistries.ClimateActionReserve or CarbonRegistries.ArtTrees:
                RegistryReaders.Apx(registry, Open, parts);
                break;
            case CarbonRegistries.Isometric:
                RegistryReaders.Isometric(Open, parts);
                break;
            case CarbonRegistries.Cercarbono:
                RegistryReaders.Cercarbono(Open, parts);
                break;
            case CarbonRegistries.Cadt:
                RegistryReaders.Cadt(Open, parts);
                break;
            default:
                throw new CollabInsightsException($"'{registry}' is not a registry the kit reads. Use one of {string.Join(", ", CarbonRegistries.All)}.");
        }

        return new CarbonDataset(parts.Projects, parts.Issuances, parts.Blocks);
    }
}

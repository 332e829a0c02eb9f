using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CollabInsights.Notebooks.Internal;

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> from the local NuGet package folder (no network): the
/// package's best <c>lib/</c> folder for this runtime plus its nuspec dependencies found locally.
/// </summary>
internal static partial class NuGetReferences
{
    private static readonly string[] Frameworks =
    [
        "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp3.0",
        "netcoreapp2.2", "netcoreapp2.1", "netcoreapp2.0", "netstandard2.1", "netstandard2.0",
        "netstandard1.6", "netstandard1.3", "netstandard1.1", "netstandard1.0",
    ];

    /// <summary>The package folder: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Matches a whole <c>#r "nuget: ..."</c> directive line.</summary>
    [GeneratedRegex(@"^\s*#r\s+""nuget:\s*(?<id>[^,""\s]+)\s*(,\s*(?<version>[^""\s]+)\s*)?""\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex Directive();

    /// <summary>Resolves a package to assembly paths (package then its dependencies), or throws explaining how to add it.</summary>
    public static IReadOnlyList<string> Resolve(string root, string id, string? version, string cellName, int line)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ResolveInto(root, id, version, exact: version is not null, result, seen, cellName, line, required: true);
        return result;
    }

    private static void ResolveInto(string root, string id, string? version, bool exact, List<string> result, HashSet<string> seen, string cellName, int line, bool required)
    {
        if (!seen.Add(id))
        {
            return;
        }

        var packageDir = Path.Combine(root, id.ToLowerInvariant());
        string? chosen = null;
        if (Directory.Exists(packageDir))
        {
            var versions = Directory.GetDirectories(packageDir).Select(Path.GetFileName).OfType<string>().ToList();
            if (exact)
            {
                chosen = versions.FirstOrDefault(v => string.Equals(v, version, StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                var min = ParseVersion(version);
                chosen = versions.Where(v => ParseVersion(v) >= min).OrderByDescending(ParseVersion).FirstOrDefault();
            }
        }

        if (chosen is null)
        {
            if (!required)
            {
                return;
            }

            var spec = version is null ? id : $"{id} {version}";
            throw new CollabInsightsException(
                $"{cellName}, line {line}: package {spec} is not in the local NuGet folder {root}. Notebooks resolve packages offline: "
                + $"add it with `dotnet add <any project> package {id}{(version is null ? "" : " --version " + version)}` followed by `dotnet restore`, "
                + "or reference the assembly directly with #r \"path/to/Assembly.dll\".");
        }

        var dir = Path.Combine(packageDir, chosen);
        var lib = Path.Combine(dir, "lib");
        if (Directory.Exists(lib))
        {
            var tfm = Frameworks.FirstOrDefault(f => Directory.Exists(Path.Combine(lib, f)));
            if (tfm is not null)
            {
                result.AddRange(Directory.GetFiles(Path.Combine(lib, tfm), "*.dll").Order(StringComparer.Ordinal));
            }
        }

        foreach (var (depId, depVersion) in Dependencies(dir))
        {
            ResolveInto(root, depId, depVersion, exact: false, result, seen, cellName, line, required: false);
        }
    }

    private static IEnumerable<(string Id, string? Version)> Dependencies(string packageDir)
    {
        var nuspec = Directory.GetFiles(packageDir, "*.nuspec").FirstOrDefault();
        if (nuspec is null)
        {
            return [];
        }

        var doc = XDocument.Load(nuspec);
        var groups = doc.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        var group = Frameworks
            .Select(f => groups.FirstOrDefault(g => NormaliseTfm((string?)g.Attribute("targetFramework")) == f))
            .FirstOrDefault(g => g is not null);
        var deps = group?.Elements().Where(e => e.Name.LocalName == "dependency")
            ?? doc.Descendants().Where(e => e.Name.LocalName == "dependency" && e.Parent?.Name.LocalName == "dependencies");
        return deps.Select(d => ((string)d.Attribute("id")!, MinVersion((string?)d.Attribute("version")))).ToList();
    }

    private static string NormaliseTfm(string? tfm) => (tfm ?? "").ToLowerInvariant() switch
    {
        ".netstandard2.0" => "netstandard2.0",
        ".netstandard2.1" => "netstandard2.1",
        var t when t.StartsWith("net", StringComparison.Ordinal) && t.Contains('.', StringComparison.Ordinal) => t,
        var t => t.TrimStart('.'),
    };

    private static string? MinVersion(string? range) =>
        range is null ? null : range.Trim('[', '(', ']', ')').Split(',')[0].Trim() is { Length: > 0 } v ? v : null;

    private static Version ParseVersion(string? text)
    {
        if (text is null)
        {
            return new Version(0, 0);
        }

        var core = text.Split('-', '+')[0];
        return Version.TryParse(core, out var v) ? v : new Version(0, 0);
    }
}

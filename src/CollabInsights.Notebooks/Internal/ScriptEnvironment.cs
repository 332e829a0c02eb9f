using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CollabInsights.Notebooks.Internal;

/// <summary>The references and imports every session starts with, built once per process (reused metadata keeps compiles fast).</summary>
internal static class ScriptEnvironment
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyCoreReferences = new(BuildCoreReferences);

    /// <summary>Framework assemblies everyday notebook code uses, referenced up front besides the library's own references.</summary>
    private static readonly string[] EverydayAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "netstandard", "System.Console", "System.Linq", "System.Collections",
        "System.Collections.Concurrent", "System.Collections.Immutable", "System.Linq.Expressions", "Microsoft.CSharp",
        "System.Memory", "System.Runtime.Numerics", "System.Text.RegularExpressions", "System.Text.Json", "System.Net.Http",
        "System.Net.Primitives", "System.Threading", "System.Threading.Tasks", "System.IO.Compression", "System.ComponentModel.Primitives",
        "System.Diagnostics.Process", "System.ObjectModel", "System.Runtime.InteropServices",
    ];

    private static readonly string[] BaseImports =
    [
        "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Text",
        "System.Threading", "System.Threading.Tasks", "Microsoft.Data.Analysis", "Plotly.NET.CSharp",
        "Microsoft.DotNet.Interactive.Formatting", "Microsoft.DotNet.Interactive.Formatting.PocketViewTags",
    ];

    /// <summary>Every managed assembly the runtime can load (trusted platform assemblies: the framework, the CollabInsights library and its packages).</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// The references a cell compiles against first: the CollabInsights assemblies, what they reference directly
    /// (DataFrame, Plotly.NET, ML.NET, ...) and <see cref="EverydayAssemblies"/>, about a quarter of <see cref="References"/>.
    /// Every compile pays per reference (binding and the reference list written into the PDB), so a trivial cell
    /// compiles several times faster; a cell that does not compile against this set is retried against all of
    /// <see cref="References"/>, and the session then stays on the full set.
    /// </summary>
    public static ImmutableArray<MetadataReference> CoreReferences => LazyCoreReferences.Value;

    /// <summary>Namespaces imported by default: the usual System ones, DataFrames, Plotly charts and the public CollabInsights namespaces.</summary>
    public static IReadOnlyList<string> Imports { get; } = BuildImports();

    /// <summary>Assembly simple names among <see cref="References"/>; a nuget reference to one of them is already satisfied.</summary>
    public static ImmutableHashSet<string> ReferencedNames { get; private set; } = [];

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        var extra = new[] { typeof(ScriptEnvironment).Assembly.Location, typeof(CollabInsightsException).Assembly.Location };
        foreach (var path in tpa.Concat(extra).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || names.Contains(name) || !IsManaged(path))
            {
                continue;
            }

            names.Add(name);
            builder.Add(MetadataReference.CreateFromFile(path));
        }

        ReferencedNames = names.ToImmutable();
        return builder.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> BuildCoreReferences()
    {
        var wanted = new HashSet<string>(EverydayAssemblies, StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in new[] { typeof(ScriptEnvironment).Assembly, typeof(CollabInsightsException).Assembly })
        {
            wanted.Add(assembly.GetName().Name!);
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                wanted.Add(name.Name!);
            }
        }

        return [.. References.Where(r => r is PortableExecutableReference { FilePath: { } path } && wanted.Contains(Path.GetFileNameWithoutExtension(path)))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            return false;
        }
    }

    private static string[] BuildImports()
    {
        var library = typeof(CollabInsightsException).Assembly.GetExportedTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => !n.Contains(".Internal", StringComparison.Ordinal));
        return BaseImports.Concat(library).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }
}

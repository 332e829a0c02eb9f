namespace CollabInsights.Tests.Shared;

/// <summary>Locates the repository, the third-party reference data beside it, and tools installed by scripts/bootstrap.sh.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding CollabInsights.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The real INDIGO export for tests: <c>../shared/data/indigo-2025-05</c>, or <c>COLLAB_INDIGO_DATA</c>. Fails loudly when absent.</summary>
    public static string IndigoData
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("COLLAB_INDIGO_DATA") is { Length: > 0 } env
                ? env
                : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "indigo-2025-05"));
            if (!Directory.Exists(path))
            {
                throw new InvalidOperationException($"The INDIGO reference export was not found at {path}. Place it at ../shared/data/indigo-2025-05 beside the repository or set COLLAB_INDIGO_DATA.");
            }

            return path;
        }
    }

    /// <summary>A tool from the pinned npm packages (node_modules/.bin); fails loudly naming the install step.</summary>
    public static string NodeTool(string name)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name} was not found at {path}. Run scripts/bootstrap.sh (it runs npm ci from package-lock.json).");
        }

        return path;
    }

    /// <summary>A fresh empty temporary directory, unique per call.</summary>
    public static string NewTempDirectory(string prefix = "collab-test")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("COLLAB_REPO_ROOT") is { Length: > 0 } env && File.Exists(Path.Combine(env, "CollabInsights.sln")))
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CollabInsights.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find CollabInsights.sln above " + AppContext.BaseDirectory);
    }
}

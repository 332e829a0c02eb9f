namespace CollabInsights.Tests.Shared;

/// <summary>Locates the repository, the third-party reference data beside it, and tools installed by scripts/bootstrap.sh.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding CollabInsights.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The real INDIGO export for tests: the pinned copy in the repository, <c>data/indigo-2025-05</c>, or <c>COLLAB_INDIGO_DATA</c>. Fails loudly when absent.</summary>
    public static string IndigoData
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("COLLAB_INDIGO_DATA") is { Length: > 0 } env
                ? env
                : Path.Combine(Root, "data", "indigo-2025-05");
            if (!Directory.Exists(path))
            {
                throw new InvalidOperationException($"The INDIGO reference export was not found at {path}. It is committed in the repository under data/indigo-2025-05 (restore it with git checkout -- data/indigo-2025-05) or set COLLAB_INDIGO_DATA.");
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

    /// <summary>A fresh empty temporary directory, unique per call, under this test process's own folder (deleted when the process exits).</summary>
    public static string NewTempDirectory(string prefix = "collab-test")
    {
        var dir = Path.Combine(LazyRunTempRoot.Value, $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private const string RunTempPrefix = "collab-tests-";

    private static readonly Lazy<string> LazyRunTempRoot = new(CreateRunTempRoot);

    /// <summary>The temporary folder of this test process: <c>collab-tests-PID</c> in the system's temp folder.</summary>
    public static string RunTempRoot => LazyRunTempRoot.Value;

    // One folder per test process, removed at exit, so repeated runs do not fill the temp folder; folders left by
    // processes that died without exiting (killed by a timeout, say) are removed by the next run.
    private static string CreateRunTempRoot()
    {
        DeleteFoldersOfDeadRuns();
        var root = Path.Combine(Path.GetTempPath(), RunTempPrefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TryDelete(root);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static void DeleteFoldersOfDeadRuns()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), RunTempPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(dir).AsSpan(RunTempPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                TryDelete(dir);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a file still held open by a child process is left for the next run to remove.
        }
        catch (UnauthorizedAccessException)
        {
        }
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

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollabInsights.Notebooks.Execution;

namespace CollabInsights.Notebooks.Kernel;

/// <summary>
/// Writes the Jupyter kernelspec of the C# kernel (<c>kernels/collab-csharp/kernel.json</c>) so that
/// JupyterLab, VS Code and <c>jupyter nbconvert</c> can start it.
/// </summary>
public static class KernelSpecInstaller
{
    /// <summary>The per-user Jupyter data folder: <c>JUPYTER_DATA_DIR</c>, else the platform's default (<c>~/.local/share/jupyter</c> on Linux).</summary>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } env)
        {
            return env;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter");
    }

    /// <summary>The Jupyter data folder under an installation prefix (<c>PREFIX/share/jupyter</c>).</summary>
    public static string PrefixDataDirectory(string prefix) => Path.Combine(prefix, "share", "jupyter");

    /// <summary>
    /// Environment of the kernel process (kernel.json's <c>env</c>). Tiered compilation is off: every cell emits a new
    /// assembly, whose fresh methods keep postponing the runtime's tier-up of Roslyn itself, so with tiering on the
    /// compiler runs unoptimised code cell after cell. Measured with <c>collab notebook bench</c> on the 2-core
    /// reference machine under load: trivial cell 12-13 ms with it off, 57-108 ms with it on; the kernel is ready
    /// in about a second either way, and the first cell pays a few seconds more.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KernelEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TieredCompilation"] = "0",
    };

    /// <summary>The kernel.json content: argv runs <c>dotnet collab.dll kernel -f {connection_file}</c> with <see cref="KernelEnvironment"/>.</summary>
    public static JsonObject KernelJson(string dotnetHost, string collabAssembly) => new()
    {
        ["argv"] = new JsonArray(dotnetHost, collabAssembly, "kernel", "-f", "{connection_file}"),
        ["env"] = new JsonObject(KernelEnvironment.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))),
        ["display_name"] = NotebookRunner.KernelDisplayName,
        ["language"] = "csharp",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes the kernelspec under <paramref name="dataDirectory"/>/kernels/collab-csharp and returns that folder.</summary>
    public static string Install(string dataDirectory, string collabAssembly, string? dotnetHost = null)
    {
        if (!File.Exists(collabAssembly))
        {
            throw new CollabInsightsException($"The kernel assembly {collabAssembly} does not exist. Build the CLI first: `dotnet build src/CollabInsights.Cli -c Release`.");
        }

        var dir = Path.Combine(dataDirectory, "kernels", NotebookRunner.KernelName);
        Directory.CreateDirectory(dir);
        var json = KernelJson(dotnetHost ?? DotnetHost(), Path.GetFullPath(collabAssembly));
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(dir, "kernel.json"), json.ToJsonString(options) + "\n", new UTF8Encoding(false));
        return dir;
    }

    /// <summary>The dotnet host running this process, else <c>DOTNET_HOST_PATH</c>, else "dotnet" from PATH.</summary>
    public static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}

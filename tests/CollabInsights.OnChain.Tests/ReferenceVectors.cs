using System.Diagnostics;
using System.Text.Json;
using CollabInsights.Tests.Shared;

namespace CollabInsights.OnChain.Tests;

/// <summary>Runs reference/vectors.mjs (ethers, pinned in package-lock.json) once per test run and parses its JSON.</summary>
internal static class ReferenceVectors
{
    private static readonly Lazy<JsonElement> LazyVectors = new(Generate);

    public static JsonElement Root => LazyVectors.Value;

    public static JsonElement Get(string name) => Root.GetProperty(name);

    /// <summary>A vector value as the encoder takes it: strings, bools and nested lists.</summary>
    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Number => element.GetRawText(),
        _ => throw new InvalidOperationException($"Unexpected {element.ValueKind} in the vectors."),
    };

    private static JsonElement Generate()
    {
        // ethers resolves from the repository's node_modules: the script must exist and ethers must be installed.
        RepoPaths.NodeTool("solcjs");
        var script = Path.Combine(RepoPaths.Root, "tests", "CollabInsights.OnChain.Tests", "reference", "vectors.mjs");
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node could not be started: install Node.js 20+ (see environment.md) and run scripts/bootstrap.sh.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {stderr.Result}. Run scripts/bootstrap.sh to install ethers.");
        }

        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }
}

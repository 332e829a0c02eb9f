using System.Diagnostics;
using System.Text.Json;

namespace CollabInsights.Verification.Internal;

/// <summary>Runs the npm <c>@openzeppelin/merkle-tree</c> library (pinned in package-lock.json) through the embedded script <c>oz_merkle.mjs</c>.</summary>
internal static class OpenZeppelinMerkle
{
    /// <summary>The package folder, found in <c>node_modules</c> above the working directory or the application.</summary>
    public static string FindPackage()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", "@openzeppelin", "merkle-tree");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new CollabInsightsException($"The npm package @openzeppelin/merkle-tree was not found in node_modules above {Environment.CurrentDirectory}. Run scripts/bootstrap.sh (npm ci installs it from package-lock.json).");
    }

    /// <summary>Runs the script in <paramref name="mode"/> (<c>check</c> or <c>bench</c>) on the JSON input file; returns its JSON output.</summary>
    public static async Task<JsonElement> RunAsync(string mode, string inputFile, CancellationToken cancellationToken)
    {
        var package = FindPackage();
        var script = Path.Combine(Path.GetTempPath(), $"collab-oz-merkle-{Environment.ProcessId}-{Guid.NewGuid():N}.mjs");
        await using (var resource = typeof(OpenZeppelinMerkle).Assembly.GetManifestResourceStream("CollabInsights.Verification.oz_merkle.mjs")
            ?? throw new CollabInsightsException("The OpenZeppelin Merkle script is not embedded in the library; rebuild it."))
        await using (var file = File.Create(script))
        {
            await resource.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var info = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("--max-old-space-size=8192");
            info.ArgumentList.Add(script);
            info.ArgumentList.Add(package);
            info.ArgumentList.Add(mode);
            info.ArgumentList.Add(inputFile);
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new CollabInsightsException("node could not be started.");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new CollabInsightsException("node was not found: install Node.js 20+ (see environment.md) and run scripts/bootstrap.sh.", ex);
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                var stdout = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    throw new CollabInsightsException($"@openzeppelin/merkle-tree ({mode}) failed with exit code {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
                }

                using var document = JsonDocument.Parse(stdout);
                return document.RootElement.Clone();
            }
        }
        finally
        {
            File.Delete(script);
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace CollabInsights.Anomalies.Internal;

/// <summary>
/// Runs a scikit-learn script with Debian's Python on a CSV written to a private temporary folder:
/// the script is called as <c>script input output seed</c> and its output file's lines are returned.
/// The one way the kit's IsolationForest peers reach Python.
/// </summary>
internal static class SklearnScript
{
    /// <summary>Writes <paramref name="inputCsv"/>, runs <paramref name="script"/> on it and returns the output's lines; the folder is removed afterwards.</summary>
    public static async Task<string[]> RunAsync(string exe, string script, string inputCsv, int seed, CancellationToken cancellationToken)
    {
        if (!File.Exists(exe))
        {
            throw new CollabInsightsException($"Python was not found at {exe}. Install Debian's python3 and python3-sklearn (apt-get install python3-sklearn) or set COLLAB_PYTHON.");
        }

        var dir = Path.Combine(Path.GetTempPath(), $"collab-iforest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "features.csv");
            var output = Path.Combine(dir, "scores.txt");
            var scriptPath = Path.Combine(dir, "iforest.py");
            await File.WriteAllTextAsync(input, inputCsv, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(scriptPath, script, cancellationToken).ConfigureAwait(false);
            var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { scriptPath, input, output, seed.ToString(CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi) ?? throw new CollabInsightsException($"Could not start {exe}.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new CollabInsightsException($"IsolationForest failed (exit {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}. Install python3-sklearn (apt-get install python3-sklearn).");
            }

            return await File.ReadAllLinesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

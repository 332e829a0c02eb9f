using System.Diagnostics;

namespace CollabInsights.Tests.Shared;

/// <summary>Runs Debian's /usr/bin/python3 for independent checks; fails loudly, naming the install step, when it is missing.</summary>
internal static class DebianPython
{
    public const string Interpreter = "/usr/bin/python3";

    public static string Script(string folder, string name) => Path.Combine(RepoPaths.Root, "tests", "fixtures", folder, name);

    public static async Task<string> RunAsync(CancellationToken ct, params string[] args)
    {
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException($"{Interpreter} is missing: install Debian's python3 with python3-pandas and python3-sklearn (apt-get install python3 python3-pandas python3-sklearn; scripts/bootstrap.sh does); the independent checks need it.");
        }

        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', args)} failed with exit {process.ExitCode}: {await stderr}");
        return output;
    }
}

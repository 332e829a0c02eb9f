using System.Diagnostics;

namespace CollabInsights.Notebooks.Tests;

/// <summary>Runs the Debian tools the integration tests need; a missing tool fails naming the install step.</summary>
internal static class ExternalTools
{
    public const string Python = "/usr/bin/python3";
    public const string Jupyter = "/usr/bin/jupyter";
    public const string Chromium = "/usr/bin/chromium";

    public static string TestFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static void RequirePython(string module, string package)
    {
        Require(Python, "apt-get install python3");
        var result = Run(Python, ["-c", $"import {module}"], TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Python module {module} is missing ({result.Error.Trim()}). Install it: apt-get install {package}");
        }
    }

    public static void Require(string path, string install)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} was not found. Install it: {install}");
        }
    }

    public static (int ExitCode, string Output, string Error) Run(string file, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s. Output: {stdout.Result}\n{stderr.Result}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Installs the kernelspec into a fresh Jupyter prefix and returns the JUPYTER_PATH to use.</summary>
    public static async Task<string> InstallKernelAsync(CancellationToken ct)
    {
        var prefix = CollabInsights.Tests.Shared.RepoPaths.NewTempDirectory("collab-jupyter");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Cli.CollabCli.InvokeAsync(["kernel", "install", "--prefix", prefix], output, error, ct);
        Assert.True(code == 0, error.ToString());
        return Path.Combine(prefix, "share", "jupyter");
    }
}

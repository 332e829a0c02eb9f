using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CollabInsights.Domain;
using CollabInsights.Notebooks.Execution;
using CollabInsights.Notebooks.Kernel.Internal;
using NetMQ;
using NetMQ.Sockets;

namespace CollabInsights.Notebooks.Kernel;

/// <summary>
/// Measures the kernel as a Jupyter client sees it: a real kernel process started with
/// <c>dotnet collab.dll kernel -f</c>, time to kernel_info_reply, round trips of trivial cells; plus
/// the headless runner over a folder of notebooks.
/// </summary>
public static class KernelBenchmark
{
    /// <summary>
    /// Runs the benchmark. <paramref name="collabAssembly"/> is the collab.dll to start; <paramref name="notebookFolder"/> may be null;
    /// <paramref name="harnessAssembly"/> (the CollabInsights.Notebooks.Harness.dll hosting .NET Interactive's CSharpKernel) is timed
    /// the same way in the same run when given.
    /// </summary>
    public static async Task<KernelBenchmarkResult> RunAsync(string collabAssembly, int cells, string? notebookFolder, CancellationToken cancellationToken = default, string? harnessAssembly = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "collab-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var connection = new KernelConnection
        {
            Ip = "127.0.0.1",
            ShellPort = FreePort(),
            IOPubPort = FreePort(),
            StdinPort = FreePort(),
            ControlPort = FreePort(),
            HeartbeatPort = FreePort(),
            Key = Guid.NewGuid().ToString("N"),
        };
        var file = Path.Combine(dir, "connection.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(connection), cancellationToken).ConfigureAwait(false);
        var signer = new MessageSigner(connection.Key);
        var session = Guid.NewGuid().ToString();

        var start = new ProcessStartInfo(KernelSpecInstaller.DotnetHost()) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { collabAssembly, "kernel", "-f", file })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in KernelSpecInstaller.KernelEnvironment)
        {
            start.Environment[name] = value; // as Jupyter starts it from kernel.json
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new CollabInsightsException("Could not start the kernel process.");
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var shell = new DealerSocket();
        using var control = new DealerSocket();
        shell.Connect(connection.Endpoint(connection.ShellPort));
        control.Connect(connection.Endpoint(connection.ControlPort));
        try
        {
            Request(shell, signer, session, "kernel_info_request", []);
            Await(shell, signer, "kernel_info_reply", TimeSpan.FromSeconds(60), process);
            var ready = stopwatch.Elapsed.TotalMilliseconds;

            var times = new List<double>();
            for (var i = 0; i <= cells; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cell = Stopwatch.StartNew();
                Request(shell, signer, session, "execute_request", new JsonObject
                {
                    ["code"] = "1 + 1",
                    ["silent"] = false,
                    ["store_history"] = true,
                    ["user_expressions"] = new JsonObject(),
                    ["allow_stdin"] = false,
                    ["stop_on_error"] = true,
                });
                var reply = Await(shell, signer, "execute_reply", TimeSpan.FromSeconds(120), process);
                if (reply.Content["status"]?.GetValue<string>() != "ok")
                {
                    throw new CollabInsightsException($"The trivial benchmark cell failed in the kernel: {reply.Content.ToJsonString()}");
                }

                times.Add(cell.Elapsed.TotalMilliseconds);
            }

            Request(control, signer, session, "shutdown_request", new JsonObject { ["restart"] = false });
            Await(control, signer, "shutdown_reply", TimeSpan.FromSeconds(10), process);
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
            }

            var engine = await EngineTrivialCellsAsync(cells, cancellationToken).ConfigureAwait(false);
            var peer = harnessAssembly is null ? null : await PeerAsync(harnessAssembly, cells, cancellationToken).ConfigureAwait(false);
            var notebooks = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var all = Stopwatch.StartNew();
            if (notebookFolder is not null && Directory.Exists(notebookFolder))
            {
                foreach (var notebook in Directory.GetFiles(notebookFolder, "*.ipynb").Order(StringComparer.Ordinal))
                {
                    var one = Stopwatch.StartNew();
                    var result = await NotebookRunner.RunFileAsync(notebook, new NotebookRunOptions { AllowErrors = true }, cancellationToken).ConfigureAwait(false);
                    notebooks[Path.GetFileName(notebook)] = Math.Round(one.Elapsed.TotalSeconds, 3);
                    _ = result;
                }
            }

            var later = times.Skip(1).Order().ToList();
            return new KernelBenchmarkResult(
                Math.Round(ready, 1),
                Math.Round(times[0], 1),
                Math.Round(Percentile.Of(later, 50), 2),
                Math.Round(Percentile.Of(later, 95), 2),
                Math.Round(engine, 2),
                cells,
                notebooks,
                Math.Round(all.Elapsed.TotalSeconds, 3)) { DotNetInteractive = peer };
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Temporary folder; left behind if locked.
            }
        }
    }

    /// <summary>
    /// The harness next to a built collab.dll: <c>src/CollabInsights.Notebooks.Harness/bin/CONFIG/TFM/</c> in the repository
    /// that holds it (found by walking up to CollabInsights.sln), CONFIG and TFM taken from collab.dll's own path; else null.
    /// </summary>
    public static string? FindHarness(string collabAssembly)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(collabAssembly))!);
        var tfm = dir.Name;
        var config = dir.Parent?.Name ?? "Release";
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "CollabInsights.sln")))
            {
                var path = Path.Combine(d.FullName, "src", "CollabInsights.Notebooks.Harness", "bin", config, tfm, "CollabInsights.Notebooks.Harness.dll");
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    private static async Task<PeerKernelResult> PeerAsync(string harnessAssembly, int cells, CancellationToken ct)
    {
        var start = new ProcessStartInfo(KernelSpecInstaller.DotnetHost()) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(harnessAssembly);
        start.ArgumentList.Add(cells.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new CollabInsightsException($"Could not start the .NET Interactive harness {harnessAssembly}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new CollabInsightsException("The .NET Interactive harness did not finish within 10 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new CollabInsightsException($"The .NET Interactive harness failed (exit {process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        var json = JsonNode.Parse(await stdout.ConfigureAwait(false))!;
        var later = json["trivialCellTimesMs"]!.AsArray().Select(t => t!.GetValue<double>()).Order().ToList();
        return new PeerKernelResult(
            json["kernel"]!.GetValue<string>(),
            json["readyMs"]!.GetValue<double>(),
            json["firstCellMs"]!.GetValue<double>(),
            Math.Round(Percentile.Of(later, 50), 2),
            Math.Round(Percentile.Of(later, 95), 2));
    }

    private static async Task<double> EngineTrivialCellsAsync(int cells, CancellationToken ct)
    {
        using var session = new CSharpSession();
        await session.ExecuteAsync("0", cancellationToken: ct).ConfigureAwait(false);
        var times = new List<double>();
        for (var i = 0; i < cells; i++)
        {
            var r = await session.ExecuteAsync("1 + 1", cancellationToken: ct).ConfigureAwait(false);
            times.Add(r.Elapsed.TotalMilliseconds);
        }

        return Percentile.Median(times.Order().ToList());
    }


    private static void Request(NetMQSocket socket, MessageSigner signer, string session, string type, JsonObject content) =>
        socket.SendMultipartMessage(JupyterMessage.Create(type, content, null, session).ToFrames(signer));

    private static JupyterMessage Await(NetMQSocket socket, MessageSigner signer, string type, TimeSpan timeout, Process process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            NetMQMessage? frames = null;
            if (!socket.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(100), ref frames) || frames is null)
            {
                if (process.HasExited)
                {
                    throw new CollabInsightsException($"The kernel process exited with code {process.ExitCode} before sending {type}.");
                }

                continue;
            }

            var message = JupyterMessage.Parse(frames, signer, out _);
            if (message?.MessageType == type)
            {
                return message;
            }
        }

        throw new CollabInsightsException($"The kernel sent no {type} within {timeout.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

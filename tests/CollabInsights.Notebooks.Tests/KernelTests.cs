using System.Text.Json.Nodes;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Notebooks.Tests;

/// <summary>The real kernel process driven by jupyter_client (Debian python3-jupyter-client).</summary>
public sealed class KernelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kernel_serves_execute_display_errors_completion_and_interrupt_to_jupyter_client()
    {
        ExternalTools.RequirePython("jupyter_client", "python3-jupyter-client");
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        var run = ExternalTools.Run(ExternalTools.Python, [ExternalTools.TestFile("python", "kernel_smoke.py")], TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath });
        Assert.True(run.ExitCode == 0, run.Error);
        var r = JsonNode.Parse(run.Output)!;
        Assert.Equal("csharp", r["kernel_info"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("5.3", r["kernel_info"]!["protocol_version"]!.GetValue<string>());

        var first = r["state"]![0]!;
        Assert.Equal("ok", first["reply"]!["status"]!.GetValue<string>());
        Assert.Contains(first["outputs"]!.AsArray(), o => o!["type"]!.GetValue<string>() == "stream" && o["content"]!["text"]!.GetValue<string>() == "hello\n");
        Assert.Contains(first["outputs"]!.AsArray(), o => o!["type"]!.GetValue<string>() == "execute_input");
        var second = r["state"]![1]!;
        Assert.Contains(second["outputs"]!.AsArray(), o => o!["type"]!.GetValue<string>() == "execute_result" && o["content"]!["data"]!["text/plain"]!.GetValue<string>() == "42");

        var display = r["display"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "display_data")!;
        Assert.Contains("&lt;b&gt;a&lt;/b&gt;", display["content"]!["data"]!["text/html"]!.GetValue<string>(), StringComparison.Ordinal);

        // display(x).Update(y) goes on the wire as update_display_data with the display_id of the first display_data.
        var shown = r["update"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "display_data")!["content"]!;
        var updated = r["update"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "update_display_data")!["content"]!;
        var later = r["later_update"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "update_display_data")!["content"]!;
        var id = shown["transient"]!["display_id"]!.GetValue<string>();
        Assert.Equal("first", shown["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("second", updated["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("third", later["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(id, updated["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal(id, later["transient"]!["display_id"]!.GetValue<string>());

        var error = r["error"]!;
        Assert.Equal("error", error["reply"]!["status"]!.GetValue<string>());
        Assert.Contains("line 2", error["reply"]!["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(error["outputs"]!.AsArray(), o => o!["type"]!.GetValue<string>() == "error");

        Assert.Equal("complete", r["is_complete"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("incomplete", r["is_complete"]![1]!["status"]!.GetValue<string>());
        Assert.Contains("Length", r["complete"]!["matches"]!.AsArray().Select(m => m!.GetValue<string>()));

        Assert.Equal("KeyboardInterrupt", r["interrupt"]!["reply"]!["ename"]!.GetValue<string>());
        Assert.True(r["interrupt"]!["seconds"]!.GetValue<double>() < 5);
        Assert.Contains(r["after_interrupt"]!["outputs"]!.AsArray(), o => o!["type"]!.GetValue<string>() == "execute_result" && o["content"]!["data"]!["text/plain"]!.GetValue<string>() == "82");
    }

    [Fact]
    public async Task Message_with_a_bad_signature_is_dropped_and_logged()
    {
        ExternalTools.RequirePython("jupyter_client", "python3-jupyter-client");
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        var dir = RepoPaths.NewTempDirectory();
        var log = Path.Combine(dir, "kernel-stderr.log");
        var run = ExternalTools.Run(ExternalTools.Python, [ExternalTools.TestFile("python", "bad_signature.py"), log], TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath }, workingDirectory: dir);
        Assert.True(run.ExitCode == 0, run.Error);
        var r = JsonNode.Parse(run.Output)!;
        Assert.False(r["bad_reply"]!.GetValue<bool>());
        Assert.Equal("ok", r["good"]!["status"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(dir, "pwned.txt")), "the badly signed code ran");
        Assert.Contains("bad signature", await File.ReadAllTextAsync(log, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kernel_install_writes_the_kernelspec()
    {
        var jupyterPath = await ExternalTools.InstallKernelAsync(Ct);
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(jupyterPath, "kernels", "collab-csharp", "kernel.json"), Ct))!;
        Assert.Equal("C# (CollabInsights)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("csharp", spec["language"]!.GetValue<string>());
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.EndsWith("collab.dll", argv[1], StringComparison.Ordinal);
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv[2..]);
        Assert.Equal("0", spec["env"]!["DOTNET_TieredCompilation"]!.GetValue<string>());

        // The README's check: `jupyter kernelspec list` (Debian's jupyter-client) shows the kernel.
        ExternalTools.Require("/usr/bin/jupyter-kernelspec", "apt-get install jupyter-client (scripts/bootstrap.sh does)");
        var list = ExternalTools.Run(ExternalTools.Jupyter, ["kernelspec", "list", "--json"], TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath });
        Assert.True(list.ExitCode == 0, list.Error);
        var specs = JsonNode.Parse(list.Output)!["kernelspecs"]!.AsObject();
        Assert.Equal(Path.Combine(jupyterPath, "kernels", "collab-csharp"), specs["collab-csharp"]!["resource_dir"]!.GetValue<string>());
    }
}

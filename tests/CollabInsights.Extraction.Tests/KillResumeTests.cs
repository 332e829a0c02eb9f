using System.Diagnostics;
using CollabInsights.Cli;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Extraction.Tests;

/// <summary>Runs <c>collab chain extract</c> as a child process, kills it (SIGKILL) at random moments, resumes, and checks the output equals an uninterrupted run.</summary>
public class KillResumeTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string[] Args(string dir, string abiFile) =>
    [
        "chain", "extract", "--rpc", chain.Anvil.Url, "--address", chain.Contract, "--abi", abiFile, "--from", "0", "--to", chain.Head.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--format", "parquet", "--block-timestamps", "--out", dir, "--initial-range", "1", "--max-range", "1", "--concurrency", "2", "--chunk-logs", "150", "--json",
    ];

    [Fact]
    public async Task Extraction_killed_at_random_points_resumes_to_the_output_of_an_uninterrupted_run()
    {
        var abiFile = Path.Combine(RepoPaths.NewTempDirectory(), "abi.json");
        await File.WriteAllTextAsync(abiFile, AnvilFixture.AbiWithoutUnlisted, Ct);

        var reference = RepoPaths.NewTempDirectory();
        var code = await CollabCli.InvokeAsync(Args(reference, abiFile), new StringWriter(), new StringWriter(), Ct);
        Assert.Equal(0, code);
        var expected = await AnvilExtractionTests.ReadAllAsync(reference);

        var dir = RepoPaths.NewTempDirectory();
        var collab = Path.Combine(AppContext.BaseDirectory, "collab.dll");
        var random = new Random(20261125);
        var kills = 0;
        var progressAtKill = new List<long>();
        for (var attempt = 0; attempt < 12 && kills < 4; attempt++)
        {
            var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(collab);
            foreach (var a in Args(dir, abiFile))
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            // Wait until this run has committed something new, then kill it after a random extra delay.
            var before = LastCompleted(dir);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!process.HasExited && LastCompleted(dir) == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, Ct);
            }

            await Task.Delay(random.Next(0, 400), Ct);
            if (process.HasExited)
            {
                Assert.True(process.ExitCode == 0, await stderr);
                break;
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
            kills++;
            progressAtKill.Add(LastCompleted(dir));
        }

        Assert.True(kills >= 3, $"only {kills} kills landed before the run finished");
        code = await CollabCli.InvokeAsync(Args(dir, abiFile), new StringWriter(), new StringWriter(), Ct);
        Assert.Equal(0, code);
        Assert.Equal(expected, await AnvilExtractionTests.ReadAllAsync(dir));
        Assert.True(progressAtKill.Any(p => p > 0 && p < chain.Head), "no kill landed in the middle of the range: " + string.Join(",", progressAtKill));
    }

    private static long LastCompleted(string dir)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "checkpoint.json")));
            return doc.RootElement.GetProperty("last_completed_block").GetInt64();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return -2;
        }
    }
}

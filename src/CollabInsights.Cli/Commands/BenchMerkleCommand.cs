using System.CommandLine;
using System.Globalization;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab bench merkle --leaves N</c>: our StandardMerkleTree against @openzeppelin/merkle-tree on the same leaves in the same run.</summary>
internal static class BenchMerkleCommand
{
    public static Command Create()
    {
        var leaves = new Option<int>("--leaves") { Description = "Number of leaves (default 1,000,000).", DefaultValueFactory = _ => 1_000_000 };
        var proofs = new Option<int>("--proofs") { Description = "Proofs made after the build (default 1,000).", DefaultValueFactory = _ => 1_000 };
        var outFile = new Option<string>("--out") { Description = "File to write the results JSON to (default bench-results/merkle.json).", DefaultValueFactory = _ => Path.Combine("bench-results", "merkle.json") };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("merkle", "Benchmark: build an OpenZeppelin-compatible Merkle tree over N dataset leaves and make proofs, ours versus @openzeppelin/merkle-tree (node) on the same leaves in the same run; same root and proofs checked.")
        {
            leaves, proofs, outFile, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var asJson = parseResult.GetValue(json);
            var progress = CliCommand.Immediate<string>(line =>
            {
                if (!asJson)
                {
                    output.WriteLine("  " + line);
                }
            });
            var result = await MerkleBenchmark.RunAsync(new MerkleBenchmarkOptions { Leaves = parseResult.GetValue(leaves), Proofs = parseResult.GetValue(proofs) }, progress, ct).ConfigureAwait(false);
            var text = MerkleBenchmark.ToJson(result);
            var file = await CliCommand.WriteFileAsync(parseResult.GetValue(outFile)!, text, ct).ConfigureAwait(false);
            if (asJson)
            {
                await output.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Leaves:N0} leaves, {result.Proofs:N0} proofs: ours build {result.OursBuildMs:0} ms + proofs {result.OursProofsMs:0.0} ms; @openzeppelin/merkle-tree build {result.PeerBuildMs:0} ms + proofs {result.PeerProofsMs:0.0} ms; speed-up {result.Speedup:0.0}x"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"one verification: ours {result.OursVerifyMs * 1000:0.0} us, @openzeppelin/merkle-tree {result.PeerVerifyMs * 1000:0.0} us; same root: {(result.RootsAgree ? "yes" : "NO")}, same proofs: {(result.ProofsAgree ? "yes" : "NO")}"));
                output.WriteLine($"Wrote {file}");
            }

            return result.RootsAgree && result.ProofsAgree ? 0 : CliCommand.WorkFailedExitCode;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using CollabInsights.OnChain.Rpc;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab proof make|verify</c>: proofs that a record (or some of its fields) is in an anchored dataset.</summary>
internal static class ProofCommand
{
    public static Command Create()
    {
        var command = new Command("proof", "Make and verify proofs that a record, or some of its fields, is in an anchored dataset.");
        command.Subcommands.Add(CreateMake());
        command.Subcommands.Add(CreateVerify());
        return command;
    }

    private static Command CreateMake()
    {
        var anchor = new Option<string>("--anchor") { Description = "The anchor folder written by `collab anchor` (it holds the salts).", Required = true };
        var record = new Option<string>("--record") { Description = "FILE:ROW: FILE relative to the anchored folder, ROW counted from 1 after the header.", Required = true };
        var fields = new Option<string?>("--fields") { Description = "Comma-separated fields to disclose (the others stay hidden); default: the whole record." };
        var outFile = new Option<string>("--out") { Description = "The proof file to write; default proof.json.", DefaultValueFactory = _ => "proof.json" };
        var command = new Command("make", "Write a proof of one anchored record: the record or only the fields disclosed, salts, sibling paths, root, anchoring transaction.")
        {
            anchor, record, fields, outFile,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var (file, row) = ParseRecord(parseResult.GetValue(record)!);
            var wanted = parseResult.GetValue(fields)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var proof = await RecordProofs.MakeAsync(parseResult.GetValue(anchor)!, file, row, wanted, ct).ConfigureAwait(false);
            var path = Path.GetFullPath(parseResult.GetValue(outFile)!);
            await proof.WriteAsync(path, ct).ConfigureAwait(false);
            var what = wanted is { Length: > 0 } ? $"field(s) {string.Join(", ", wanted)} ({proof.HiddenFields.Count} hidden)" : "the whole record";
            output.WriteLine($"Proof of {what} of {proof.Record} under root {proof.Root} (transaction {proof.Anchor.TransactionHash}) written to {path}");
            return 0;
        });
        return command;
    }

    private static Command CreateVerify()
    {
        var proofFile = new Argument<string>("proof") { Description = "The proof file (proof.json)." };
        var rpc = new Option<string?>("--rpc") { Description = $"JSON-RPC URL of the chain the root was anchored on; default ${RpcEndpoint.EnvironmentVariable}." };
        var confirmations = new Option<int>("--confirmations") { Description = "Blocks required on top of the anchoring block, itself included (default 1).", DefaultValueFactory = _ => 1 };
        var data = new Option<string?>("--data") { Description = "The anchored data (the anchor folder's data/ or one of its files): also check the record there still hashes to the proven leaf." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("verify", "Verify a proof: leaf, sibling path, the root's anchor on chain with N confirmations and, given the data, the record there. Exit 0 when proven, 1 when not.")
        {
            proofFile, rpc, confirmations, data, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var proof = await RecordProof.ReadAsync(parseResult.GetValue(proofFile)!, ct).ConfigureAwait(false);
            var client = new Nethereum.Web3.Web3(AnchorCommand.ChainEndpoint(parseResult.GetValue(rpc)).CreateClient());
            var result = await RecordProofs.VerifyAsync(proof, client, new ProofVerifyOptions
            {
                Confirmations = parseResult.GetValue(confirmations),
                DataPath = parseResult.GetValue(data),
            }, ct).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new
                {
                    proven = result.Proven,
                    outcome = result.Outcome.ToString(),
                    message = result.Message,
                    checks = result.Checks,
                })).ConfigureAwait(false);
            }
            else
            {
                foreach (var check in result.Checks)
                {
                    output.WriteLine("  " + check);
                }

                output.WriteLine(result.Proven ? "PROVEN: " + result.Message : "NOT PROVEN: " + result.Message);
            }

            return result.Proven ? 0 : CliCommand.WorkFailedExitCode;
        });
        return command;
    }

    internal static (string File, int Row) ParseRecord(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1)
        {
            throw new CollabInsightsException($"--record {text} is not FILE:ROW. Give the file relative to the anchored folder and the row counted from 1 after the header, e.g. outcomes.csv:12.");
        }

        return (text[..colon], row);
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.OnChain.Rpc;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// <c>collab correct --anchor DIR --record FILE:ROW --set FIELD=VALUE --reason TEXT --rpc URL</c>: a correcting record that names
/// the anchored one and says why, anchored and linked on chain by the ledger's <c>RecordCorrected</c> event (nothing is overwritten).
/// </summary>
internal static class CorrectCommand
{
    public static Command Create()
    {
        var anchor = new Option<string>("--anchor") { Description = "The anchor folder written by `collab anchor`.", Required = true };
        var record = new Option<string>("--record") { Description = "FILE:ROW of the record to correct, as anchored (FILE relative to the anchored folder, ROW from 1 after the header).", Required = true };
        var set = new Option<string[]>("--set") { Description = "FIELD=VALUE: a field's corrected value; repeat for several fields.", Required = true, AllowMultipleArgumentsPerToken = false };
        var reason = new Option<string>("--reason") { Description = "Why the record is corrected (kept in the correcting record, on chain and in the register).", Required = true };
        var rpc = new Option<string?>("--rpc") { Description = $"JSON-RPC URL of the chain the dataset was anchored on; default ${RpcEndpoint.EnvironmentVariable}." };
        var key = new Option<string?>("--key") { Description = "Private key (hex) of the sender (the ledger project's commissioner or a validator); default COLLAB_DEPLOYER_KEY, else Anvil's first dev key." };
        var json = new Option<bool>("--json") { Description = "Print the correction as JSON." };
        var command = new Command("correct", "Correct an anchored record without overwriting it: the full corrected record, naming the original and the reason, is anchored as a dataset of its own, the ledger's RecordCorrected event links both roots, and data/corrections.json lists it. Proofs of the original still verify and say it was corrected.")
        {
            anchor, record, set, reason, rpc, key, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var (file, row) = ProofCommand.ParseRecord(parseResult.GetValue(record)!);
            var changes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parseResult.GetValue(set)!)
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CollabInsightsException($"--set {pair} is not FIELD=VALUE, e.g. --set outcome=achieved.");
                }

                changes[pair[..eq].Trim()] = pair[(eq + 1)..];
            }

            var chainOptions = new AnchorChainOptions();
            if ((parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable("COLLAB_DEPLOYER_KEY")) is { Length: > 0 } sender)
            {
                chainOptions = chainOptions with { SenderKey = sender };
            }

            var anchorDir = Path.GetFullPath(parseResult.GetValue(anchor)!);
            var client = new Nethereum.Web3.Web3(AnchorCommand.ChainEndpoint(parseResult.GetValue(rpc)).CreateClient());
            var correction = await DatasetCorrections.CorrectAsync(anchorDir, file, row, changes, parseResult.GetValue(reason)!, client, chainOptions, null, ct).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(correction, AnchorManifest.Json)).ConfigureAwait(false);
                return 0;
            }

            output.WriteLine($"Corrected {correction.Record}: {string.Join(", ", correction.Changes.Select(c => $"{c.Key} = '{c.Value}'"))} ({correction.Reason})");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  correcting record anchored under root {correction.CorrectionRoot} ({correction.CorrectionFolder}); RecordCorrected in transaction {correction.TransactionHash}, block {correction.BlockNumber}"));
            output.WriteLine($"  the original stays anchored under {correction.OriginalRoot}; `collab corrections --anchor {anchorDir}` shows the corrected view and each record's history");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab erase --anchor DIR --record FILE:ROW --reason TEXT</c>: erasure of personal data off chain; the chain keeps only the root.</summary>
internal static class EraseCommand
{
    public static Command Create()
    {
        var anchor = new Option<string>("--anchor") { Description = "The anchor folder written by `collab anchor`.", Required = true };
        var record = new Option<string>("--record") { Description = "FILE:ROW of the record to erase, as anchored (FILE relative to the anchored folder, ROW from 1 after the header).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the record is erased (e.g. the data subject's request), kept in data/erasures.json.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the erasure as JSON." };
        var command = new Command("erase", "Erase a record of an anchored dataset off chain: remove it from the anchored data and its salt from salts.json, and list it (with its salted leaf hashes, which name nobody) in data/erasures.json. Its proofs then fail with 'erased'; the chain keeps only the root.")
        {
            anchor, record, reason, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var (file, row) = ProofCommand.ParseRecord(parseResult.GetValue(record)!);
            var reasonText = parseResult.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(reasonText))
            {
                throw new CollabInsightsException("An erasure needs a reason: an erasure that does not say why cannot be audited.");
            }

            var erased = await ErasureRegister.EraseAsync(Path.GetFullPath(parseResult.GetValue(anchor)!), file, row, reasonText, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(erased, AnchorManifest.Json)).ConfigureAwait(false);
                return 0;
            }

            output.WriteLine($"Erased {erased.Record} ({erased.Reason}): record and salt removed, {erased.Leaves.Count} salted leaf hash(es) kept in data/erasures.json; its proofs now answer 'erased', and the chain keeps only the root.");
            return 0;
        });
        return command;
    }
}

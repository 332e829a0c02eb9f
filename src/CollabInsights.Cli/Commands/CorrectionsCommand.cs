using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab corrections --anchor DIR [--record FILE:ROW] [--out DIR] [--json]</c>: the corrected view of an anchored dataset and each correction's history.</summary>
internal static class CorrectionsCommand
{
    public static Command Create()
    {
        var anchor = new Option<string>("--anchor") { Description = "The anchor folder written by `collab anchor`.", Required = true };
        var record = new Option<string?>("--record") { Description = "FILE:ROW (as anchored): show this record's current values and its history only." };
        var outDir = new Option<string?>("--out") { Description = "Write the corrected view here, in the anchored layout (so link, reconcile and reports read it), plus corrections.csv." };
        var json = new Option<bool>("--json") { Description = "Print {corrections:[...], erasures:[...]} or, with --record, {record, erased, columns, cells, history:[...]} as JSON." };
        var command = new Command("corrections", "Show the corrections and erasures of an anchored dataset, a record's corrected values with its history, or write the corrected view.")
        {
            anchor, record, outDir, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var anchorDir = Path.GetFullPath(parseResult.GetValue(anchor)!);
            var output = parseResult.InvocationConfiguration.Output;
            var dataRoot = Path.Combine(anchorDir, DatasetCommitment.DataFolder);
            var register = await DatasetCorrections.ReadRegisterAsync(dataRoot, ct).ConfigureAwait(false);
            var erasures = await ErasureRegister.ReadAsync(dataRoot, ct).ConfigureAwait(false);
            if (parseResult.GetValue(outDir) is { Length: > 0 } target)
            {
                await DatasetCorrections.WriteCorrectedViewAsync(anchorDir, Path.GetFullPath(target), ct).ConfigureAwait(false);
            }

            if (parseResult.GetValue(record) is { Length: > 0 } recordText)
            {
                var (file, row) = ProofCommand.ParseRecord(recordText);
                var manifest = await AnchorManifest.ReadAsync(anchorDir, ct).ConfigureAwait(false);
                var anchored = manifest.GetFile(file);
                var key = DatasetCommitment.RecordKey(anchored.Path, row);
                anchored.LeafIndex(row, DatasetLeaf.WholeRecord);
                var erased = erasures.Find(key);
                var current = erased is null ? (await DatasetCorrections.CorrectedRowsAsync(anchorDir, anchored.Path, ct).ConfigureAwait(false)).First(r => r.Record == key) : null;
                if (parseResult.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        record = key,
                        erased,
                        columns = anchored.Columns,
                        cells = current?.Cells,
                        history = current?.History ?? [],
                    }, AnchorManifest.Json)).ConfigureAwait(false);
                    return 0;
                }

                if (erased is not null)
                {
                    output.WriteLine($"{key} was erased on {erased.ErasedAt:yyyy-MM-dd HH:mm:ss} UTC ({erased.Reason}); only its salted leaf hashes are kept.");
                    return 0;
                }

                output.WriteLine($"{key} ({(current!.History.Count == 0 ? "never corrected" : $"{current.History.Count} correction(s)")})");
                for (var i = 0; i < anchored.Columns.Count; i++)
                {
                    output.WriteLine($"  {anchored.Columns[i]} = '{current.Cells[i]}'");
                }

                foreach (var c in current.History)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  corrected {c.CorrectedAt:yyyy-MM-dd HH:mm:ss} UTC: {string.Join(", ", c.Changes.Select(p => $"{p.Key} -> '{p.Value}'"))} ({c.Reason}); transaction {c.TransactionHash}"));
                }

                return 0;
            }

            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { corrections = register, erasures = erasures.Erased }, AnchorManifest.Json)).ConfigureAwait(false);
                return 0;
            }

            output.WriteLine($"{register.Count} correction(s), {erasures.Erased.Count} erasure(s) in {anchorDir}");
            foreach (var c in register)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.Record} corrected {c.CorrectedAt:yyyy-MM-dd HH:mm:ss} UTC: {string.Join(", ", c.Changes.Select(p => $"{p.Key} -> '{p.Value}'"))} ({c.Reason}); transaction {c.TransactionHash}"));
            }

            foreach (var e in erasures.Erased)
            {
                output.WriteLine($"  {e.Record} erased {e.ErasedAt:yyyy-MM-dd HH:mm:ss} UTC ({e.Reason})");
            }

            if (parseResult.GetValue(outDir) is { Length: > 0 } written)
            {
                output.WriteLine($"Wrote the corrected view to {Path.GetFullPath(written)} (with corrections.csv)");
            }

            return 0;
        });
        return command;
    }
}

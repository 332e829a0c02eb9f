using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Governance;
using CollabInsights.OffChain;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab governance --data DIR [--chain DIR] [--out DIR] [--json]</c>: who holds the pen, writer concentration over the books and the ledger.</summary>
internal static class GovernanceCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The books: a folder in the INDIGO CSV layout (e.g. `collab generate`) or an INDIGO export folder/zip.", Required = true };
        var chain = new Option<string?>("--chain") { Description = "An extraction folder of `collab chain extract --abi outcome-ledger` (addresses named by the onchain-seed.json beside the books)." };
        var outDir = new Option<string?>("--out") { Description = "Folder to write writers.json, writers.csv and writers.html into." };
        var json = new Option<bool>("--json") { Description = "Print every row as JSON." };
        var command = new Command("governance", "Who holds the pen: writer concentration (Nakamoto coefficient, HHI with the 2010 Merger Guidelines' 1,500/2,500 thresholds, Gini) per project and overall, over the books and the ledger.")
        {
            data, chain, outDir, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var dataPath = Path.GetFullPath(parseResult.GetValue(data)!);
            var books = await IndigoSource.LoadAsync(dataPath, cancellationToken: ct).ConfigureAwait(false);
            var writes = WriterConcentration.FromBooks(books.Value).ToList();
            if (parseResult.GetValue(chain) is { } chainDir)
            {
                if (!Directory.Exists(chainDir))
                {
                    throw new CollabInsightsException($"--chain {chainDir} does not exist. Pass the --out folder of `collab chain extract --abi outcome-ledger`.");
                }

                writes.AddRange(await WriterConcentration.FromSeededLedgerAsync(chainDir, Directory.Exists(dataPath) ? dataPath : Path.GetDirectoryName(dataPath)!, ct).ConfigureAwait(false));
            }

            var rows = WriterConcentration.Measure(writes);
            var text = JsonSerializer.Serialize(rows, CliCommand.IndentedJson);
            if (parseResult.GetValue(outDir) is { } folder)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(Path.Combine(folder, "writers.json"), text + "\n", ct).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(folder, "writers.csv"), WriterConcentration.ToCsv(rows), ct).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(folder, "writers.html"), WriterConcentration.ToHtml(rows), ct).ConfigureAwait(false);
            }

            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(text).ConfigureAwait(false);
                return 0;
            }

            output.WriteLine("source  action     writers   writes  nakamoto      HHI  band                      gini   top writer (share)");
            foreach (var r in rows.Where(r => r.Project == WriterConcentration.All))
            {
                var m = r.Metrics;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Source,-7} {r.Action,-9} {m.Writers,8} {m.Writes,8} {m.NakamotoCoefficient,9} {m.Hhi,8:0} {m.HhiBand,-24} {m.Gini,6:0.000}   {m.TopWriter} ({m.TopShare:P0})"));
            }

            var single = rows.Count(r => r.Project != WriterConcentration.All && r.Action == WriterConcentration.All && r.Metrics.NakamotoCoefficient == 1);
            var projects = rows.Count(r => r.Project != WriterConcentration.All && r.Action == WriterConcentration.All);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{single} of {projects} project slices have one writer with more than half of the writes (Nakamoto coefficient 1)."));
            if (parseResult.GetValue(outDir) is { } written)
            {
                output.WriteLine($"Wrote {Path.Combine(Path.GetFullPath(written), "writers.json")}, writers.csv and writers.html");
            }

            return 0;
        });
        return command;
    }
}

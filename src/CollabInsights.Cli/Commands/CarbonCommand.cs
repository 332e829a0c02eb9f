using System.CommandLine;
using CollabInsights.Carbon;
using CollabInsights.Carbon.Bridge;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab carbon</c>: carbon-credit registries; <c>carbon check</c> runs the double-counting rules over registry exports.</summary>
internal static class CarbonCommand
{
    public static Command Create()
    {
        var command = new Command("carbon", "Carbon credits: read registry exports (Verra, Gold Standard, ACR, CAR, ART TREES, Isometric, Cercarbono, CAD Trust) into one model and check them for double counting.");
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateReport());
        command.Subcommands.Add(CarbonBridgeCommand.Create());
        return command;
    }

    private static Command CreateReport()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Folder(s) of registry folders, as for 'carbon check'.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var outFile = new Option<string>("--out") { Description = "The HTML file to write (default carbon-report.html); it works offline (plotly.js inlined).", DefaultValueFactory = _ => "carbon-report.html" };
        var chains = new Option<string[]>("--chain") { Description = "Extractions of bridge events (as for 'carbon bridge reconcile'): add the chain-against-registry reconciliation (KlimaDAO's tag rule). Repeat for several chains.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("report", "Write an offline HTML report of registry exports: what was loaded, charts by registry, vintage and rule, every double-counting flag and every data problem, and with --chain the bridged tokens reconciled against the registry.")
        {
            data, outFile, chains,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var loaded = await CarbonRegistryLoader.LoadAsync(parseResult.GetValue(data)!, ct).ConfigureAwait(false);
            var flags = CarbonRules.Check(loaded.Value);
            var path = Path.GetFullPath(parseResult.GetValue(outFile)!);
            BridgeReconciliation? bridge = null;
            if (parseResult.GetValue(chains) is { Length: > 0 } dirs)
            {
                var parts = new List<BridgeChainRecords>();
                foreach (var dir in dirs)
                {
                    parts.Add(await BridgeChainRecords.ReadAsync(dir, ct).ConfigureAwait(false));
                }

                bridge = BridgeReconciler.Reconcile(loaded.Value, BridgeChainRecords.Combine(parts));
            }

            await CarbonReport.Build(loaded, flags, bridge: bridge).WriteAsync(path, ct).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"{flags.Count} flag(s), {loaded.Problems.Count} data problem(s); wrote {path}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateCheck()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Folder holding one folder per registry named as in OffsetsDB's samples (verra/, gold-standard/, american-carbon-registry/, climate-action-reserve/, art-trees/, isometric/, cercarbono/, cadt/), each with that registry's raw export files. Repeat to read several, e.g. --data data/carbon-offsetsdb --data data/carbon-cadt.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: flags [{kind, registry, project, file, row, reason, related}] (rows from 1 after the header), counts per kind, the rules, what was loaded, and the data problems." };
        var command = new Command("check", "Check registry exports for double counting: overlapping serial blocks within a registry, a block retired twice, a block retired and still held, the same serial block or project issued in two registries, and CAD Trust's findConflicts rule.")
        {
            data, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var loaded = await CarbonRegistryLoader.LoadAsync(parseResult.GetValue(data)!, ct).ConfigureAwait(false);
            var flags = CarbonRules.Check(loaded.Value);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(CarbonJson.Serialize(flags, loaded.Value, loaded.Problems)).ConfigureAwait(false);
                return 0;
            }

            var console = CliCommand.ConsoleFor(output);
            var dataset = loaded.Value;
            foreach (var registry in dataset.Registries)
            {
                console.WriteLine($"{registry}: {dataset.Projects.Count(p => p.Registry == registry)} projects, {dataset.Issuances.Count(i => i.Registry == registry)} issuances, {dataset.Blocks.Count(b => b.Registry == registry)} credit blocks");
            }

            if (flags.Count > 0)
            {
                var table = new Table().AddColumn("kind").AddColumn("registry").AddColumn("project").AddColumn("where").AddColumn("reason");
                foreach (var f in flags)
                {
                    table.AddRow(Markup.Escape(f.Kind), Markup.Escape(f.Registry), Markup.Escape(f.Project ?? string.Empty), Markup.Escape($"{f.File}:{f.Row}"), Markup.Escape(f.Reason));
                }

                console.Write(table);
            }

            foreach (var (kind, count) in CarbonRules.Counts(flags))
            {
                console.WriteLine($"{kind}: {count}");
            }

            if (loaded.Problems.Count > 0)
            {
                console.WriteLine($"{loaded.Problems.Count} data problem(s) (the rows still loaded unless marked invalid):");
                foreach (var p in loaded.Problems.Take(20))
                {
                    console.WriteLine($"  {p.Severity.ToString().ToLowerInvariant()}: {p}");
                }

                if (loaded.Problems.Count > 20)
                {
                    console.WriteLine($"  ... {loaded.Problems.Count - 20} more (--json lists them all)");
                }
            }

            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.OffChain;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Seeding;
using CollabInsights.OnChain.Contracts;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab chain seed --scenario DIR [--rpc URL] [--exact]</c>: deploys the ledger and token and writes a scenario's records on chain, with the deliberate differences its ground truth lists.</summary>
internal static class ChainSeedCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario folder (INDIGO CSV layout, e.g. written by `collab generate`) or an INDIGO export folder/zip.", Required = true };
        var rpc = new Option<string?>("--rpc") { Description = $"JSON-RPC URL of the chain; default ${RpcEndpoint.EnvironmentVariable}. Start a local one with `collab chain node`." };
        var key = new Option<string?>("--key") { Description = "Private key (hex) of the funded deployer; default Anvil's first dev key. Prefer COLLAB_DEPLOYER_KEY to keep it out of shell history." };
        var outFile = new Option<string?>("--out") { Description = "Where to write the seed result (contract addresses, block range, accounts); default DIR/onchain-seed.json." };
        var json = new Option<bool>("--json") { Description = "Print the seed result as JSON instead of a table." };
        var exact = new Option<bool>("--exact") { Description = "Write the books exactly, leaving out the deliberate chain differences listed in the scenario's ground-truth.json." };
        var command = new Command("seed", "Deploy the outcome ledger and its token, then write a scenario's projects, commitments, attestations, payments and dataset anchors on chain.")
        {
            scenario, rpc, key, outFile, json, exact,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var endpoint = parseResult.GetValue(rpc) is { Length: > 0 } url ? RpcEndpoint.Parse(url) : RpcEndpoint.FromEnvironment()
                ?? throw new CollabInsightsException($"No chain given: pass --rpc URL or set {RpcEndpoint.EnvironmentVariable}. For a local chain run `collab chain node` and use the URL it prints.");
            var dir = Path.GetFullPath(parseResult.GetValue(scenario)!);
            var loaded = await IndigoSource.LoadAsync(dir, cancellationToken: ct).ConfigureAwait(false);
            var options = new LedgerSeedOptions();
            var truthFile = Path.Combine(dir, Scenarios.ScenarioGroundTruth.FileName);
            if (!parseResult.GetValue(exact) && File.Exists(truthFile))
            {
                var truth = Scenarios.ScenarioGroundTruth.FromJson(await File.ReadAllTextAsync(truthFile, ct).ConfigureAwait(false));
                options = options with { Differences = truth.ChainDifferences };
            }

            var deployerKey = parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable("COLLAB_DEPLOYER_KEY");
            if (!string.IsNullOrWhiteSpace(deployerKey))
            {
                options = options with { DeployerKey = deployerKey };
            }

            var client = new Nethereum.Web3.Web3(endpoint.CreateClient());
            LedgerSeedResult result;
            var asJson = parseResult.GetValue(json);
            if (asJson)
            {
                result = await LedgerSeeder.SeedAsync(loaded.Value, client, options, null, ct).ConfigureAwait(false);
            }
            else
            {
                var console = CliCommand.ConsoleFor(output);
                result = await console.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask($"seeding {Markup.Escape(endpoint.Redacted)}");
                        var progress = CliCommand.Immediate<LedgerSeedProgress>(p =>
                        {
                            task.MaxValue = p.Total;
                            task.Value = p.Done;
                            task.Description = $"{p.Stage} ({p.Done.ToString(CultureInfo.InvariantCulture)}/{p.Total.ToString(CultureInfo.InvariantCulture)})";
                        });
                        return await LedgerSeeder.SeedAsync(loaded.Value, client, options, progress, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }

            var path = Path.GetFullPath(parseResult.GetValue(outFile) ?? Path.Combine(Directory.Exists(dir) ? dir : Path.GetDirectoryName(dir)!, OnChain.Extraction.LedgerRecords.SeedFileName));
            var text = JsonSerializer.Serialize(ToJson(result, endpoint), CliCommand.IndentedJson);
            await File.WriteAllTextAsync(path, text + "\n", ct).ConfigureAwait(false);
            if (asJson)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(result, endpoint))).ConfigureAwait(false);
                return 0;
            }

            var console2 = CliCommand.ConsoleFor(output);
            var table = new Table().AddColumn("record").AddColumn(new TableColumn("on chain").RightAligned());
            table.AddRow("projects", result.Projects.ToString(CultureInfo.InvariantCulture));
            table.AddRow("commitments", result.Commitments.ToString(CultureInfo.InvariantCulture));
            table.AddRow("attestations", result.Attestations.ToString(CultureInfo.InvariantCulture));
            table.AddRow("payments", result.Payments.ToString(CultureInfo.InvariantCulture));
            table.AddRow("anchors", result.Anchors.ToString(CultureInfo.InvariantCulture));
            table.AddRow("not on chain (the ledger cannot hold them; listed with the reason in the result file)", result.NotOnChain.Count.ToString(CultureInfo.InvariantCulture));
            table.AddRow("deliberate differences from the books", result.DifferencesApplied.ToString(CultureInfo.InvariantCulture));
            console2.Write(table);
            console2.MarkupLine(CultureInfo.InvariantCulture, "Ledger [bold]{0}[/], token {1}, blocks {2}-{3} on chain {4}; {5} transactions.",
                result.LedgerAddress, result.TokenAddress, result.FromBlock, result.ToBlock, result.ChainId, result.Transactions);
            console2.WriteLine($"Wrote {path}");
            console2.WriteLine($"Read it back: collab chain extract --rpc URL --address {result.LedgerAddress} --abi {BuiltInAbis.OutcomeLedger} --from {result.FromBlock} --out DIR");
            return 0;
        });
        return command;
    }

    internal static Dictionary<string, object> ToJson(LedgerSeedResult r, RpcEndpoint endpoint) => new()
    {
        ["rpc"] = endpoint.Redacted,
        ["chain_id"] = r.ChainId,
        ["ledger"] = r.LedgerAddress,
        ["token"] = r.TokenAddress,
        ["from_block"] = r.FromBlock,
        ["to_block"] = r.ToBlock,
        ["projects"] = r.Projects,
        ["commitments"] = r.Commitments,
        ["attestations"] = r.Attestations,
        ["payments"] = r.Payments,
        ["anchors"] = r.Anchors,
        ["transactions"] = r.Transactions,
        ["organisations"] = r.OrganisationAddresses,
        ["skipped"] = r.Skipped,
        ["not_on_chain"] = r.NotOnChain.Select(n => ReconcileCommand.ToJson(n)).ToList(),
        ["chain_differences"] = r.DifferencesApplied,
    };
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.Carbon;
using CollabInsights.Carbon.Bridge;
using CollabInsights.Scenarios;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// <c>collab carbon bridge generate|seed|reconcile</c>: bridged carbon tokens on chain against the registry they came from.
/// </summary>
internal static class CarbonBridgeCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("bridge", "Bridged carbon tokens: mint a token batch per bridge-tagged registry retirement on a CarbonBridge contract, extract it back, and reconcile chain against registry (unbacked batches, quantity and serial mismatches, double bridges, double claims, tagged retirements never minted).");
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateSeed());
        command.Subcommands.Add(CreateReconcile());
        return command;
    }

    private static Option<string> TagRuleOption() => new("--tag-rule")
    {
        Description = "How a registry retirement is recognised as bridged: klimadao (details contain TOUCAN or C3T) or carbonplan (details start with TOUC).",
        DefaultValueFactory = _ => "klimadao",
    };

    private static BridgeTagRule ParseRule(string text) => text.Trim().ToLowerInvariant() switch
    {
        "klimadao" => BridgeTagRule.KlimaDao,
        "carbonplan" => BridgeTagRule.CarbonPlan,
        _ => throw new CollabInsightsException($"'{text}' is not a tag rule: use klimadao or carbonplan."),
    };

    private static Command CreateGenerate()
    {
        var outDir = new Option<string>("--out") { Description = "Folder to write: registry/verra/ (projects.csv, transactions.csv), bridge-plan.json, bridge-ground-truth.json.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => 42 };
        var blocks = new Option<int>("--blocks") { Description = "Bridge-tagged registry retirements (at least 20).", DefaultValueFactory = _ => 120 };
        var rate = new Option<double>("--differences") { Description = "Share of tagged retirements planted per kind of difference (at least one each).", DefaultValueFactory = _ => 0.03 };
        var command = new Command("generate", "Generate a bridge scenario on two chains with planted differences: a Verra export with Toucan- and C3-tagged retirements, a bridge plan and its ground truth.")
        {
            outDir, seed, blocks, rate,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var dir = Path.GetFullPath(parseResult.GetValue(outDir)!);
            var scenario = await CarbonBridgeScenario.GenerateAsync(dir, new CarbonBridgeScenarioOptions
            {
                Seed = parseResult.GetValue(seed),
                BridgedBlocks = parseResult.GetValue(blocks),
                DifferenceRate = parseResult.GetValue(rate),
            }, ct).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Plan.Mints.Count} batches and {scenario.Plan.Retirements.Count} token retirements planned on chains {string.Join(", ", scenario.Plan.Chains)}; {scenario.Planted.Count} planted differences; wrote {dir}")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateSeed()
    {
        var plan = new Option<string?>("--plan") { Description = "A bridge plan (bridge-plan.json of 'carbon bridge generate'). Without it, the plan is one batch per bridge-tagged retirement of --data." };
        var data = new Option<string[]>("--data") { Description = "Registry folder(s) as for 'carbon check', to plan from when no --plan is given.", AllowMultipleArgumentsPerToken = true };
        var rule = TagRuleOption();
        var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC URL of the chain; default $COLLAB_RPC_URL. Start a local one with `collab chain node`." };
        var chain = new Option<string?>("--chain") { Description = "Which chain label of the plan to write on this node (default: the plan's first)." };
        var key = new Option<string?>("--key") { Description = "Operator private key (hex); default COLLAB_DEPLOYER_KEY, else Anvil's first dev key. Holders are Anvil's dev keys 2-10." };
        var outDir = new Option<string?>("--out") { Description = "Folder for bridge-seed-CHAIN.json and CarbonBridge.abi.json (default: the plan's folder, else the first --data folder)." };
        var json = new Option<bool>("--json") { Description = "Print the seed result as JSON." };
        var command = new Command("seed", "Deploy CarbonBridge contracts and write a bridge plan on a chain: one token batch per bridge-tagged registry retirement, then the plan's token retirements.")
        {
            plan, data, rule, rpc, chain, key, outDir, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            BridgePlan bridgePlan;
            string folder;
            if (parseResult.GetValue(plan) is { Length: > 0 } planPath)
            {
                bridgePlan = await BridgePlan.LoadAsync(planPath, ct).ConfigureAwait(false);
                folder = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
            }
            else if (parseResult.GetValue(data) is { Length: > 0 } roots)
            {
                var loaded = await CarbonRegistryLoader.LoadAsync(roots, ct).ConfigureAwait(false);
                bridgePlan = BridgePlan.FromRegistry(loaded.Value, ParseRule(parseResult.GetValue(rule)!));
                if (bridgePlan.Mints.Count == 0)
                {
                    throw new CollabInsightsException($"No retirement in {string.Join(", ", roots)} carries a bridge tag under the {parseResult.GetValue(rule)} rule, so there is nothing to mint.");
                }

                folder = Path.GetFullPath(roots[0]);
            }
            else
            {
                throw new CollabInsightsException("Give --plan FILE (a bridge plan) or --data DIR (registry folders to plan from).");
            }

            var endpoint = AnchorCommand.ChainEndpoint(parseResult.GetValue(rpc));
            var label = parseResult.GetValue(chain) ?? bridgePlan.Chains.FirstOrDefault() ?? "local";
            var options = new BridgeSeedOptions();
            if ((parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable("COLLAB_DEPLOYER_KEY")) is { Length: > 0 } operatorKey)
            {
                options = options with { OperatorKey = operatorKey };
            }

            var result = await CarbonBridgeSeeder.SeedAsync(bridgePlan, label, endpoint.Url.ToString(), options, null, ct).ConfigureAwait(false);
            var target = Path.GetFullPath(parseResult.GetValue(outDir) ?? folder);
            var seedPath = Path.Combine(target, BridgeSeedResult.FileNameFor(label));
            await result.SaveAsync(seedPath, ct).ConfigureAwait(false);
            var abiPath = await CliCommand.WriteFileAsync(Path.Combine(target, "CarbonBridge.abi.json"), CarbonBridgeSeeder.AbiJson, ct).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, Json)).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"chain {label} (id {result.ChainId}): {result.BatchesMinted} batches minted, {result.TokenRetirements} token retirements, {result.Transactions} transactions in {result.Seconds:0.0} s, blocks {result.FromBlock}-{result.ToBlock}")).ConfigureAwait(false);
            foreach (var (bridge, address) in result.Bridges)
            {
                await output.WriteLineAsync($"  {bridge}: {address}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"wrote {seedPath}").ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Read it back: collab chain extract --rpc URL {string.Join(' ', result.Bridges.Values.Select(a => "--address " + a))} --abi {abiPath} --from {result.FromBlock} --block-timestamps --out DIR")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateReconcile()
    {
        var data = new Option<string[]>("--data") { Description = "Registry folder(s) as for 'carbon check' (for a generated scenario: its registry/ folder).", Required = true, AllowMultipleArgumentsPerToken = true };
        var chains = new Option<string[]>("--chain") { Description = "An extraction of bridge events (`collab chain extract --abi CarbonBridge.abi.json --out DIR`); repeat for several chains.", Required = true, AllowMultipleArgumentsPerToken = true };
        var rule = TagRuleOption();
        var truth = new Option<string?>("--ground-truth") { Description = "bridge-ground-truth.json of a generated scenario: score the flags (precision and recall per kind); the bridge-seed-*.json files beside it name the seeded contracts." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: batches, batches_backed, tagged_retirements, token_retirements, flags [{kind, scope, subject, related, project, reason, tx, file, row}], counts, and with --ground-truth the evaluation." };
        var command = new Command("reconcile", "Reconcile bridged tokens with the registry: every minted batch backed by exactly one bridge-tagged registry retirement of the same serials and quantity, no serial bridged twice (same bridge, two bridges, two chains), no token retirement claimed twice.")
        {
            data, chains, rule, truth, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var loaded = await CarbonRegistryLoader.LoadAsync(parseResult.GetValue(data)!, ct).ConfigureAwait(false);
            var parts = new List<BridgeChainRecords>();
            foreach (var dir in parseResult.GetValue(chains)!)
            {
                parts.Add(await BridgeChainRecords.ReadAsync(dir, ct).ConfigureAwait(false));
            }

            var result = BridgeReconciler.Reconcile(loaded.Value, BridgeChainRecords.Combine(parts), ParseRule(parseResult.GetValue(rule)!));
            BridgeEvaluation? evaluation = null;
            if (parseResult.GetValue(truth) is { Length: > 0 } truthPath)
            {
                var planted = await CarbonBridgeScenario.LoadPlantedAsync(truthPath, ct).ConfigureAwait(false);
                var seeds = await BridgeSeedResult.LoadAllAsync(Path.GetDirectoryName(Path.GetFullPath(truthPath))!, ct).ConfigureAwait(false);
                evaluation = BridgeEvaluation.Evaluate(result, planted, seeds);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                var node = JsonSerializer.SerializeToNode(result, Json)!.AsObject();
                if (evaluation is not null)
                {
                    node["evaluation"] = JsonSerializer.SerializeToNode(evaluation, Json);
                }

                await output.WriteLineAsync(node.ToJsonString(Json)).ConfigureAwait(false);
                return 0;
            }

            var console = CliCommand.ConsoleFor(output);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Batches} batches minted, {result.BatchesBacked} backed by exactly one tagged registry retirement; {result.TaggedRetirements} tagged registry retirements; {result.TokenRetirements} token retirements"));
            if (result.Flags.Count > 0)
            {
                var table = new Table().AddColumn("kind").AddColumn("subject").AddColumn("related").AddColumn("reason");
                foreach (var f in result.Flags)
                {
                    table.AddRow(Markup.Escape(f.Kind + (f.Scope is null ? string.Empty : $" ({f.Scope})")), Markup.Escape(f.Subject), Markup.Escape(f.Related ?? string.Empty), Markup.Escape(f.Reason));
                }

                console.Write(table);
            }

            foreach (var (kind, count) in result.Counts)
            {
                console.WriteLine($"{kind}: {count}");
            }

            if (evaluation is not null)
            {
                foreach (var s in evaluation.Scores.Where(s => s.Expected > 0 || s.Found > 0))
                {
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Kind}: planted {s.Expected}, found {s.Found}, precision {s.Precision:0.000}, recall {s.Recall:0.000}"));
                }

                console.WriteLine(evaluation.Exact ? "Every planted difference found, nothing else flagged." : $"{evaluation.Missed.Count} planted difference(s) missed, {evaluation.Unexpected.Count} flag(s) not planted.");
            }

            return 0;
        });
        return command;
    }
}

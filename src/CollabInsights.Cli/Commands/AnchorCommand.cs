using System.CommandLine;
using System.Globalization;
using CollabInsights.OnChain.Rpc;
using CollabInsights.Verification;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab anchor --data DIR|FILE --rpc URL --out DIR [--key-file K]</c>: Merkle root of a dataset on chain, with a manifest and a private salts file.</summary>
internal static class AnchorCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A CSV file, or a folder whose *.csv files (recursively) are anchored.", Required = true };
        var rpc = new Option<string?>("--rpc") { Description = $"JSON-RPC URL of the chain; default ${RpcEndpoint.EnvironmentVariable}." };
        var outDir = new Option<string>("--out") { Description = "The anchor folder to write: manifest.json, leaves.bin, data/ (the pseudonymised records anchored), salts.json (private).", Required = true };
        var keyFile = new Option<string?>("--key-file") { Description = "The data controller's pseudonymisation key (hex). Created with a new random key when the file does not exist; default OUT/controller.key (move it somewhere safe)." };
        var identifiers = new Option<string?>("--identifiers") { Description = "Comma-separated columns to pseudonymise (HMAC-SHA-256); default: columns named like patient/person/participant ids, NHS numbers, names, dates of birth; 'none' for none." };
        var ledger = new Option<string?>("--ledger") { Description = "Address of the outcome ledger to anchor on; default: deploy a new one." };
        var project = new Option<string>("--project") { Description = "Ledger project id of the dataset (registered when new); default 'dataset'.", DefaultValueFactory = _ => "dataset" };
        var key = new Option<string?>("--key") { Description = "Private key (hex) of the sender (the project's commissioner or validator); default COLLAB_DEPLOYER_KEY, else Anvil's first dev key." };
        var json = new Option<bool>("--json") { Description = "Print the manifest as JSON." };
        var command = new Command("anchor", "Anchor a dataset: Merkle root over its records (identifiers pseudonymised, every leaf salted) written on chain through the outcome ledger's DatasetAnchored event.")
        {
            data, rpc, outDir, keyFile, identifiers, ledger, project, key, json,
        };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var endpoint = ChainEndpoint(parseResult.GetValue(rpc));
            var outPath = Path.GetFullPath(parseResult.GetValue(outDir)!);
            var keyPath = parseResult.GetValue(keyFile) ?? Path.Combine(outPath, "controller.key");
            var created = false;
            byte[] controllerKey;
            if (File.Exists(keyPath))
            {
                controllerKey = Pseudonymiser.ReadKeyFile(keyPath);
            }
            else
            {
                controllerKey = Pseudonymiser.NewKey();
                Pseudonymiser.WriteKeyFile(keyPath, controllerKey);
                created = true;
            }

            IReadOnlyList<string>? idColumns = parseResult.GetValue(identifiers) switch
            {
                null => null,
                "none" => [],
                var list => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            var sender = parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable("COLLAB_DEPLOYER_KEY");
            var chainOptions = new AnchorChainOptions { LedgerAddress = parseResult.GetValue(ledger), ProjectId = parseResult.GetValue(project)! };
            if (!string.IsNullOrWhiteSpace(sender))
            {
                chainOptions = chainOptions with { SenderKey = sender };
            }

            var client = new Nethereum.Web3.Web3(endpoint.CreateClient());
            var manifest = await DatasetAnchor.AnchorAsync(parseResult.GetValue(data)!, outPath,
                new DatasetCommitmentOptions { ControllerKey = controllerKey, IdentifierColumns = idColumns }, chainOptions, client, ct).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(await File.ReadAllTextAsync(Path.Combine(outPath, AnchorManifest.FileName), ct).ConfigureAwait(false)).ConfigureAwait(false);
                return 0;
            }

            var a = manifest.Anchor!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Anchored {manifest.RecordCount:N0} records ({manifest.LeafCount:N0} leaves, {manifest.Files.Count} file(s)) under root {manifest.Root}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  on chain {a.ChainId}, ledger {a.Ledger}, project {a.ProjectId}: transaction {a.TransactionHash}, block {a.BlockNumber} ({a.BlockTime:yyyy-MM-dd HH:mm:ss} UTC)"));
            foreach (var f in manifest.Files.Where(f => f.IdentifierColumns.Count > 0))
            {
                output.WriteLine($"  pseudonymised in {f.Path}: {string.Join(", ", f.IdentifierColumns)}");
            }

            output.WriteLine($"Wrote {Path.Combine(outPath, AnchorManifest.FileName)} and the private {Path.Combine(outPath, DatasetCommitment.SaltsFileName)}");
            if (created)
            {
                output.WriteLine($"New controller key written to {keyPath}: keep it private; anchor later files with --key-file {keyPath} so identifiers link.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The endpoint of <c>--rpc</c>, else <c>COLLAB_RPC_URL</c>; bad input when neither is given.</summary>
    internal static RpcEndpoint ChainEndpoint(string? url) =>
        url is { Length: > 0 } ? RpcEndpoint.Parse(url) : RpcEndpoint.FromEnvironment()
            ?? throw new CollabInsightsException($"No chain given: pass --rpc URL or set {RpcEndpoint.EnvironmentVariable}. For a local chain run `collab chain node` and use the URL it prints.");
}

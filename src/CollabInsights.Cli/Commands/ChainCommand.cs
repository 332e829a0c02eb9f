using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CollabInsights.OnChain.Anvil;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// The <c>collab chain</c> command group: on-chain records. Each on-chain capability adds its
/// sub-command in <see cref="Create"/>, one line each.
/// </summary>
public static class ChainCommand
{
    /// <summary>Builds <c>chain</c> with its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("chain", "On-chain records: run a local chain, seed a scenario on it, extract events.");
        command.Subcommands.Add(CreateNode());
        command.Subcommands.Add(ChainSeedCommand.Create());
        command.Subcommands.Add(ChainExtractCommand.Create());
        return command;
    }

    private static Command CreateNode()
    {
        var blockTime = new Option<double?>("--block-time") { Description = "Seconds between blocks; omit for instant mining (a block per transaction)." };
        var chainId = new Option<long>("--chain-id") { Description = "Chain id.", DefaultValueFactory = _ => 31337 };
        var json = new Option<bool>("--json") { Description = "Print the node's URL, chain id, pid and dev accounts as one JSON line." };
        var command = new Command("node", "Start a local Anvil chain on a free loopback port and keep it running until Ctrl+C. Prints its URL and dev accounts.")
        {
            blockTime, chainId, json,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var seconds = parseResult.GetValue(blockTime);
            var options = new AnvilOptions
            {
                BlockTime = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                ChainId = parseResult.GetValue(chainId),
            };
            try
            {
                await using var node = await AnvilNode.StartAsync(options, cancellationToken).ConfigureAwait(false);
                var accounts = node.DevKeys.Select(k => k.GetPublicAddress()).ToList();
                if (parseResult.GetValue(json))
                {
                    var payload = new Dictionary<string, object>
                    {
                        ["url"] = node.Url,
                        ["chainId"] = node.ChainId,
                        ["pid"] = node.ProcessId,
                        ["accounts"] = accounts,
                    };
                    await output.WriteLineAsync(JsonSerializer.Serialize(payload)).ConfigureAwait(false);
                }
                else
                {
                    await output.WriteLineAsync($"Anvil at {node.Url} (chain id {node.ChainId.ToString(CultureInfo.InvariantCulture)}, pid {node.ProcessId.ToString(CultureInfo.InvariantCulture)}), {(options.BlockTime is null ? "instant mining" : $"a block every {seconds?.ToString(CultureInfo.InvariantCulture)} s")}.").ConfigureAwait(false);
                    await output.WriteLineAsync($"Use it with --rpc {node.Url} or export {OnChain.Rpc.RpcEndpoint.EnvironmentVariable}={node.Url}").ConfigureAwait(false);
                    for (var i = 0; i < accounts.Count; i++)
                    {
                        await output.WriteLineAsync($"  account {i.ToString(CultureInfo.InvariantCulture)}: {accounts[i]}  key {AnvilNode.DevPrivateKeys[i]}").ConfigureAwait(false);
                    }

                    await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
                }

                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        });
        return command;
    }
}

using System.CommandLine;
using CollabInsights.Cli.Commands;

namespace CollabInsights.Cli;

/// <summary>
/// Builds the <c>collab</c> root command. Tests invoke <see cref="InvokeAsync"/> in process
/// with their own writers to capture output.
/// </summary>
public static class CollabCli
{
    /// <summary>Builds the root command with every capability's sub-commands.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("CollabInsights: did the money in outcomes-based collaborations buy the outcomes it was meant to buy?");
        // Each capability registers its commands here, one line each.
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(IndigoCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(LinkCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(NotebookCommand.Create());
        root.Subcommands.Add(KernelCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ChainCommand.Create());
        root.Subcommands.Add(FitCommand.Create());
        root.Subcommands.Add(AnomaliesCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        root.Subcommands.Add(CarbonCommand.Create());
        root.Subcommands.OfType<Command>().First(c => c.Name == "bench").Subcommands.Add(BenchReconcileCommand.Create());
        root.Subcommands.Add(AnchorCommand.Create());
        root.Subcommands.Add(ProofCommand.Create());
        root.Subcommands.Add(CorrectCommand.Create());
        root.Subcommands.Add(EraseCommand.Create());
        root.Subcommands.Add(CorrectionsCommand.Create());
        root.Subcommands.Add(GovernanceCommand.Create());
        root.Subcommands.OfType<Command>().First(c => c.Name == "bench").Subcommands.Add(BenchMerkleCommand.Create());
        root.Subcommands.OfType<Command>().First(c => c.Name == "bench").Subcommands.Add(CarbonBenchCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand();
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return await root.Parse(args).InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}

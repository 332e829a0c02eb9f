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
        OptionRanges.Apply(root);
        return root;
    }

    /// <summary>Exit code of a run stopped by its cancellation token (SIGINT, SIGTERM): 130, as shells report an interrupted command.</summary>
    public const int CancelledExitCode = 130;

    /// <summary>
    /// Parses and runs <paramref name="args"/>; returns the process exit code (README): 2 with one <c>error:</c> line for a
    /// command line that does not parse or an option outside its range (<see cref="OptionRanges"/>), before any work starts.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand();
        var config = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Bad input (README: exit code 2): one line, every problem, and where to read the options.
            var command = string.Join(' ', parsed.CommandResult.Command is RootCommand ? ["collab"] : ["collab", .. Path(parsed.CommandResult)]);
            await config.Error.WriteLineAsync($"error: {string.Join(" ", parsed.Errors.Select(e => e.Message.TrimEnd('.') + "."))} See '{command} --help'.").ConfigureAwait(false);
            return CliCommand.BadInputExitCode;
        }

        try
        {
            return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await config.Error.WriteLineAsync("error: cancelled.").ConfigureAwait(false);
            return CancelledExitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not one of the kit's own errors: a bug. One line, no stack trace unless COLLAB_DEBUG is set.
            var debug = Environment.GetEnvironmentVariable("COLLAB_DEBUG") is { Length: > 0 };
            await config.Error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} (a bug in the kit; set COLLAB_DEBUG=1 for the stack trace)").ConfigureAwait(false);
            if (debug)
            {
                await config.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return CliCommand.WorkFailedExitCode;
        }
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.SymbolResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } c)
            {
                names.Push(c.Command.Name);
            }
        }

        return names;
    }
}

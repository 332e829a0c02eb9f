using System.CommandLine;
using System.Text.Json;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using Spectre.Console;

namespace CollabInsights.Cli.Commands;

/// <summary>What the commands share: the action that turns the kit's exceptions into a message and an exit code, the console over the invocation's output, and writing a result file.</summary>
internal static class CliCommand
{
    /// <summary>Exit code when the work ran and something in it failed (a notebook cell, a reverted transaction).</summary>
    public const int WorkFailedExitCode = 1;

    /// <summary>Exit code for bad input: a missing path, file or option (a <see cref="CollabInsightsException"/>).</summary>
    public const int BadInputExitCode = 2;

    /// <summary>Exit code when the Ethereum node failed or could not be reached (an <see cref="EthereumRpcException"/>).</summary>
    public const int NodeFailedExitCode = 3;

    /// <summary>Indented JSON, the form of every results file a command writes.</summary>
    public static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Sets <paramref name="action"/> as the command's action; what it throws is written to the error writer after
    /// <paramref name="errorPrefix"/> and ends the command with the README's exit code: a <see cref="CollabInsightsException"/>
    /// with <paramref name="errorExitCode"/> (default <see cref="BadInputExitCode"/>), an <see cref="EthereumRpcException"/> with
    /// <see cref="NodeFailedExitCode"/>, a <see cref="TransactionRevertedException"/> with <see cref="WorkFailedExitCode"/>.
    /// </summary>
    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action, string errorPrefix = "error: ", int errorExitCode = BadInputExitCode)
    {
        command.SetAction(async (parseResult, ct) =>
        {
            try
            {
                return await action(parseResult, ct).ConfigureAwait(false);
            }
            catch (CollabInsightsException ex)
            {
                return Fail(parseResult, ex, errorPrefix, IsNodeFailure(ex) ? NodeFailedExitCode : errorExitCode);
            }
            catch (EthereumRpcException ex)
            {
                return Fail(parseResult, ex, errorPrefix, NodeFailedExitCode);
            }
            catch (TransactionRevertedException ex)
            {
                return Fail(parseResult, ex, errorPrefix, WorkFailedExitCode);
            }
        });
    }

    /// <summary>The synchronous form of <see cref="SetGuardedAction(Command, Func{ParseResult, CancellationToken, Task{int}}, string, int)"/>.</summary>
    public static void SetGuardedAction(this Command command, Func<ParseResult, int> action, string errorPrefix = "error: ", int errorExitCode = BadInputExitCode)
    {
        command.SetAction(parseResult =>
        {
            try
            {
                return action(parseResult);
            }
            catch (CollabInsightsException ex)
            {
                return Fail(parseResult, ex, errorPrefix, errorExitCode);
            }
        });
    }

    /// <summary>Spectre.Console over the invocation's output writer (plain text when it is not the terminal, so tests can read it).</summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer)
    {
        var isTerminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/>, creating its folder; returns the file's full path.</summary>
    public static async Task<string> WriteFileAsync(string file, string text, CancellationToken ct)
    {
        var full = Path.GetFullPath(file);
        if (Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        await File.WriteAllTextAsync(full, text, ct).ConfigureAwait(false);
        return full;
    }

    /// <summary>
    /// Writes <paramref name="result"/> as indented JSON to the <c>--out</c> <paramref name="file"/> and, with <c>--json</c>
    /// (<paramref name="print"/>), prints the same text; returns <paramref name="print"/>, so the caller renders its text form when false.
    /// </summary>
    public static async Task<bool> WriteJsonResultAsync<T>(T result, string file, bool print, TextWriter output, CancellationToken ct)
    {
        var text = JsonSerializer.Serialize(result, IndentedJson);
        await WriteFileAsync(file, text, ct).ConfigureAwait(false);
        if (print)
        {
            await output.WriteLineAsync(text).ConfigureAwait(false);
        }

        return print;
    }

    /// <summary>
    /// Whether the kit's error was caused by the Ethereum node (README: exit code 3): an <see cref="EthereumRpcException"/>,
    /// a failed log source, or a connection that could not be made, anywhere in its inner exceptions.
    /// </summary>
    internal static bool IsNodeFailure(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is EthereumRpcException or OnChain.Extraction.LogSourceException or HttpRequestException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }

    private static int Fail(ParseResult parseResult, Exception ex, string errorPrefix, int errorExitCode)
    {
        parseResult.InvocationConfiguration.Error.WriteLine(errorPrefix + ex.Message);
        return errorExitCode;
    }

    /// <summary>
    /// A progress sink that reports on the calling thread, in order. <see cref="Progress{T}"/> posts each report to the
    /// thread pool, so printed lines can overtake each other or arrive after the work they describe.
    /// </summary>
    public static IProgress<T> Immediate<T>(Action<T> report) => new ImmediateProgress<T>(report);

    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

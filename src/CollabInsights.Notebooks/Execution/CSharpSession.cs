using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CollabInsights.Notebooks.Display;
using CollabInsights.Notebooks.Display.Internal;
using CollabInsights.Notebooks.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using Microsoft.DotNet.Interactive.Formatting;

namespace CollabInsights.Notebooks.Execution;

/// <summary>
/// Runs C# cells one after another with Roslyn scripting, carrying variables, types and
/// <c>using</c>s from cell to cell. Captures console output, displays values, turns exceptions into
/// error outputs naming the cell and line, and enforces timeouts and interrupts.
/// </summary>
/// <remarks>
/// Cells run on a dedicated thread. An interrupt (or timeout) first sets a flag checked at the top of
/// every loop body (the engine inserts the checks), then interrupts the thread's blocking waits
/// (<see cref="Thread.Interrupt"/>); a cell still running after <see cref="CSharpSessionOptions.InterruptGrace"/>
/// is abandoned: its thread is left running in the background and the session goes on from the
/// state before that cell. Console redirection is process-global, so cells of all sessions in a
/// process run one at a time.
/// </remarks>
public sealed partial class CSharpSession : IDisposable
{
    private static readonly SemaphoreSlim ProcessGate = new(1, 1);

    private readonly CSharpSessionOptions options;
    private readonly DisplayFormatterRegistry formatters;
    private readonly DisplayContext displayContext;
    private readonly NotebookGlobals globals;
    private readonly DisplayTracker displays = new();
    private readonly InteractiveAssemblyLoader loader = new();
    private readonly Lazy<ScriptOptions> lazyScriptOptions;
    private readonly Lazy<ScriptOptions> lazyFullScriptOptions;
    private bool fullReferences;
    private readonly CSharpParseOptions parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private readonly string nugetRoot;
    private ScriptState<object>? state;
    private CancellationTokenSource? running;
    private int executionCount;

    /// <summary>Creates a session; the first cell pays Roslyn's start-up (about a second), later cells a few milliseconds.</summary>
    public CSharpSession(CSharpSessionOptions? options = null)
    {
        this.options = options ?? new CSharpSessionOptions();
        formatters = this.options.Formatters ?? DisplayFormatterRegistry.CreateDefault();
        displayContext = this.options.Display ?? new DisplayContext();
        globals = new NotebookGlobals(this);
        nugetRoot = this.options.NuGetPackageRoot ?? NuGetReferences.DefaultRoot;
        var baseDir = WorkingDirectory;
        ScriptOptions Options(ImmutableArray<MetadataReference> references) => ScriptOptions.Default
            .WithReferences(references)
            .WithImports(ScriptEnvironment.Imports.Concat(this.options.AdditionalImports))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDir))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDir));
        lazyScriptOptions = new(() => Options(ScriptEnvironment.CoreReferences));
        lazyFullScriptOptions = new(() => Options(ScriptEnvironment.References));
        ConsoleRouter.Install();
        DisplayRouter.Install();
    }

    /// <summary>The number of cells run so far (also the execution count of the last one).</summary>
    public int ExecutionCount => executionCount;

    /// <summary>Whether cells now compile against every runtime assembly (after a cell needed one outside the fast core set).</summary>
    internal bool UsesAllReferences => fullReferences;

    /// <summary>The per-document display state (whether plotly.js was embedded yet).</summary>
    public DisplayContext DisplayContext => displayContext;

    private ScriptOptions BaseOptions => fullReferences ? lazyFullScriptOptions.Value : lazyScriptOptions.Value;

    private string WorkingDirectory => Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>Compiles and runs a trivial cell in a throwaway session so the first real cell is fast.</summary>
    public static async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        using var session = new CSharpSession();
        await session.ExecuteAsync("var warmUp = new[] { 1, 2 }.Sum(); warmUp", "warm-up", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one cell. Never throws for problems in the cell: they come back as an <see cref="ErrorOutput"/>.</summary>
    /// <param name="code">The C# code of the cell (Polyglot magics already stripped).</param>
    /// <param name="cellName">How errors name the cell, e.g. "cell 3"; default "cell N" with N the execution count.</param>
    /// <param name="observer">Receives outputs as they are produced; may be null.</param>
    /// <param name="cancellationToken">Cancels (interrupts) the cell.</param>
    public Task<CellExecution> ExecuteAsync(string code, string? cellName = null, IExecutionObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var count = Interlocked.Increment(ref executionCount);
        return ExecuteCoreAsync(code, cellName ?? $"cell {count}", count, observer, cancellationToken);
    }

    private async Task<CellExecution> ExecuteCoreAsync(string code, string cellName, int count, IExecutionObserver? observer, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        running = cts; // an interrupt while the cell waits for its turn cancels it too
        try
        {
            await ProcessGate.WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            running = null;
            var stopped = Stopped(cellName, "interrupted before it started");
            return new CellExecution(count, [stopped], stopped, stopwatch.Elapsed);
        }

        // Everything after the gate is taken runs inside the try, so the gate is always given back: a throw here
        // (e.g. the process's current directory was deleted) used to leave every later cell of the process waiting.
        var sink = new ExecutionSink(observer, displays, Display);
        string? previousDirectory = null;
        DisplayContext? previousDisplay = null;
        ErrorOutput? error = null;
        try
        {
            previousDirectory = CurrentDirectoryOrNull();
            ScriptInterrupt.Reset();
            ExecutionSink.Current = sink;
            previousDisplay = DisplayContext.Enter(displayContext);
            KitFormatters.EnsureRegistered();
            Directory.SetCurrentDirectory(WorkingDirectory);
            error = await RunAsync(code, cellName, count, sink, cts).ConfigureAwait(false);
        }
        catch (CollabInsightsException e)
        {
            error = new ErrorOutput("CollabInsightsException", e.Message, [e.Message]);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            error = Stopped(cellName, "interrupted while compiling");
        }
        catch (IOException e)
        {
            var message = $"{cellName} did not run: the notebook's working directory cannot be entered ({e.Message}). Run it from an existing folder.";
            error = new ErrorOutput("DirectoryNotFoundException", message, [message]);
        }
        finally
        {
            try
            {
                running = null;
                cts.Cancel(); // ends the cell's time-limit task, which otherwise waits forever when there is no limit
                ExecutionSink.Current = null;
                DisplayContext.Enter(previousDisplay);
                if (previousDirectory is not null)
                {
                    TryRestoreDirectory(previousDirectory);
                }
            }
            finally
            {
                // Whatever the clean-up above throws, the gate goes back: a gate kept by a finished cell stops every
                // later cell of every session in the process.
                ProcessGate.Release();
            }
        }

        if (error is not null)
        {
            sink.Add(error);
        }

        var outputs = sink.Complete();
        return new CellExecution(count, outputs, error, stopwatch.Elapsed);
    }

    /// <summary>Interrupts the running cell, if any (Jupyter's interrupt_request, Ctrl+C).</summary>
    public void Interrupt()
    {
        try
        {
            running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell finished meanwhile.
        }
    }

    /// <summary>Whether <paramref name="code"/> is a complete submission (Jupyter's is_complete_request).</summary>
    public bool IsComplete(string code) =>
        SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, parseOptions));

    /// <summary>The script compiled for the current state plus <paramref name="code"/>, for completion and inspection (against every reference, so completion lists all that a cell could use).</summary>
    internal Script<object> CreateScript(string code) => CreateScript(code, lazyFullScriptOptions.Value);

    private Script<object> CreateScript(string code, ScriptOptions scriptOptions) =>
        state is null
            ? CSharpScript.Create(code, scriptOptions, typeof(NotebookGlobals), loader)
            : state.Script.ContinueWith(code, scriptOptions);

    /// <inheritdoc />
    public void Dispose() => loader.Dispose();

    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell and returns .NET Interactive's handle to it:
    /// <c>Update(y)</c> on the handle replaces that output (update_display_data with the same display id).
    /// </summary>
    internal DisplayedValue Display(object? value, string[] mimeTypes)
    {
        var bundle = FormatSafely(value, mimeTypes);
        var handle = new DisplayedValue(value, bundle.Data.Select(d => new FormattedValue(d.Key, d.Value)).ToList());
        displays.Shown(handle.DisplayId, claimed: true);
        ExecutionSink.Current?.Add(new DisplayDataOutput(bundle) { DisplayId = handle.DisplayId });
        return handle;
    }

    private MimeBundle FormatSafely(object? value, params string[] mimeTypes)
    {
        try
        {
            return formatters.Format(value, displayContext, mimeTypes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new MimeBundle($"{value} (display failed: {e.GetType().Name}: {e.Message})");
        }
    }

    private async Task<ErrorOutput?> RunAsync(string code, string cellName, int count, ExecutionSink sink, CancellationTokenSource cts)
    {
        var (prepared, references) = ResolveNuGet(code, cellName);
        var rewritten = InterruptCheckRewriter.Rewrite(prepared, parseOptions);
        var script = CreateScript(rewritten, BaseOptions.WithFilePath(cellName).AddReferences(references));
        var hasResult = HasTrailingExpression(script.GetCompilation());
        var previous = state;
        var compiled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completion = new TaskCompletionSource<ScriptState<object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                // Compiles and emits once (errors throw CompilationErrorException); unlike Script.Compile it does not
                // bind the cell a second time to collect warnings, and RunFromAsync reuses the emitted code.
                try
                {
                    _ = script.CreateDelegate(CancellationToken.None);
                }
                catch (CompilationErrorException) when (!fullReferences)
                {
                    // The cell may use an assembly outside the core set: retry against every reference. Errors that
                    // remain are the cell's own (thrown from here); if it compiles, the session stays on the full set,
                    // since later cells may hold values of the types it used.
                    var retry = CreateScript(rewritten, lazyFullScriptOptions.Value.WithFilePath(cellName).AddReferences(references));
                    _ = retry.CreateDelegate(CancellationToken.None);
                    fullReferences = true;
                    script = retry;
                }

                compiled.TrySetResult();

                ScriptInterrupt.Check();
                var task = previous is null
                    ? script.RunAsync(globals, _ => true, CancellationToken.None)
                    : script.RunFromAsync(previous, _ => true, CancellationToken.None);
                completion.TrySetResult(task.GetAwaiter().GetResult());
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
            finally
            {
                compiled.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = $"collab cell: {cellName}",
        };
        thread.Start();

        var timeout = options.CellTimeout ?? Timeout.InfiniteTimeSpan;
        var limit = CompiledThenDelayAsync(compiled.Task, timeout, cts.Token);
        var first = await Task.WhenAny(completion.Task, limit).ConfigureAwait(false);
        string? stopReason = null;
        if (first != completion.Task)
        {
            stopReason = cts.IsCancellationRequested
                ? "interrupted"
                : $"stopped after the time limit of {timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s (--timeout)";
            ScriptInterrupt.Request();
            thread.Interrupt();
            await compiled.Task.ConfigureAwait(false); // compiling is finite; the grace period is for running code
            var stopped = await Task.WhenAny(completion.Task, Task.Delay(options.InterruptGrace, CancellationToken.None)).ConfigureAwait(false);
            if (stopped != completion.Task)
            {
                var message = $"{cellName} was {stopReason} but did not stop within {options.InterruptGrace.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s; it was abandoned and may still be running in the background. Variables defined by this cell are lost; restart the kernel to stop it.";
                return new ErrorOutput(stopReason.StartsWith("interrupted", StringComparison.Ordinal) ? "KeyboardInterrupt" : "TimeoutError", message, [message]);
            }
        }

        ScriptState<object> result;
        try
        {
            result = await completion.Task.ConfigureAwait(false);
        }
        catch (Exception e) when (stopReason is not null && e is ThreadInterruptedException or OperationCanceledException)
        {
            return Stopped(cellName, stopReason);
        }
        catch (CompilationErrorException e)
        {
            return CompilationError(cellName, e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }
        catch (Exception e)
        {
            return ExceptionError(cellName, e);
        }

        if (result.Exception is { } exception)
        {
            state = result;
            if (stopReason is not null && exception is OperationCanceledException or ThreadInterruptedException)
            {
                return Stopped(cellName, stopReason);
            }

            return ExceptionError(cellName, exception);
        }

        state = result;
        if (stopReason is not null)
        {
            return Stopped(cellName, stopReason);
        }

        // As in .NET Interactive, a cell ending in display(x) shows x once, not also the handle display returns.
        if (hasResult && result.ReturnValue is { } value and not DisplayedValue)
        {
            sink.Add(new ExecuteResultOutput(count, FormatSafely(value)));
        }

        return null;
    }

    /// <summary>The time limit starts once the cell has compiled, so Roslyn's start-up never counts against a cell.</summary>
    private static async Task CompiledThenDelayAsync(Task compiled, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await compiled.WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(timeout, cancellationToken).ConfigureAwait(false);
    }

    private (string Code, IReadOnlyList<MetadataReference> References) ResolveNuGet(string code, string cellName)
    {
        if (!code.Contains("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            return (code, []);
        }

        var lines = code.Split('\n');
        var references = new List<MetadataReference>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = NuGetReferences.Directive().Match(lines[i].TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var id = match.Groups["id"].Value;
            var version = match.Groups["version"].Success ? match.Groups["version"].Value : null;
            var names = ScriptEnvironment.ReferencedNames;
            foreach (var path in NuGetReferences.Resolve(nugetRoot, id, version, cellName, i + 1))
            {
                if (!names.Contains(Path.GetFileNameWithoutExtension(path)))
                {
                    references.Add(MetadataReference.CreateFromFile(path));
                }
            }

            lines[i] = ""; // keep line numbers
        }

        return (string.Join('\n', lines), references);
    }

    private static ErrorOutput CompilationError(string cellName, IReadOnlyList<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{cellName}, line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1}: error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToList();
        return new ErrorOutput("CompilationError", string.Join("\n", lines), lines);
    }

    private static ErrorOutput Stopped(string cellName, string reason)
    {
        var message = $"{cellName} was {reason}.";
        return new ErrorOutput(reason.StartsWith("interrupted", StringComparison.Ordinal) ? "KeyboardInterrupt" : "TimeoutError", message, [message]);
    }

    private static ErrorOutput ExceptionError(string cellName, Exception exception)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var frames = (exception.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        // Name the cell's own line (the innermost frame in the cell) rather than a line deep in a library the cell called;
        // the frames below still show where in the library it failed. Without a cell frame, the innermost frame with a line.
        var located = frames.Select(f => FrameLocation().Match(f)).Where(m => m.Success).ToList();
        var location = located.FirstOrDefault(m => Path.GetFileName(m.Groups["cell"].Value) == cellName) ?? located.FirstOrDefault();
        var where = location is null ? cellName : $"{Path.GetFileName(location.Groups["cell"].Value)}, line {location.Groups["line"].Value}";
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        var traceback = new List<string> { $"{where}: {type}: {exception.Message}" };
        traceback.AddRange(frames.Where(f => !f.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
            && !f.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)
            && !f.Contains("--- End of stack trace", StringComparison.Ordinal)));
        if (exception.InnerException is { } inner)
        {
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        }

        return new ErrorOutput(exception.GetType().Name, $"{where}: {exception.Message}", traceback);
    }

    private static bool HasTrailingExpression(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault();
        return tree?.GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit
            && unit.Members.LastOrDefault() is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax { Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax statement }
            && statement.SemicolonToken.IsMissing;
    }

    private static string? CurrentDirectoryOrNull()
    {
        try
        {
            return Directory.GetCurrentDirectory();
        }
        catch (IOException)
        {
            return null; // the process's current directory was deleted; the cell runs in its working directory
        }
    }

    private static void TryRestoreDirectory(string directory)
    {
        try
        {
            Directory.SetCurrentDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The previous directory disappeared or is no longer ours to enter; stay where we are.
        }
    }

    [GeneratedRegex(@" in (?<cell>[^:]+):line (?<line>\d+)")]
    private static partial Regex FrameLocation();
}

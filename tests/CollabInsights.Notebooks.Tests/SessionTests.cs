using System.Diagnostics;
using CollabInsights.Notebooks.Execution;
using CollabInsights.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CollabInsights.Notebooks.Tests;

public sealed class SessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Variables_defined_in_one_cell_are_visible_in_the_next()
    {
        using var session = new CSharpSession();
        var first = await session.ExecuteAsync("var x = 40; Console.WriteLine(\"hi\");", cancellationToken: Ct);
        Assert.True(first.Succeeded, first.Error?.Value);
        var second = await session.ExecuteAsync("x + 2", cancellationToken: Ct);
        Assert.True(second.Succeeded, second.Error?.Value);
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(second.Outputs));
        Assert.Equal("42", result.Data.PlainText);
        Assert.Equal(2, result.ExecutionCount);
        var stream = Assert.IsType<StreamOutput>(Assert.Single(first.Outputs));
        Assert.Equal("stdout", stream.Name);
        Assert.Equal("hi\n", stream.Text);
    }

    [Fact]
    public async Task Library_namespaces_are_imported_by_default()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("new Money(12.5m, \"EUR\").Currency", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("EUR", Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs)).Data.PlainText);
    }

    [Fact]
    public async Task Statement_cell_has_no_result_and_stderr_is_a_separate_stream()
    {
        using var session = new CSharpSession();
        var result = await session.ExecuteAsync("Console.Write(\"a\"); Console.Error.Write(\"b\"); Console.Write(\"c\");", cancellationToken: Ct);
        Assert.Equal(["stdout:a", "stderr:b", "stdout:c"], result.Outputs.Cast<StreamOutput>().Select(s => $"{s.Name}:{s.Text}"));
    }

    [Fact]
    public async Task Exception_becomes_an_error_output_naming_cell_and_line_and_state_survives()
    {
        using var session = new CSharpSession();
        await session.ExecuteAsync("var kept = 5;", "cell 1", cancellationToken: Ct);
        var failed = await session.ExecuteAsync("var y = 1;\n\nthrow new InvalidOperationException(\"boom\");", "cell 2", cancellationToken: Ct);
        Assert.False(failed.Succeeded);
        Assert.Equal("InvalidOperationException", failed.Error!.Name);
        Assert.Contains("cell 2, line 3", failed.Error.Value, StringComparison.Ordinal);
        Assert.Contains("boom", failed.Error.Traceback[0], StringComparison.Ordinal);
        Assert.IsType<ErrorOutput>(Assert.Single(failed.Outputs));
        var after = await session.ExecuteAsync("kept", cancellationToken: Ct);
        Assert.Equal("5", Assert.IsType<ExecuteResultOutput>(Assert.Single(after.Outputs)).Data.PlainText);
    }

    [Fact]
    public async Task An_exception_thrown_inside_the_library_names_the_cell_line_that_called_it()
    {
        using var session = new CSharpSession();
        var missing = Path.Combine(RepoPaths.NewTempDirectory(), "no-such-export");
        var failed = await session.ExecuteAsync($"var path = @\"{missing}\";\nvar data = CollabInsights.OffChain.IndigoSource.LoadAsync(path).GetAwaiter().GetResult();", "cell 4", cancellationToken: Ct);
        Assert.Equal("CollabInsightsException", failed.Error!.Name);
        Assert.StartsWith("cell 4, line 2: INDIGO data not found", failed.Error.Value, StringComparison.Ordinal);
        Assert.Contains(failed.Error.Traceback, f => f.Contains("IndigoFileSet", StringComparison.Ordinal)); // the library frames are still there
    }

    [Fact]
    public async Task Compilation_error_names_line_and_column()
    {
        using var session = new CSharpSession();
        var failed = await session.ExecuteAsync("var a = 1;\nvar b = undefinedName;", "cell 9", cancellationToken: Ct);
        Assert.Equal("CompilationError", failed.Error!.Name);
        Assert.Contains("cell 9, line 2, column 9: error CS0103", failed.Error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Looping_cell_is_stopped_by_the_timeout_and_the_session_goes_on()
    {
        using var session = new CSharpSession(new CSharpSessionOptions { CellTimeout = TimeSpan.FromSeconds(1) });
        var first = await session.ExecuteAsync("var before = 3;", cancellationToken: Ct);
        Assert.True(first.Succeeded, first.Error?.Value);
        var stopwatch = Stopwatch.StartNew();
        var looping = await session.ExecuteAsync("long n = 0;\nwhile (true) n++;", cancellationToken: Ct);
        Assert.Equal("TimeoutError", looping.Error!.Name);
        Assert.DoesNotContain("abandoned", looping.Error.Value, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), stopwatch.Elapsed.ToString());
        var after = await session.ExecuteAsync("before * 2", cancellationToken: Ct);
        Assert.True(after.Succeeded, after.Error?.Value);
        Assert.Equal("6", Assert.IsType<ExecuteResultOutput>(Assert.Single(after.Outputs)).Data.PlainText);
    }

    [Theory]
    [InlineData("for (var i = 0; ; i++) { }")]
    [InlineData("System.Threading.Thread.Sleep(60_000);")]
    [InlineData("foreach (var i in Enumerable.Range(0, int.MaxValue).Select(x => x)) { var z = i; }")]
    [InlineData("void Spin() { do { } while (true); }\nSpin();")]
    public async Task Interrupt_stops_a_running_cell(string code)
    {
        using var session = new CSharpSession();
        var running = session.ExecuteAsync(code, cancellationToken: Ct);
        await Task.Delay(700, Ct);
        var stopwatch = Stopwatch.StartNew();
        session.Interrupt();
        var result = await running;
        Assert.Equal("KeyboardInterrupt", result.Error?.Name);
        Assert.DoesNotContain("abandoned", result.Error!.Value, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public async Task Cancellation_token_interrupts_the_cell()
    {
        using var session = new CSharpSession();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(500);
        var result = await session.ExecuteAsync("while (true) { }", cancellationToken: cts.Token);
        Assert.Equal("KeyboardInterrupt", result.Error?.Name);
    }

    [Fact]
    public async Task Nuget_reference_resolves_from_the_local_package_folder_and_path_reference_works()
    {
        var root = RepoPaths.NewTempDirectory("collab-nuget");
        var lib = Path.Combine(root, "collab.testpackage", "1.2.3", "lib", "netstandard2.0");
        Directory.CreateDirectory(lib);
        var dll = Path.Combine(lib, "Collab.TestPackage.dll");
        EmitAssembly(dll, "Collab.TestPackage", "namespace Collab.TestPackage { public static class Greeter { public static string Hello(string n) => \"hello \" + n; } }");
        using var session = new CSharpSession(new CSharpSessionOptions { NuGetPackageRoot = root, WorkingDirectory = root });
        var result = await session.ExecuteAsync("#r \"nuget: Collab.TestPackage, 1.2.3\"\nCollab.TestPackage.Greeter.Hello(\"nuget\")", cancellationToken: Ct);
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("hello nuget", Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Outputs)).Data.PlainText);

        var other = Path.Combine(root, "Other.dll");
        EmitAssembly(other, "Other", "public static class OtherThing { public static int Value => 7; }");
        var byPath = await session.ExecuteAsync("#r \"Other.dll\"\nOtherThing.Value", cancellationToken: Ct);
        Assert.True(byPath.Succeeded, byPath.Error?.Value);
        Assert.Equal("7", Assert.IsType<ExecuteResultOutput>(Assert.Single(byPath.Outputs)).Data.PlainText);
    }

    [Fact]
    public async Task Missing_nuget_package_says_how_to_add_it()
    {
        var root = RepoPaths.NewTempDirectory("collab-nuget");
        using var session = new CSharpSession(new CSharpSessionOptions { NuGetPackageRoot = root });
        var result = await session.ExecuteAsync("#r \"nuget: No.Such.Package, 9.9.9\"\n1", "cell 4", cancellationToken: Ct);
        Assert.False(result.Succeeded);
        Assert.Contains("cell 4, line 1", result.Error!.Value, StringComparison.Ordinal);
        Assert.Contains("dotnet add <any project> package No.Such.Package --version 9.9.9", result.Error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_complete_tells_open_blocks_apart()
    {
        using var session = new CSharpSession();
        Assert.True(session.IsComplete("var a = 1;"));
        Assert.False(session.IsComplete("if (true) {"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_cell_using_a_framework_assembly_outside_the_fast_set_still_compiles_and_later_cells_see_its_values()
    {
        using var session = new CSharpSession();
        var fast = await session.ExecuteAsync("var a = 1;", cancellationToken: Ct);
        Assert.True(fast.Succeeded, fast.Error?.Value);
        Assert.False(session.UsesAllReferences);

        var typo = await session.ExecuteAsync("var b = undefinedName;", cancellationToken: Ct);
        Assert.Equal("CompilationError", typo.Error?.Name);
        Assert.Contains("line 1, column 9: error CS0103", typo.Error!.Value, StringComparison.Ordinal);
        Assert.False(session.UsesAllReferences); // a cell's own error does not slow the session down

        var drawing = await session.ExecuteAsync("var p = new System.Drawing.Point(3, 4); p.X + a", cancellationToken: Ct);
        Assert.True(drawing.Succeeded, drawing.Error?.Value);
        Assert.Equal("4", Assert.IsType<ExecuteResultOutput>(Assert.Single(drawing.Outputs)).Data.PlainText);
        Assert.True(session.UsesAllReferences);

        var later = await session.ExecuteAsync("p.Y * 10", cancellationToken: Ct);
        Assert.Equal("40", Assert.IsType<ExecuteResultOutput>(Assert.Single(later.Outputs)).Data.PlainText);
    }

    [Fact]
    public async Task A_deleted_working_directory_is_an_error_output_and_later_cells_of_any_session_still_run()
    {
        var dir = RepoPaths.NewTempDirectory();
        using var gone = new CSharpSession(new CSharpSessionOptions { WorkingDirectory = dir });
        Directory.Delete(dir, recursive: true);

        var failed = await gone.ExecuteAsync("1 + 1", cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(120), Ct);
        Assert.Equal("DirectoryNotFoundException", failed.Error?.Name);
        Assert.Contains("working directory", failed.Error!.Value, StringComparison.Ordinal);

        using var other = new CSharpSession(new CSharpSessionOptions { WorkingDirectory = RepoPaths.NewTempDirectory() });
        var ok = await other.ExecuteAsync("20 + 22", cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(120), Ct); // the process-wide gate was released
        Assert.Equal("42", Assert.IsType<ExecuteResultOutput>(Assert.Single(ok.Outputs)).Data.PlainText);
    }

    private static void EmitAssembly(string path, string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}

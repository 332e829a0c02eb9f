using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using CollabInsights.Notebooks.Display;
using CollabInsights.Notebooks.Internal;
using Markdig;

namespace CollabInsights.Notebooks.Execution;

public sealed partial class CSharpSession
{
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// Runs one notebook cell as .NET Interactive would: C# code, plus the magic commands and cell languages it
    /// defines (<c>#!html</c>, <c>#!markdown</c>, <c>#!javascript</c>, <c>#!time</c>, <c>#!who</c>, <c>#!whos</c>,
    /// <c>#!set</c>, <c>#!value</c>, ...). The whole cell gets one execution count. Never throws for problems in the
    /// cell: an unknown magic or another language comes back as an <see cref="ErrorOutput"/> naming the cell and line.
    /// </summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="language">The language the cell starts in (its Polyglot kernel name), e.g. "csharp" or "html".</param>
    /// <param name="cellName">How errors name the cell; default "cell N".</param>
    /// <param name="observer">Receives outputs as they are produced; may be null.</param>
    /// <param name="cancellationToken">Cancels (interrupts) the cell.</param>
    public async Task<CellExecution> ExecuteCellAsync(string source, string language = "csharp", string? cellName = null, IExecutionObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = Interlocked.Increment(ref executionCount);
        cellName ??= $"cell {count}";
        var stopwatch = Stopwatch.StartNew();
        var outputs = new List<CellOutput>();
        void Add(CellOutput output)
        {
            outputs.Add(output);
            observer?.OnOutput(output);
        }

        IReadOnlyList<CellPart> parts;
        try
        {
            parts = CellSource.Parse(source, language, cellName);
        }
        catch (CollabInsightsException e)
        {
            var error = new ErrorOutput("UnsupportedMagicCommand", e.Message, [e.Message]);
            Add(error);
            return new CellExecution(count, outputs, error, stopwatch.Elapsed);
        }

        Stopwatch? timer = null;
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case CellPartKind.CSharp:
                    var run = await ExecuteCoreAsync(part.Code, cellName, count, observer, cancellationToken).ConfigureAwait(false);
                    outputs.AddRange(run.Outputs);
                    if (run.Error is not null)
                    {
                        return new CellExecution(count, outputs, run.Error, stopwatch.Elapsed);
                    }

                    break;
                case CellPartKind.Html:
                    Add(new DisplayDataOutput(new MimeBundle(part.Code).With("text/html", part.Code)));
                    break;
                case CellPartKind.Markdown:
                    Add(new DisplayDataOutput(new MimeBundle(part.Code).With("text/markdown", part.Code).With("text/html", Markdown.ToHtml(part.Code, MarkdownPipeline))));
                    break;
                case CellPartKind.JavaScript:
                    Add(new DisplayDataOutput(new MimeBundle(part.Code).With("text/html", $"<script type=\"text/javascript\">{part.Code}</script>")));
                    break;
                case CellPartKind.Time:
                    timer = Stopwatch.StartNew();
                    break;
                case CellPartKind.About:
                    Add(new DisplayDataOutput(About()));
                    break;
                case CellPartKind.ListMagics:
                    Add(new DisplayDataOutput(ListMagics()));
                    break;
                case CellPartKind.Who:
                    var names = Variables().Select(v => v.Name).ToList();
                    Add(new DisplayDataOutput(new MimeBundle(names.Count == 0 ? "No variables defined." : "Variables: " + string.Join(", ", names))));
                    break;
                case CellPartKind.Whos:
                    Add(new DisplayDataOutput(formatters.Format(Variables(), displayContext)));
                    break;
                case CellPartKind.Value:
                    var declare = $"var {part.Name} = {CellSource.Literal(part.Code)};";
                    var stored = await ExecuteCoreAsync(declare, cellName, count, null, cancellationToken).ConfigureAwait(false);
                    if (stored.Error is not null)
                    {
                        Add(stored.Error);
                        return new CellExecution(count, outputs, stored.Error, stopwatch.Elapsed);
                    }

                    if (part.MimeType is { Length: > 0 } mime)
                    {
                        Add(new DisplayDataOutput(new MimeBundle(part.Code).With(mime, part.Code)));
                    }

                    break;
                case CellPartKind.PackageSource:
                    Add(new StreamOutput("stdout", $"#i {part.Code}: package sources are not consulted offline (a no-op here); #r \"nuget: ...\" reads the local NuGet folder {nugetRoot}.\n"));
                    break;
            }
        }

        if (timer is not null)
        {
            Add(new DisplayDataOutput(new MimeBundle(string.Create(CultureInfo.InvariantCulture, $"Wall time: {timer.Elapsed.TotalMilliseconds:F2}ms"))));
        }

        return new CellExecution(count, outputs, null, stopwatch.Elapsed);
    }

    /// <summary>The variables defined so far (last definition of each name), as <c>#!whos</c> shows them.</summary>
    internal IReadOnlyList<VariableInfo> Variables()
    {
        return (state?.Variables ?? [])
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Where(v => !v.Name.StartsWith('<'))
            .Select(v => new VariableInfo(v.Name, TypeName(v.Type), Summary(v.Value)))
            .ToList();
    }

    private static string Summary(object? value)
    {
        var text = DisplayFormatterRegistry.PlainText(value).ReplaceLineEndings(" ");
        return text.Length > 100 ? text[..97] + "..." : text;
    }

    private static string TypeName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    private static MimeBundle About()
    {
        var version = typeof(CSharpSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var text = $"{NotebookRunner.KernelDisplayName} {version}: C# on .NET {Environment.Version} with Roslyn scripting; display layer Microsoft.DotNet.Interactive.Formatting.";
        return new MimeBundle(text).With("text/html", $"<p>{WebUtility.HtmlEncode(text)}</p>");
    }

    private static MimeBundle ListMagics()
    {
        var text = string.Join("\n", CellSource.Supported.Select(s => $"{s.Name}  {s.Description}"));
        var html = "<table><thead><tr><th>Magic command</th><th>What it does</th></tr></thead><tbody>"
            + string.Concat(CellSource.Supported.Select(s => $"<tr><td><code>{WebUtility.HtmlEncode(s.Name)}</code></td><td>{WebUtility.HtmlEncode(s.Description)}</td></tr>"))
            + "</tbody></table>";
        return new MimeBundle(text).With("text/html", html);
    }
}

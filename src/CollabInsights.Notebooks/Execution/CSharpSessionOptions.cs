using CollabInsights.Notebooks.Display;

namespace CollabInsights.Notebooks.Execution;

/// <summary>Options of a <see cref="CSharpSession"/>.</summary>
public sealed record CSharpSessionOptions
{
    /// <summary>Directory for relative <c>#r</c> paths and the current directory while cells run. Default: the process's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Maximum run time of one cell, counted from the end of its compilation (Roslyn's one-time start-up does not count); null (the default) means no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>How long an interrupted cell gets to stop before it is abandoned. Default 2 s.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Formatters for <c>display(x)</c> and trailing values. Default: <see cref="DisplayFormatterRegistry.CreateDefault"/>.</summary>
    public DisplayFormatterRegistry? Formatters { get; init; }

    /// <summary>Per-document display state (preview size, plotly.js embedded once). Default: a new context.</summary>
    public DisplayContext? Display { get; init; }

    /// <summary>The local NuGet package folder for <c>#r "nuget: ..."</c>. Default: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public string? NuGetPackageRoot { get; init; }

    /// <summary>Namespaces imported in addition to the defaults (System.*, LINQ, CollabInsights.*, Microsoft.Data.Analysis, Plotly.NET.CSharp).</summary>
    public IReadOnlyList<string> AdditionalImports { get; init; } = [];
}

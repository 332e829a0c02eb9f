namespace CollabInsights.Notebooks.Execution;

/// <summary>Options of a headless notebook run (<see cref="NotebookRunner"/>).</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Parameter values (name, text) injected after the cell tagged <c>parameters</c>. Default none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Keep running after a failing cell (the run still reports failure). Default false: stop at the first error.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>Maximum run time of one cell; null means no limit. Default null.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Directory cells run in (relative paths, <c>#r</c>). Default: the notebook's folder, else the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Receives a line per cell as the run progresses. Default none.</summary>
    public IProgress<string>? Progress { get; init; }
}

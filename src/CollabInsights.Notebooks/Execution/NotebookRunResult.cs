using CollabInsights.Notebooks.Documents;

namespace CollabInsights.Notebooks.Execution;

/// <summary>The executed notebook and the cells that failed.</summary>
/// <param name="Notebook">The notebook with fresh outputs and execution counts.</param>
/// <param name="Failures">The failing cells (1-based number and error), in order.</param>
/// <param name="CellTimes">Run time of each executed code cell, in order.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
public sealed record NotebookRunResult(NotebookDocument Notebook, IReadOnlyList<(int Cell, ErrorOutput Error)> Failures, IReadOnlyList<TimeSpan> CellTimes, TimeSpan Elapsed)
{
    /// <summary>Things the run did that the user may not expect (e.g. a <c>--param</c> the notebook does not declare).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether every cell ran without error.</summary>
    public bool Succeeded => Failures.Count == 0;
}

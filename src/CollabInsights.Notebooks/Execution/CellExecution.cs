namespace CollabInsights.Notebooks.Execution;

/// <summary>The outcome of running one cell: its outputs in order, and whether it failed.</summary>
/// <param name="ExecutionCount">The execution count given to the cell.</param>
/// <param name="Outputs">Stream, display, result and error outputs in the order they were produced.</param>
/// <param name="Error">The error, or null when the cell succeeded.</param>
/// <param name="Elapsed">Wall time of compile and run.</param>
public sealed record CellExecution(int ExecutionCount, IReadOnlyList<CellOutput> Outputs, ErrorOutput? Error, TimeSpan Elapsed)
{
    /// <summary>Whether the cell ran without an error.</summary>
    public bool Succeeded => Error is null;
}

namespace CollabInsights.Notebooks.Kernel;

/// <summary>Measured start-up and per-cell costs of the kernel and the headless runner (milliseconds unless stated).</summary>
/// <param name="KernelReadyMs">From starting the kernel process to receiving its kernel_info_reply.</param>
/// <param name="FirstCellMs">Round trip of the first trivial execute_request (includes Roslyn start-up not hidden by the warm-up).</param>
/// <param name="TrivialCellMedianMs">Median round trip of the later trivial cells (execute_request to execute_reply).</param>
/// <param name="TrivialCellP95Ms">95th percentile of those round trips (<see cref="CollabInsights.Domain.Percentile"/>: linear interpolation between ranks).</param>
/// <param name="EngineTrivialCellMedianMs">Median run time of a trivial cell in an in-process <c>CSharpSession</c> (no messaging).</param>
/// <param name="Cells">How many trivial cells were timed.</param>
/// <param name="Notebooks">Per notebook run time in seconds (headless runner), by file name.</param>
/// <param name="AllNotebooksSeconds">Time to run all notebooks one after another, in seconds.</param>
public sealed record KernelBenchmarkResult(
    double KernelReadyMs,
    double FirstCellMs,
    double TrivialCellMedianMs,
    double TrivialCellP95Ms,
    double EngineTrivialCellMedianMs,
    int Cells,
    IReadOnlyDictionary<string, double> Notebooks,
    double AllNotebooksSeconds)
{
    /// <summary>The same figures for .NET Interactive's CSharpKernel, measured in the same run; null when not measured.</summary>
    public PeerKernelResult? DotNetInteractive { get; init; }
}

namespace CollabInsights.Notebooks.Kernel;

/// <summary>The same figures for .NET Interactive's <c>CSharpKernel</c> hosted in a small harness process (milliseconds).</summary>
/// <param name="Kernel">The peer and its version.</param>
/// <param name="ReadyMs">From process start to a constructed <c>CSharpKernel</c> with its kernel helpers.</param>
/// <param name="FirstCellMs">The first trivial <c>SubmitCode</c>.</param>
/// <param name="TrivialCellMedianMs">Median of the later trivial cells.</param>
/// <param name="TrivialCellP95Ms">95th percentile of those (<see cref="CollabInsights.Domain.Percentile"/>, as for our kernel).</param>
public sealed record PeerKernelResult(string Kernel, double ReadyMs, double FirstCellMs, double TrivialCellMedianMs, double TrivialCellP95Ms);

namespace CollabInsights.Benchmarks;

/// <summary>
/// One harness-versus-peer comparison: the same inserts through our benchmark harness and
/// through the peer, in the same run, with the ratio of throughputs.
/// </summary>
/// <param name="Comparison">What is compared, e.g. <c>postgres: harness vs pgbench</c>.</param>
/// <param name="N">Records inserted per side per round.</param>
/// <param name="Clients">Concurrent clients on both sides.</param>
/// <param name="OursTps">Our harness's insert throughput per round (records/s).</param>
/// <param name="PeerTps">The peer's insert throughput per round (records/s).</param>
/// <param name="Ratio">Mean of ours divided by mean of the peer's; 1.0 means equal.</param>
/// <param name="WithinTolerance">True when <paramref name="Ratio"/> is at least 1 minus the tolerance.</param>
/// <param name="PeerCommand">The peer's command line or description, for reproduction.</param>
public sealed record PeerComparisonResult(string Comparison, long N, int Clients, IReadOnlyList<double> OursTps, IReadOnlyList<double> PeerTps, double Ratio, bool WithinTolerance, string PeerCommand);

using CollabInsights.Domain;

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
/// <param name="Ratio">Median over rounds of ours divided by the peer's in the same round; 1.0 means equal.</param>
/// <param name="WithinTolerance">True when <paramref name="Ratio"/> is at least 1 minus the tolerance.</param>
/// <param name="PeerCommand">The peer's command line or description, for reproduction.</param>
public sealed record PeerComparisonResult(string Comparison, long N, int Clients, IReadOnlyList<double> OursTps, IReadOnlyList<double> PeerTps, double Ratio, bool WithinTolerance, string PeerCommand)
{
    /// <summary>Ours divided by the peer's, per round (the two sides of a round run back to back, in alternating order).</summary>
    public IReadOnlyList<double> RoundRatios => [.. OursTps.Zip(PeerTps, (o, p) => o / p)];

    /// <summary>Median of <see cref="OursTps"/> (records/s).</summary>
    public double OursMedianTps => Median(OursTps);

    /// <summary>Median of <see cref="PeerTps"/> (records/s).</summary>
    public double PeerMedianTps => Median(PeerTps);

    /// <summary>CPU time our whole process spent per insert on our side (microseconds, median over rounds); null when not measured.</summary>
    public double? OursCpuMicrosecondsPerInsert { get; init; }

    /// <summary>CPU time the peer process (pgbench) spent per insert (microseconds, median over rounds, 10 ms resolution); null when not measured.</summary>
    public double? PeerCpuMicrosecondsPerInsert { get; init; }

    /// <summary>The median of <paramref name="values"/> (<see cref="Percentile.Median(IReadOnlyList{double})"/>, the kit's one definition); NaN when empty.</summary>
    internal static double Median(IReadOnlyList<double> values) =>
        Percentile.Median([.. values.Order()]);
}

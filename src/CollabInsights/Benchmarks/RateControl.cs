namespace CollabInsights.Benchmarks;

/// <summary>
/// How the runner paces operations, as in Hyperledger Caliper: a fixed load keeps
/// <see cref="Clients"/> operations in flight (closed loop); a fixed rate submits
/// <see cref="RateTps"/> operations per second whatever their latency (open loop).
/// </summary>
/// <param name="Clients">Concurrent clients for fixed load. Default 1.</param>
/// <param name="RateTps">Operations per second for fixed rate; null means fixed load.</param>
public sealed record RateControl(int Clients = 1, double? RateTps = null)
{
    /// <summary>One client, closed loop: the default.</summary>
    public static RateControl Default { get; } = new();

    /// <summary>Fixed load of <paramref name="clients"/> concurrent clients.</summary>
    public static RateControl FixedLoad(int clients) => new(clients);

    /// <summary>Fixed send rate of <paramref name="tps"/> operations per second.</summary>
    public static RateControl FixedRate(double tps) => new(1, tps);

    /// <summary>Caliper's name for the controller: <c>fixed-load</c> or <c>fixed-rate</c>.</summary>
    public string Kind => RateTps is null ? "fixed-load" : "fixed-rate";
}

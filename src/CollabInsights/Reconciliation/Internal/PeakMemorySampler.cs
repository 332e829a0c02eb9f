using System.Diagnostics;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>Samples the process's working set (managed and native, DuckDB's included) every 50 ms and keeps the largest: the peak of one phase, which the process-wide peak cannot give once an earlier phase was larger.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, 50, 50);
    }

    /// <summary>The largest working set seen so far, in bytes.</summary>
    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var now = process.WorkingSet64;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}

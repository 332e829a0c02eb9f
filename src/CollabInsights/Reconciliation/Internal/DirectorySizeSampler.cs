namespace CollabInsights.Reconciliation.Internal;

/// <summary>Samples the total size of the files under a folder every 250 ms and keeps the largest: how much DuckDB spilled at its peak.</summary>
internal sealed class DirectorySizeSampler : IDisposable
{
    private readonly string _directory;
    private readonly Timer _timer;
    private long _peak;

    public DirectorySizeSampler(string directory)
    {
        _directory = directory;
        _timer = new Timer(_ => Sample(), null, 0, 250);
    }

    /// <summary>The largest total seen, in bytes.</summary>
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
        long total = 0;
        try
        {
            if (Directory.Exists(_directory))
            {
                foreach (var file in new DirectoryInfo(_directory).EnumerateFiles("*", SearchOption.AllDirectories))
                {
                    try
                    {
                        total += file.Length;
                    }
                    catch (FileNotFoundException)
                    {
                        // a spill file removed while we looked
                    }
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }

        long seen;
        while (total > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, total, seen) != seen)
        {
        }
    }
}

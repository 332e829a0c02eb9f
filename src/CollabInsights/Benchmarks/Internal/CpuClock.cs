using System.Diagnostics;
using System.Globalization;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// CPU time spent between <see cref="Start"/> and a reading: by this process (all threads), or by the child
/// processes it waited for (Linux <c>/proc/self/stat</c> cutime + cstime, in 10 ms clock ticks).
/// </summary>
internal sealed class CpuClock
{
    private const string Stat = "/proc/self/stat";
    private const double MicrosecondsPerTick = 1e6 / 100;
    private readonly TimeSpan _own;
    private readonly long _childTicks;

    private CpuClock(TimeSpan own, long childTicks)
    {
        _own = own;
        _childTicks = childTicks;
    }

    /// <summary>True when child CPU time can be read (Linux).</summary>
    public static bool Available => File.Exists(Stat);

    public static CpuClock Start() => new(OwnNow(), ChildTicksNow());

    public double OwnMicroseconds() => (OwnNow() - _own).TotalMicroseconds;

    public double ChildMicroseconds() => (ChildTicksNow() - _childTicks) * MicrosecondsPerTick;

    private static TimeSpan OwnNow()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static long ChildTicksNow()
    {
        if (!Available)
        {
            return 0;
        }

        // Fields after the parenthesised command name: state is field 3, cutime field 16, cstime field 17.
        var text = File.ReadAllText(Stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
    }
}

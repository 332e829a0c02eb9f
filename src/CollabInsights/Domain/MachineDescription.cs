using System.Globalization;
using System.Runtime.InteropServices;

namespace CollabInsights.Domain;

/// <summary>The machine a benchmark ran on, recorded with its results.</summary>
/// <param name="LogicalCores">Logical processors visible to the process.</param>
/// <param name="MemoryBytes">Physical memory (from /proc/meminfo on Linux, else what the GC sees).</param>
/// <param name="Os">Operating system description.</param>
/// <param name="DotNet">.NET runtime description.</param>
/// <param name="CpuModel">CPU model name (from /proc/cpuinfo on Linux), or "unknown".</param>
/// <param name="Architecture">Process architecture.</param>
public sealed record MachineDescription(int LogicalCores, long MemoryBytes, string Os, string DotNet, string CpuModel, string Architecture)
{
    /// <summary>Describes the current machine.</summary>
    public static MachineDescription Current()
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var cpu = "unknown";
        try
        {
            if (File.Exists("/proc/meminfo"))
            {
                var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
                if (line is not null)
                {
                    memory = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }

            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return new MachineDescription(Environment.ProcessorCount, memory, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, cpu, RuntimeInformation.ProcessArchitecture.ToString());
    }
}

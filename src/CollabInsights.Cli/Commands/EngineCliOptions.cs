using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CollabInsights.Reconciliation;

namespace CollabInsights.Cli.Commands;

/// <summary>The options that choose and size the reconciliation engine (<c>--engine</c>, <c>--memory-limit</c>, <c>--temp-dir</c>, <c>--threads</c>), and the progress line printer.</summary>
internal sealed class EngineCliOptions
{
    public Option<string> Engine { get; } = new("--engine")
    {
        Description = "memory (objects in memory), duckdb (SQL in DuckDB, spills to --temp-dir beyond --memory-limit) or auto (duckdb above 10,000,000 records on both sides together). Default auto.",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> MemoryLimit { get; } = new("--memory-limit") { Description = "DuckDB's memory limit, e.g. 4GiB, 512MiB (default 4GiB).", DefaultValueFactory = _ => "4GiB" };

    public Option<string?> TempDir { get; } = new("--temp-dir") { Description = "Folder DuckDB spills to (default: the system temp folder's collab-duckdb)." };

    public Option<int?> Threads { get; } = new("--threads") { Description = "DuckDB worker threads (default: one per core)." };

    public EngineCliOptions(params string[] engines)
    {
        Engine.AcceptOnlyFromAmong(engines.Length > 0 ? engines : ["auto", "memory", "duckdb"]);
        MemoryLimit.Validators.Add(r =>
        {
            if (ParseBytes(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError($"--memory-limit must be a size such as 4GiB, 512MiB or 2GB (at least 64MiB); got '{r.GetValueOrDefault<string>()}'.");
            }
        });
        // --threads' range (1 to 1024) is checked with every numeric option in OptionRanges; reading the value here
        // threw for a value that does not convert (--threads NaN).
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Engine);
        command.Options.Add(MemoryLimit);
        command.Options.Add(TempDir);
        command.Options.Add(Threads);
    }

    public ReconciliationEngineOptions Read(ParseResult parseResult) => new()
    {
        Engine = parseResult.GetValue(Engine) switch { "memory" => ReconciliationEngine.Memory, "duckdb" => ReconciliationEngine.DuckDb, _ => ReconciliationEngine.Auto },
        MemoryLimitBytes = ParseBytes(parseResult.GetValue(MemoryLimit)),
        TempDirectory = parseResult.GetValue(TempDir),
        Threads = parseResult.GetValue(Threads),
    };

    /// <summary>
    /// Prints the estimate, then one line per step, to <paramref name="writer"/> (the error writer, so --json output stays clean); short runs
    /// (in memory and estimated under 5 s) print nothing.
    /// </summary>
    public static IProgress<ReconciliationProgress> Printer(TextWriter writer) => new LineProgress(writer);

    /// <summary>A count such as 1000000, 1e6, 5e7 or 1_000_000; null when it is none.</summary>
    public static long? ParseCount(string? text)
    {
        var t = text?.Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 1 && v <= 1e12 && v == Math.Floor(v) ? (long)v : null;
    }

    /// <summary>Bytes from 4GiB, 512MiB, 2GB, 100MB or a plain number of bytes; null when unreadable or below 64 MiB.</summary>
    public static long? ParseBytes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        var units = new (string Suffix, double Factor)[] { ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1) };
        foreach (var (suffix, factor) in units)
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v * factor >= 64L << 20 ? (long)(v * factor) : null;
            }
        }

        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes >= 64L << 20 ? bytes : null;
    }

    private sealed class LineProgress(TextWriter writer) : IProgress<ReconciliationProgress>
    {
        public void Report(ReconciliationProgress value)
        {
            if (value.Estimate.Engine == ReconciliationEngine.Memory && value.Estimate.Seconds < 5)
            {
                return;
            }

            writer.WriteLine(value.Step == 0
                ? $"estimate: {value.Estimate.Describe()}"
                : string.Create(CultureInfo.InvariantCulture, $"[{value.Step}/{value.Steps}] {value.Stage} ({value.Elapsed.TotalSeconds:0.0} s)"));
        }
    }
}

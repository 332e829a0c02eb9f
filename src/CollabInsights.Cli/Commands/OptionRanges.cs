using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CollabInsights.Cli.Commands;

/// <summary>
/// The documented range of every numeric option of <c>collab</c>, checked while the command line is parsed, before any
/// work starts: NaN, infinities, values outside the range and fractions where a whole number is expected are refused
/// with exit code 2 and one <c>error:</c> line naming the option, the value and the range. Each option's help text
/// states its range (<c>collab COMMAND --help</c>). A test checks that every
/// numeric option of every command has an entry here, and runs each with values outside it.
/// </summary>
internal static class OptionRanges
{
    private const double Int32Min = int.MinValue;
    private const double Int32Max = int.MaxValue;

    /// <summary>One option's range: the command path (without <c>collab</c>), the option, bounds (inclusive), whether only whole numbers are accepted, whether the value is a comma-separated list, and what it counts.</summary>
    internal sealed record Range(string Command, string Option, double Min, double Max, bool Whole, string What, bool List = false)
    {
        /// <summary>The range in words, e.g. "a whole number from 1 to 100,000,000 (records)".</summary>
        public string Describe()
        {
            var kind = Whole ? "a whole number" : "a number";
            return $"{kind} from {F(Min)} to {F(Max)} ({What})";
        }

        private static string F(double v) => v.ToString(Math.Abs(v) >= 1000 && v == Math.Floor(v) ? "#,0" : "0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>Every range, by command and option.</summary>
    public static IReadOnlyList<Range> All { get; } =
    [
        new("generate", "--seed", Int32Min, Int32Max, true, "seed"),
        new("generate", "--projects", 1, 10_000, true, "projects"),
        new("generate", "--anomalies", 0, 1, false, "share of actual payments"),
        new("generate", "--chain-differences", 0, 1, false, "share of payments and results"),
        new("demo", "--seed", Int32Min, Int32Max, true, "seed"),
        new("demo", "--projects", 1, 10_000, true, "projects"),
        new("anomalies evaluate", "--seeds", Int32Min, Int32Max, true, "seeds", List: true),
        new("anomalies evaluate", "--projects", 1, 10_000, true, "projects per scenario"),
        new("anomalies evaluate", "--rate", 0.0001, 1, false, "share of actual payments"),
        new("anomalies evaluate", "--clusters", 1, 1_000, true, "k-means clusters"),
        new("anomalies evaluate", "--kmeans", 1, 1_000, true, "k-means clusters", List: true),
        new("anomalies evaluate", "--strengths", 0, 100, false, "planted anomaly strengths", List: true),
        new("anomalies evaluate", "--pca-rank", 1, 10_000, true, "components"),
        new("anomalies evaluate", "--local-covariance", 1, 1_000, true, "clusters"),
        new("bench run", "--n", 1, 100_000_000, true, "records", List: true),
        new("bench run", "--rate", 0.001, 1_000_000, false, "operations per second"),
        new("bench run", "--clients", 1, 1_024, true, "concurrent clients"),
        new("bench run", "--duration", 0.001, 604_800, false, "seconds"),
        new("bench run", "--batch", 1, 100_000, true, "records per transaction"),
        new("bench run", "--seed", Int32Min, Int32Max, true, "seed"),
        new("bench run", "--gas-price-gwei", 0, 1_000_000, false, "gwei"),
        new("bench run", "--eth-usd", 0, 100_000_000, false, "US dollars"),
        new("bench peers", "--n", 1, 100_000_000, true, "records per side", List: true),
        new("bench peers", "--clients", 1, 1_024, true, "concurrent clients"),
        new("bench peers", "--rounds", 1, 1_000, true, "rounds"),
        new("bench reconcile", "--n", 1, 100_000_000, true, "records per side"),
        new("bench reconcile", "--threads", 1, 1_024, true, "DuckDB worker threads"),
        new("reconcile", "--threads", 1, 1_024, true, "DuckDB worker threads"),
        new("bench standards", "--size-mb", 0.001, 65_536, false, "MiB"),
        new("bench standards", "--rounds", 1, 1_000, true, "rounds"),
        new("bench carbon", "--n", 1, 100_000_000, true, "credit blocks"),
        new("bench carbon", "--seed", Int32Min, Int32Max, true, "seed"),
        new("bench extract", "--events", 1, 100_000_000, true, "events"),
        new("bench extract", "--per-tx", 1, 100_000, true, "events per transaction"),
        new("bench extract", "--repeat", 1, 100, true, "runs"),
        new("bench extract", "--concurrency", 1, 256, true, "requests in flight"),
        new("bench merkle", "--leaves", 1, 100_000_000, true, "leaves"),
        new("bench merkle", "--proofs", 0, 1_000_000, true, "proofs"),
        new("indigo bench", "--iterations", 1, 100_000, true, "iterations"),
        new("indigo bench", "--warmup", 0, 100_000, true, "iterations"),
        new("notebook run", "--timeout", 0.001, 604_800, false, "seconds"),
        new("notebook bench", "--cells", 1, 100_000, true, "cells"),
        new("chain node", "--block-time", 0.001, 86_400, false, "seconds"),
        new("chain node", "--chain-id", 1, 4_503_599_627_370_476, true, "chain id"),
        new("chain extract", "--from", 0, 1e15, true, "block number"),
        new("chain extract", "--confirmations", 0, 10_000, true, "blocks"),
        new("chain extract", "--concurrency", 1, 256, true, "requests in flight"),
        new("chain extract", "--initial-range", 1, 1_000_000_000, true, "blocks"),
        new("chain extract", "--max-range", 1, 1_000_000_000, true, "blocks"),
        new("chain extract", "--chunk-logs", 1, 10_000_000, true, "logs"),
        new("chain extract", "--chunk-seconds", 0.01, 86_400, false, "seconds"),
        new("proof verify", "--confirmations", 0, 10_000, true, "blocks"),
        new("carbon bridge generate", "--seed", Int32Min, Int32Max, true, "seed"),
        new("carbon bridge generate", "--blocks", 1, 1_000_000, true, "credit blocks"),
        new("carbon bridge generate", "--differences", 0, 1, false, "share of batches"),
    ];

    /// <summary>Options that take a private key as 32 bytes of hex (64 digits, optional <c>0x</c>).</summary>
    public static IReadOnlyList<(string Command, string Option)> HexKeys { get; } =
    [
        ("chain seed", "--key"),
        ("anchor", "--key"),
    ];

    /// <summary>Adds the range checks to every command of <paramref name="root"/>; an option named here but missing from the tree is a bug and throws.</summary>
    public static void Apply(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var options = new Dictionary<(string, string), Option>();
        Walk(root, string.Empty, options);
        foreach (var range in All)
        {
            var option = options.GetValueOrDefault((range.Command, range.Option))
                ?? throw new InvalidOperationException($"OptionRanges names {range.Command} {range.Option}, which the command line does not have.");
            option.Validators.Add(result => Check(result, range));
            option.Description = (option.Description ?? string.Empty).TrimEnd() + " Range: " + range.Describe() + ".";
        }

        foreach (var (command, name) in HexKeys)
        {
            var option = options.GetValueOrDefault((command, name))
                ?? throw new InvalidOperationException($"OptionRanges names {command} {name}, which the command line does not have.");
            option.Validators.Add(CheckHexKey);
        }
    }

    /// <summary>Every option of the tree under <paramref name="command"/>, keyed by command path and option name.</summary>
    public static void Walk(Command command, string path, IDictionary<(string, string), Option> options)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            options[(path, option.Name)] = option;
        }

        foreach (var sub in command.Subcommands)
        {
            Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name, options);
        }
    }

    private static void Check(OptionResult result, Range range)
    {
        foreach (var token in result.Tokens)
        {
            var parts = range.List ? token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [token.Value.Trim()];
            foreach (var part in parts)
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    if (range.List || result.Option.ValueType == typeof(string))
                    {
                        result.AddError($"{range.Option}: '{part}' is not a number; expected {range.Describe()}.");
                    }

                    // Otherwise the option's own type conversion reports it.
                    continue;
                }

                if (!double.IsFinite(value) || value < range.Min || value > range.Max || (range.Whole && value != Math.Floor(value)))
                {
                    result.AddError($"{range.Option}: {part} is out of range; expected {range.Describe()}.");
                }
            }
        }
    }

    private static void CheckHexKey(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            var hex = token.Value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? token.Value[2..] : token.Value;
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                // The key itself is never echoed.
                result.AddError($"{result.Option.Name}: the value is not a private key; expected 64 hexadecimal digits (32 bytes), optionally after 0x.");
            }
        }
    }
}

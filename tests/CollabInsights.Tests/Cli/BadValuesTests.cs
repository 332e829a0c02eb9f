using System.CommandLine;
using CollabInsights.Cli;
using CollabInsights.Cli.Commands;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Tests.Cli;

/// <summary>
/// Every command with values an attacker or a careless user would give: each must end with the README's exit code,
/// exactly one line on standard error starting <c>error:</c>, no stack trace, and no unexpected exception.
/// The rows marked "issue 19" are the probes of that issue.
/// </summary>
public sealed class BadValuesTests
{
    private static readonly Lazy<string> Scratch = new(() => RepoPaths.NewTempDirectory("bad-values"));

    private static string Out => Path.Combine(Scratch.Value, "out-" + Guid.NewGuid().ToString("N"));

    private static string Missing => Path.Combine(Scratch.Value, "does-not-exist");

    /// <summary>(arguments, expected exit code). "{out}" is a fresh folder, "{missing}" a path that does not exist.</summary>
    public static TheoryData<string, int> Table() => new()
    {
        // issue 19: numeric options that crashed, hung, ran out of memory or were accepted silently
        { "bench reconcile --n -1", 2 },
        { "bench run --duration NaN --out {out}", 2 },
        { "notebook run {missing}.ipynb --timeout Infinity", 2 },
        { "chain extract --chunk-seconds NaN --out {out}", 2 },
        { "chain seed --scenario {missing} --key 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690g", 2 },
        { "generate --anomalies Infinity --out {out}", 2 },
        { "anomalies evaluate --rate Infinity", 2 },
        { "bench run --clients 100000000 --out {out}", 2 },
        { "generate --projects 100000 --out {out}", 2 },
        { "bench run --n 1e12 --out {out}", 2 },
        { "bench run --clients 0 --out {out}", 2 },
        { "bench run --gas-price-gwei -1 --out {out}", 2 },
        { "chain extract --confirmations 1e9 --out {out}", 2 },
        // issue 19: exit codes off the README (node unreachable: 3; option parse errors: 2)
        { "chain extract --rpc http://127.0.0.1:9 --out {out}", 3 },
        { "bench run --clients many --out {out}", 2 },
        { "bench run --no-such-option", 2 },
        { "link --data {missing}", 2 },
        // more of the same kind, one or more per command
        { "generate --seed 1.5 --out {out}", 2 },
        { "generate --chain-differences -0.1 --out {out}", 2 },
        { "demo --projects 0 --out {out}", 2 },
        { "anomalies evaluate --kmeans 2,0", 2 },
        { "anomalies evaluate --strengths 1,NaN", 2 },
        { "anomalies evaluate --seeds 1,x", 2 },
        { "anomalies evaluate --clusters -3", 2 },
        { "anomalies --data {missing}", 2 },
        { "bench run --rate -5 --out {out}", 2 },
        { "bench run --batch 0 --out {out}", 2 },
        { "bench run --eth-usd NaN --out {out}", 2 },
        { "bench run --n 1000,1e12 --out {out}", 2 },
        { "bench peers --n 0", 2 },
        { "bench peers --rounds 0", 2 },
        { "bench standards --size-mb Infinity", 2 },
        { "bench carbon --n 0", 2 },
        { "bench extract --per-tx 0", 2 },
        { "bench merkle --leaves -1", 2 },
        { "bench merge --runs {missing} --out {out}", 2 },
        { "indigo summary --data {missing}", 2 },
        { "indigo bench --data {missing} --iterations 0", 2 },
        { "indigo landscape --data {missing}", 2 },
        { "notebook run {missing}.ipynb", 2 },
        { "notebook bench --cells -1", 2 },
        { "chain node --block-time -1", 2 },
        { "chain node --chain-id 0", 2 },
        { "chain extract --from -1 --out {out}", 2 },
        { "chain extract --max-range 0 --out {out}", 2 },
        { "chain extract --concurrency 100000 --out {out}", 2 },
        { "proof verify {missing} --confirmations -1", 2 },
        { "anchor --data {missing} --out {out} --key 12", 2 },
        { "carbon check --data {missing}", 2 },
        { "carbon report --data {missing} --out {out}", 2 },
        { "carbon bridge generate --blocks 0 --out {out}", 2 },
        { "carbon bridge generate --differences 2 --out {out}", 2 },
        { "governance --data {missing}", 2 },
        { "reconcile --no-such-option", 2 },
        { "fit --no-such-option", 2 },
        { "kernel --no-such-option", 2 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Bad_value_ends_with_the_readme_exit_code_one_error_line_and_no_stack_trace(string args, int expected)
    {
        var argv = args.Split(' ').Select(a => a.Replace("{out}", Out, StringComparison.Ordinal).Replace("{missing}", Missing, StringComparison.Ordinal)).ToArray();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CollabCli.InvokeAsync(argv, output, error, TestContext.Current.CancellationToken);
        var all = output + "\n" + error;
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == expected, $"collab {args}: exit {code}, expected {expected}\n{all}");
        Assert.True(lines.Length == 1 && lines[0].StartsWith("error: ", StringComparison.Ordinal), $"collab {args}: expected one 'error:' line on standard error, got:\n{error}");
        Assert.DoesNotContain("error: unexpected", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_numeric_option_of_every_command_has_a_documented_range()
    {
        var options = new Dictionary<(string, string), Option>();
        OptionRanges.Walk(CollabCli.BuildRootCommand(), string.Empty, options);
        Type[] numeric = [typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(int?), typeof(long?), typeof(double?), typeof(decimal?)];
        var missing = options.Where(o => numeric.Contains(o.Value.ValueType))
            .Select(o => o.Key)
            .Where(k => !OptionRanges.All.Any(r => r.Command == k.Item1 && r.Option == k.Item2))
            .Select(k => $"{k.Item1} {k.Item2}")
            .ToList();
        Assert.True(missing.Count == 0, "numeric options without a range in OptionRanges.All:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Each_range_refuses_the_value_just_outside_it_before_any_work_starts()
    {
        foreach (var range in OptionRanges.All)
        {
            var outside = range.Max < 1e15 ? range.Max + (range.Whole ? 1 : Math.Max(range.Max / 100, 0.001)) : range.Min - 1;
            if (range.Max >= int.MaxValue && range.Min <= int.MinValue)
            {
                continue; // seeds: any 32-bit integer
            }

            var value = outside.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            var error = new StringWriter();
            var code = await CollabCli.InvokeAsync([.. range.Command.Split(' '), range.Option, value], new StringWriter(), error, TestContext.Current.CancellationToken);
            Assert.True(code == 2, $"{range.Command} {range.Option} {value}: exit {code}\n{error}");
            Assert.Contains($"{range.Option}: {value} is out of range; expected {range.Describe()}", error.ToString(), StringComparison.Ordinal);
            var below = (range.Min - (range.Whole ? 1 : Math.Max(Math.Abs(range.Min) / 100, 0.001))).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            code = await CollabCli.InvokeAsync([.. range.Command.Split(' '), range.Option, below], new StringWriter(), error, TestContext.Current.CancellationToken);
            Assert.True(code == 2, $"{range.Command} {range.Option} {below}: exit {code}\n{error}");
            code = await CollabCli.InvokeAsync([.. range.Command.Split(' '), range.Option, "NaN"], new StringWriter(), error, TestContext.Current.CancellationToken);
            Assert.True(code == 2, $"{range.Command} {range.Option} NaN: exit {code}\n{error}");
        }
    }
}

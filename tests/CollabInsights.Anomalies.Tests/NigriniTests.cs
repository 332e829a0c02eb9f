using System.Globalization;
using System.Text.Json;
using CollabInsights.Anomalies.Forensic;
using CollabInsights.Cli;
using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Anomalies.Tests;

public class NigriniTests
{
    private static readonly string[] DigitTests = [ForensicTestNames.FirstDigit, ForensicTestNames.FirstTwoDigits, ForensicTestNames.FirstThreeDigits, ForensicTestNames.LastTwoDigits];

    [Fact]
    public async Task Digit_tests_on_the_real_INDIGO_amounts_agree_with_an_independent_python_computation()
    {
        var ct = TestContext.Current.CancellationToken;
        var loaded = await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: ct);
        var result = ForensicTests.Run(loaded.Value);
        using var python = JsonDocument.Parse(await DebianPython.RunAsync(ct, DebianPython.Script("forensic-python", "benford.py"), "indigo", RepoPaths.IndigoData));
        AssertAgrees(result, python.RootElement);
        Assert.True(result.Tested > 400, $"only {result.Tested} INDIGO amounts were tested");
    }

    [Fact]
    public async Task Generated_amounts_with_a_planted_spike_below_an_approval_limit_fail_first_two_digits_and_agree_with_python()
    {
        var ct = TestContext.Current.CancellationToken;
        var (amounts, planted) = Generate(seed: 7, n: 3000, distortion: 0.08);
        var result = ForensicTests.Run(amounts);
        var firstTwo = result.Tests.Single(t => t.Test == ForensicTestNames.FirstTwoDigits && t.Scope == "overall");
        Assert.False(firstTwo.Passed);
        Assert.Equal("nonconformity", firstTwo.Verdict);
        Assert.True(firstTwo.Digits!.Single(d => d.Digits == "49").SignificantExcess);
        Assert.Subset(firstTwo.Rows.ToHashSet(), planted.ToHashSet());

        var file = Path.Combine(RepoPaths.NewTempDirectory("forensic"), "amounts.csv");
        await File.WriteAllLinesAsync(file, ["amount", .. amounts.Select(a => a.Amount.ToString(CultureInfo.InvariantCulture))], ct);
        using var python = JsonDocument.Parse(await DebianPython.RunAsync(ct, DebianPython.Script("forensic-python", "benford.py"), "amounts", file));
        AssertAgrees(result, python.RootElement);
    }

    [Fact]
    public void Generated_amounts_that_follow_Benford_conform_on_the_first_digits_and_pass_the_last_two()
    {
        var (amounts, _) = Generate(seed: 7, n: 3000, distortion: 0);
        var result = ForensicTests.Run(amounts);
        foreach (var test in DigitTests)
        {
            var r = result.Tests.Single(t => t.Test == test && t.Scope == "overall");
            Assert.True(r.Passed, $"{test}: {r.Reason}");
        }

        Assert.Contains(result.Tests.Single(t => t.Test == ForensicTestNames.FirstDigit && t.Scope == "overall").Verdict, new[] { "close conformity", "acceptable conformity" });

        // Every amount belongs to project P (3,000 amounts, above the 100 needed), so the digit tests also run for it, with the same figures.
        Assert.Equal(result.Tests.Where(t => t.Scope == "overall" && t.Digits is not null).Select(t => t.Figure), result.Tests.Where(t => t.Scope == "project:P").Select(t => t.Figure));
    }

    [Fact]
    public void Nigrini_z_applies_the_continuity_correction_only_when_it_is_smaller_than_the_difference()
    {
        // AP 0.35, EP 0.30103, N 1000: (0.04897 - 0.0005) / sqrt(0.30103 * 0.69897 / 1000).
        Assert.Equal((0.35 - Math.Log10(2) - 0.0005) / Math.Sqrt(Math.Log10(2) * (1 - Math.Log10(2)) / 1000), Benford.Z(0.35, Math.Log10(2), 1000), 12);

        // |AP - EP| = 0.0002 < 1/(2N) = 0.0005: no correction.
        Assert.Equal(0.0002 / Math.Sqrt(0.1 * 0.9 / 1000), Benford.Z(0.1002, 0.1, 1000), 12);
    }

    [Theory]
    [InlineData(ForensicTestNames.FirstDigit, 0.006, "close conformity")]
    [InlineData(ForensicTestNames.FirstDigit, 0.0121, "marginally acceptable conformity")]
    [InlineData(ForensicTestNames.FirstDigit, 0.0151, "nonconformity")]
    [InlineData(ForensicTestNames.FirstTwoDigits, 0.0018, "acceptable conformity")]
    [InlineData(ForensicTestNames.FirstTwoDigits, 0.0023, "nonconformity")]
    [InlineData(ForensicTestNames.FirstThreeDigits, 0.00036, "close conformity")]
    [InlineData(ForensicTestNames.FirstThreeDigits, 0.00050, "marginally acceptable conformity")]
    [InlineData(ForensicTestNames.FirstThreeDigits, 0.00051, "nonconformity")]
    public void Conformity_follows_Nigrini_s_MAD_ranges(string test, double mad, string verdict) => Assert.Equal(verdict, Benford.Conformity(test, mad));

    [Fact]
    public void Duplicates_outsized_payments_and_round_amounts_are_named_with_their_rows()
    {
        var amounts = new List<ForensicAmount>
        {
            Amount(1, 1250.00m, "2024-03-31", "ORG-A"),
            Amount(2, 1250.00m, "2024-03-31", "ORG-A"),   // same-same-same with row 1
            Amount(3, 1250.00m, "2024-03-31", "ORG-B"),   // same amount and date, another payee
            Amount(4, 90000m, "2024-04-30", "ORG-C"),     // 45 times ORG-C's next largest
            Amount(5, 2000m, "2024-05-31", "ORG-C"),
            Amount(6, 310.45m, "2024-06-30", "ORG-D"),
            Amount(7, 5.00m, "2024-06-30", "ORG-D"),      // below 10: left out
        };
        var result = ForensicTests.Run(amounts);
        Assert.Equal(6, result.Tested);
        var sss = result.Tests.Single(t => t.Test == ForensicTestNames.SameSameSame);
        Assert.False(sss.Passed);
        Assert.Equal(["payments.csv:1", "payments.csv:2"], sss.Rows);
        var ssd = result.Tests.Single(t => t.Test == ForensicTestNames.SameSameDifferent);
        Assert.Equal(["payments.csv:1", "payments.csv:2", "payments.csv:3"], ssd.Rows);
        var rsf = result.Tests.Single(t => t.Test == ForensicTestNames.RelativeSizeFactor);
        Assert.Equal(45, rsf.Figure);
        Assert.Equal(["payments.csv:4"], rsf.Rows);
        var dup = result.Tests.Single(t => t.Test == ForensicTestNames.NumberDuplication);
        Assert.Equal(3, dup.Figure);
        Assert.True(dup.Passed);
        var round = result.Tests.Single(t => t.Test == ForensicTestNames.RoundNumbers);
        Assert.Equal(2.0 / 5, round.Figure);
        Assert.False(round.Passed);
        Assert.Equal(["payments.csv:4", "payments.csv:5"], round.Rows);
    }

    [Fact]
    public async Task Anomalies_json_carries_the_forensic_tests_and_the_report_charts_digits_against_Benford()
    {
        var ct = TestContext.Current.CancellationToken;
        var report = Path.Combine(RepoPaths.NewTempDirectory("forensic"), "anomalies.html");
        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["anomalies", "--data", RepoPaths.IndigoData, "--no-ml", "--json", "--report", report], output, new StringWriter(), ct);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.True(doc.RootElement.GetProperty("flags").GetArrayLength() > 0);
        var tests = doc.RootElement.GetProperty(ForensicJson.Key).GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(ForensicTestNames.All, tests.Where(t => t.GetProperty("scope").GetString() == "overall").Select(t => t.GetProperty("test").GetString()));
        foreach (var t in tests)
        {
            Assert.True(t.GetProperty("threshold").GetDouble() >= 0);
            Assert.False(string.IsNullOrEmpty(t.GetProperty("reason").GetString()));
            Assert.True(t.GetProperty("passed").GetBoolean() || t.GetProperty("rows").GetArrayLength() > 0, t.GetProperty("test").GetString());
        }

        var html = await File.ReadAllTextAsync(report, ct);
        foreach (var test in DigitTests)
        {
            Assert.Contains($"{test} (overall", html, StringComparison.Ordinal);
        }

        Assert.Contains("\"name\":\"Benford\"", html, StringComparison.Ordinal);
    }

    private static void AssertAgrees(ForensicResult result, JsonElement python)
    {
        foreach (var test in DigitTests)
        {
            var ours = result.Tests.Single(t => t.Test == test && t.Scope == "overall");
            var theirs = python.GetProperty(test);
            Assert.Equal(theirs.GetProperty("n").GetInt32(), ours.Count);
            Assert.Equal(theirs.GetProperty(test == ForensicTestNames.LastTwoDigits ? "chi_square" : "mad").GetDouble(), ours.Figure!.Value, 9);
            foreach (var d in ours.Digits!)
            {
                var p = theirs.GetProperty("digits").GetProperty(d.Digits);
                Assert.Equal(p.GetProperty("count").GetInt32(), d.Count);
                Assert.Equal(p.GetProperty("z").GetDouble(), d.Z, 9);
            }
        }

        Assert.Equal(python.GetProperty("number_duplication_max").GetInt32(), (int)result.Tests.Single(t => t.Test == ForensicTestNames.NumberDuplication).Figure!.Value);
        Assert.Equal(python.GetProperty("round_share_1000").GetDouble(), result.Tests.Single(t => t.Test == ForensicTestNames.RoundNumbers).Figure!.Value, 12);
    }

    /// <summary>Benford-distributed amounts (log-uniform over 10 to 1,000,000, cents kept), a share of them replaced by amounts just under 5,000.</summary>
    private static (IReadOnlyList<ForensicAmount> Amounts, IReadOnlyList<string> Planted) Generate(int seed, int n, double distortion)
    {
        var random = new Random(seed);
        var amounts = new List<ForensicAmount>();
        var planted = new List<string>();
        for (var i = 1; i <= n; i++)
        {
            var spike = random.NextDouble() < distortion;
            var value = spike ? 4900m + Math.Round((decimal)(random.NextDouble() * 99.99), 2) : Math.Round((decimal)Math.Pow(10, 1 + (5 * random.NextDouble())), 2);
            value = Math.Max(value, 10m);
            amounts.Add(new ForensicAmount(value, "GBP", null, null, null, "P", new FileProvenance("payments.csv", i)));
            if (spike)
            {
                planted.Add($"payments.csv:{i}");
            }
        }

        return (amounts, planted);
    }

    private static ForensicAmount Amount(int row, decimal amount, string date, string payee) => new(amount, "GBP", date, payee, "FUNDER", "P1", new FileProvenance("payments.csv", row));
}

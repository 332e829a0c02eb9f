using System.Globalization;
using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>
/// Nigrini's forensic-accounting tests over payment amounts: the first-digit, first-two-digits, first-three-digits and last-two-digits
/// tests (MAD with Nigrini's conformity ranges, per-digit z with continuity correction), number duplication, same-same-same and
/// same-same-different duplicates, the relative size factor and round-number shares. Amounts below <see cref="ForensicOptions.MinimumAmount"/>
/// (10) are left out, as Nigrini does. Each result names its figure, threshold, verdict and the rows behind it.
/// </summary>
public static class ForensicTests
{
    /// <summary>Runs every test over the actual payments of <paramref name="dataset"/> (see <see cref="ForensicAmount.FromPayments"/>).</summary>
    public static ForensicResult Run(CollabDataset dataset, ForensicOptions? options = null) => Run(ForensicAmount.FromPayments(dataset), options);

    /// <summary>Runs every test over <paramref name="amounts"/>: overall, then the digit tests per payer and per project with enough amounts.</summary>
    public static ForensicResult Run(IReadOnlyList<ForensicAmount> amounts, ForensicOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var o = options ?? new ForensicOptions();
        var tested = amounts.Where(a => a.Amount >= o.MinimumAmount && a.Amount > 0).ToList();
        var results = new List<ForensicTestResult>();
        results.AddRange(DigitTests(tested, "overall", o));
        results.Add(NumberDuplication(tested, o));
        results.Add(SameSameSame(tested));
        results.Add(SameSameDifferent(tested));
        results.Add(RelativeSizeFactor(tested, o));
        results.Add(RoundNumbers(tested, o));
        foreach (var (prefix, key) in new (string, Func<ForensicAmount, string?>)[] { ("payer", a => a.Payer), ("project", a => a.Project) })
        {
            foreach (var g in tested.Where(a => key(a) is not null).GroupBy(a => key(a)!, StringComparer.Ordinal).Where(g => g.Count() >= o.MinimumGroupAmounts).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                results.AddRange(DigitTests(g.ToList(), $"{prefix}:{g.Key}", o));
            }
        }

        return new ForensicResult(amounts.Count, tested.Count, amounts.Count - tested.Count, results);
    }

    /// <summary>The four digit tests over <paramref name="amounts"/> (all assumed at least the minimum amount).</summary>
    public static IReadOnlyList<ForensicTestResult> DigitTests(IReadOnlyList<ForensicAmount> amounts, string scope, ForensicOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var o = options ?? new ForensicOptions();
        return
        [
            Digit(ForensicTestNames.FirstDigit, amounts, scope, o, a => Benford.FirstThree(a) / 100, 1, 9),
            Digit(ForensicTestNames.FirstTwoDigits, amounts, scope, o, a => Benford.FirstThree(a) / 10, 10, 99),
            Digit(ForensicTestNames.FirstThreeDigits, amounts, scope, o, Benford.FirstThree, 100, 999),
            Digit(ForensicTestNames.LastTwoDigits, amounts.Where(a => a.Amount >= o.LastTwoMinimumAmount).ToList(), scope, o, Benford.LastTwo, 0, 99),
        ];
    }

    private static ForensicTestResult Digit(string test, IReadOnlyList<ForensicAmount> amounts, string scope, ForensicOptions o, Func<decimal, int> digitsOf, int first, int last)
    {
        var n = amounts.Count;
        var lastTwo = test == ForensicTestNames.LastTwoDigits;
        var counts = new int[last + 1];
        var byDigit = amounts.Select(a => (Amount: a, Digits: digitsOf(a.Amount))).ToList();
        foreach (var (_, d) in byDigit)
        {
            counts[d]++;
        }

        var frequencies = new List<DigitFrequency>();
        double mad = 0, chi = 0;
        for (var d = first; d <= last; d++)
        {
            var expected = lastTwo ? 0.01 : Benford.Expected(d);
            var actual = n == 0 ? 0 : (double)counts[d] / n;
            var z = n == 0 ? 0 : Benford.Z(actual, expected, n);
            mad += Math.Abs(actual - expected);
            chi += n == 0 ? 0 : ((counts[d] - (expected * n)) * (counts[d] - (expected * n))) / (expected * n);
            frequencies.Add(new DigitFrequency(lastTwo ? d.ToString("00", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture), counts[d], actual, expected, z, n > 0 && z > o.CriticalZ && actual > expected));
        }

        mad /= last - first + 1;
        var spikes = frequencies.Where(f => f.SignificantExcess).Select(f => f.Digits).ToHashSet(StringComparer.Ordinal);
        var rows = byDigit.Where(x => spikes.Contains(lastTwo ? x.Digits.ToString("00", CultureInfo.InvariantCulture) : x.Digits.ToString(CultureInfo.InvariantCulture))).Select(x => x.Amount.Key).ToList();
        var spikeText = spikes.Count == 0 ? "no digit is significantly over-represented"
            : string.Create(CultureInfo.InvariantCulture, $"{spikes.Count} significantly over-represented (z > {o.CriticalZ}): ") + string.Join(", ", frequencies.Where(f => f.SignificantExcess).OrderByDescending(f => f.Z).Take(5).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Digits} ({f.Count} amounts, {Text.Percent(f.Actual)} against {Text.Percent(f.Expected)}, z {f.Z:0.00})")))
              + (spikes.Count > 5 ? ", ..." : string.Empty);
        if (n == 0)
        {
            return new ForensicTestResult(test, scope, 0, lastTwo ? "chi_square" : "mad", null, lastTwo ? o.LastTwoChiSquareCritical : Benford.ConformityBounds(test)![2], true, "no amounts",
                string.Create(CultureInfo.InvariantCulture, $"No amounts of at least {(lastTwo ? o.LastTwoMinimumAmount : o.MinimumAmount)} to test."), frequencies, null, []);
        }

        if (lastTwo)
        {
            var passed = chi <= o.LastTwoChiSquareCritical;
            return new ForensicTestResult(test, scope, n, "chi_square", chi, o.LastTwoChiSquareCritical, passed, passed ? "uniform" : "not uniform",
                string.Create(CultureInfo.InvariantCulture, $"Last two whole-unit digits of {n} amounts of at least {o.LastTwoMinimumAmount} against a uniform 1% each: chi-square {chi:0.00} (99 degrees of freedom, {(passed ? "within" : "above")} the 5% critical value {o.LastTwoChiSquareCritical}), MAD {mad:0.00000}; ") + spikeText + ".",
                frequencies, null, rows);
        }

        var verdict = Benford.Conformity(test, mad);
        var bound = Benford.ConformityBounds(test)![2];
        return new ForensicTestResult(test, scope, n, "mad", mad, bound, verdict != "nonconformity", verdict,
            string.Create(CultureInfo.InvariantCulture, $"{Describe(test)} of {n} amounts against Benford's law: MAD {mad:0.000000}, {verdict} (Nigrini's ranges {string.Join(" / ", Benford.ConformityBounds(test)!)}); ") + spikeText + ".",
            frequencies, null, rows);
    }

    private static string Describe(string test) => test switch
    {
        ForensicTestNames.FirstDigit => "First digits",
        ForensicTestNames.FirstTwoDigits => "First two digits",
        _ => "First three digits",
    };

    private static string AmountText(ForensicAmount a) => Text.Money(a.Amount, a.Currency);

    private static ForensicTestResult NumberDuplication(IReadOnlyList<ForensicAmount> amounts, ForensicOptions o)
    {
        var groups = amounts.GroupBy(a => (a.Amount, a.Currency)).Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Amount).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => new ForensicGroup(AmountText(g.First()), g.Count(), g.Count(), g.Select(a => a.Key).ToList())).ToList();
        var max = groups.Count == 0 ? (amounts.Count == 0 ? 0 : 1) : groups[0].Count;
        var over = groups.Where(g => g.Count > o.DuplicationMaximumCount).ToList();
        var passed = over.Count == 0;
        var reason = string.Create(CultureInfo.InvariantCulture, $"{groups.Count} amounts occur more than once among {amounts.Count}; the most frequent ")
            + (groups.Count == 0 ? "occurs once." : string.Join(", ", groups.Take(5).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Label} x{g.Count}"))) + ". ")
            + (passed ? string.Create(CultureInfo.InvariantCulture, $"None occurs more than {o.DuplicationMaximumCount} times.")
                      : string.Create(CultureInfo.InvariantCulture, $"{over.Count} amounts occur more than {o.DuplicationMaximumCount} times ({over.Sum(g => g.Count)} payments): look at why the same figure recurs."));
        return new ForensicTestResult(ForensicTestNames.NumberDuplication, "overall", amounts.Count, "max_count", max, o.DuplicationMaximumCount, passed,
            passed ? "no frequent amount" : "frequent amounts", reason, null, groups, SourceOrder(amounts, over.SelectMany(g => g.Rows)));
    }

    private static ForensicTestResult SameSameSame(IReadOnlyList<ForensicAmount> amounts)
    {
        var known = amounts.Where(a => a.Date is not null && a.Payee is not null).ToList();
        var groups = known.GroupBy(a => (a.Amount, a.Currency, a.Date, Payee: RuleData.Norm(a.Payee))).Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Key, StringComparer.Ordinal)
            .Select(g => new ForensicGroup($"{AmountText(g.First())} on {g.Key.Date} to {g.First().Payee}", g.Count(), g.Count(), g.Select(a => a.Key).ToList())).ToList();
        var reason = string.Create(CultureInfo.InvariantCulture, $"{known.Count} of {amounts.Count} amounts have both a date and a payee; ")
            + (groups.Count == 0 ? "no amount, date and payee occurs twice." : string.Create(CultureInfo.InvariantCulture, $"{groups.Count} amount-date-payee triples occur more than once ({groups.Sum(g => g.Count)} payments), for example {groups[0].Label} x{groups[0].Count}: possible double payments."))
            + (known.Count < amounts.Count ? string.Create(CultureInfo.InvariantCulture, $" {amounts.Count - known.Count} amounts without a date or payee cannot be compared.") : string.Empty);
        return new ForensicTestResult(ForensicTestNames.SameSameSame, "overall", known.Count, "groups", groups.Count, 0, groups.Count == 0, groups.Count == 0 ? "no duplicates" : "duplicates", reason, null, groups, SourceOrder(amounts, groups.SelectMany(g => g.Rows)));
    }

    private static ForensicTestResult SameSameDifferent(IReadOnlyList<ForensicAmount> amounts)
    {
        var known = amounts.Where(a => a.Date is not null && a.Payee is not null).ToList();
        var groups = known.GroupBy(a => (a.Amount, a.Currency, a.Date)).Where(g => g.Select(a => RuleData.Norm(a.Payee)).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Key, StringComparer.Ordinal)
            .Select(g => new ForensicGroup($"{AmountText(g.First())} on {g.Key.Date} to {string.Join(", ", g.Select(a => a.Payee!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}", g.Count(), g.Select(a => RuleData.Norm(a.Payee)).Distinct(StringComparer.Ordinal).Count(), g.Select(a => a.Key).ToList())).ToList();
        var reason = string.Create(CultureInfo.InvariantCulture, $"{known.Count} of {amounts.Count} amounts have both a date and a payee; ")
            + (groups.Count == 0 ? "no amount and date is paid to two different payees." : string.Create(CultureInfo.InvariantCulture, $"{groups.Count} amount-date pairs are paid to different payees ({groups.Sum(g => g.Count)} payments), for example {groups[0].Label}: possibly one invoice paid to the wrong payee as well."));
        return new ForensicTestResult(ForensicTestNames.SameSameDifferent, "overall", known.Count, "groups", groups.Count, 0, groups.Count == 0, groups.Count == 0 ? "no duplicates" : "duplicates", reason, null, groups, SourceOrder(amounts, groups.SelectMany(g => g.Rows)));
    }

    private static ForensicTestResult RelativeSizeFactor(IReadOnlyList<ForensicAmount> amounts, ForensicOptions o)
    {
        var groups = amounts.Where(a => a.Payee is not null).GroupBy(a => (Payee: RuleData.Norm(a.Payee)!, a.Currency)).Where(g => g.Count() >= 2)
            .Select(g =>
            {
                var sorted = g.OrderByDescending(a => a.Amount).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
                var rsf = (double)(sorted[0].Amount / sorted[1].Amount);
                return new ForensicGroup(string.Create(CultureInfo.InvariantCulture, $"{sorted[0].Payee} ({g.Key.Currency}): largest {AmountText(sorted[0])} over {AmountText(sorted[1])}"), g.Count(), rsf, [sorted[0].Key]);
            })
            .OrderByDescending(g => g.Figure).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        var over = groups.Where(g => g.Figure > o.RelativeSizeFactorThreshold).ToList();
        var max = groups.Count == 0 ? (double?)null : groups[0].Figure;
        var reason = groups.Count == 0 ? "No payee has two amounts to compare."
            : string.Create(CultureInfo.InvariantCulture, $"{groups.Count} payees with at least two amounts; the largest relative size factor is {max:0.##} ({groups[0].Label}). ")
              + (over.Count == 0 ? string.Create(CultureInfo.InvariantCulture, $"None is above {o.RelativeSizeFactorThreshold}.") : string.Create(CultureInfo.InvariantCulture, $"{over.Count} payees' largest payment is more than {o.RelativeSizeFactorThreshold} times their next: check it was not mis-keyed or paid to the wrong payee."));
        return new ForensicTestResult(ForensicTestNames.RelativeSizeFactor, "overall", groups.Sum(g => g.Count), "max_ratio", max, o.RelativeSizeFactorThreshold, over.Count == 0,
            over.Count == 0 ? "no outsized payment" : "outsized payments", reason, null, groups, SourceOrder(amounts, over.SelectMany(g => g.Rows)));
    }

    private static ForensicTestResult RoundNumbers(IReadOnlyList<ForensicAmount> amounts, ForensicOptions o)
    {
        var units = new[] { 10m, 100m, 1000m, 10000m, o.RoundUnit }.Distinct().Order().ToList();
        var groups = units.Select(u =>
        {
            var eligible = amounts.Where(a => a.Amount >= u).ToList();
            var round = eligible.Where(a => a.Amount % u == 0).ToList();
            return (Unit: u, Eligible: eligible.Count, Group: new ForensicGroup(string.Create(CultureInfo.InvariantCulture, $"multiples of {u:0} among {eligible.Count} amounts of at least {u:0}"), round.Count,
                eligible.Count == 0 ? null : (double)round.Count / eligible.Count, round.Select(a => a.Key).ToList()));
        }).ToList();
        var main = groups.Single(g => g.Unit == o.RoundUnit);
        var share = main.Group.Figure;
        var passed = share is null || share <= o.RoundShareThreshold;
        var reason = string.Join("; ", groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Group.Count} of {g.Eligible} amounts of at least {g.Unit:0} are multiples of {g.Unit:0}") + (g.Group.Figure is { } f ? $" ({Text.Percent(f)})" : string.Empty)))
            + string.Create(CultureInfo.InvariantCulture, $". The test is held at multiples of {o.RoundUnit:0}: ") + (passed ? $"at most {Text.Percent(o.RoundShareThreshold)}." : $"above {Text.Percent(o.RoundShareThreshold)}, so many amounts look estimated or negotiated rather than computed.");
        return new ForensicTestResult(ForensicTestNames.RoundNumbers, "overall", main.Eligible, "share", share, o.RoundShareThreshold, passed, passed ? "few round amounts" : "many round amounts", reason, null,
            groups.Select(g => g.Group).ToList(), passed ? [] : main.Group.Rows);
    }

    private static IReadOnlyList<string> SourceOrder(IReadOnlyList<ForensicAmount> amounts, IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        return amounts.Select(a => a.Key).Where(set.Contains).Distinct(StringComparer.Ordinal).ToList();
    }
}

namespace CollabInsights.Anomalies.Forensic;

/// <summary>Options of <see cref="ForensicTests"/>; every default is stated.</summary>
/// <param name="MinimumAmount">Amounts below this are left out of every test (default 10, as Nigrini's tests use).</param>
/// <param name="LastTwoMinimumAmount">The last-two-digits test takes amounts of at least this (default 100): below it the last two digits are also the first two, which follow Benford, not the uniform.</param>
/// <param name="MinimumGroupAmounts">The digit tests also run per payer and per project that has at least this many amounts (default 100; below it the MAD of a first-two-digits test is mostly noise).</param>
/// <param name="CriticalZ">z above which a digit is a significant spike (default 1.96, the 5% level).</param>
/// <param name="LastTwoChiSquareCritical">Chi-square critical value of the last-two-digits test against a uniform 1% each, 99 degrees of freedom at the 5% level (default 123.225).</param>
/// <param name="DuplicationMaximumCount">An amount (with its currency) occurring more often than this fails the number-duplication test (default 4).</param>
/// <param name="RelativeSizeFactorThreshold">A payee's largest amount more than this many times its second largest fails the relative size factor test (default 10).</param>
/// <param name="RoundUnit">The round unit of the round-number test: amounts that are exact multiples of it (default 1000).</param>
/// <param name="RoundShareThreshold">The round-number test fails when more than this share of the amounts of at least <paramref name="RoundUnit"/> are multiples of it (default 0.25; with uniform last digits the share would be 1 / <paramref name="RoundUnit"/>).</param>
public sealed record ForensicOptions(
    decimal MinimumAmount = 10m,
    decimal LastTwoMinimumAmount = 100m,
    int MinimumGroupAmounts = 100,
    double CriticalZ = Benford.CriticalZ,
    double LastTwoChiSquareCritical = 123.225,
    int DuplicationMaximumCount = 4,
    double RelativeSizeFactorThreshold = 10,
    decimal RoundUnit = 1000m,
    double RoundShareThreshold = 0.25);

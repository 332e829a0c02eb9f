namespace CollabInsights.Anomalies.Forensic;

/// <summary>The names of Nigrini's forensic-accounting tests as <see cref="ForensicTests"/> reports them.</summary>
public static class ForensicTestNames
{
    /// <summary>First digit (1-9) against Benford's proportions log10(1 + 1/d).</summary>
    public const string FirstDigit = "benford_first_digit";

    /// <summary>First two digits (10-99) against Benford's proportions.</summary>
    public const string FirstTwoDigits = "benford_first_two_digits";

    /// <summary>First three digits (100-999) against Benford's proportions.</summary>
    public const string FirstThreeDigits = "benford_first_three_digits";

    /// <summary>Last two digits of the whole-unit amount (00-99) against a uniform 1% each.</summary>
    public const string LastTwoDigits = "last_two_digits";

    /// <summary>The same amount (and currency) occurring unusually often.</summary>
    public const string NumberDuplication = "number_duplication";

    /// <summary>The same amount, date and payee more than once.</summary>
    public const string SameSameSame = "same_same_same";

    /// <summary>The same amount and date paid to different payees.</summary>
    public const string SameSameDifferent = "same_same_different";

    /// <summary>Per payee, the largest amount over the second largest.</summary>
    public const string RelativeSizeFactor = "relative_size_factor";

    /// <summary>Share of amounts that are exact multiples of a round unit.</summary>
    public const string RoundNumbers = "round_numbers";

    /// <summary>Every test, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [FirstDigit, FirstTwoDigits, FirstThreeDigits, LastTwoDigits, NumberDuplication, SameSameSame, SameSameDifferent, RelativeSizeFactor, RoundNumbers];
}

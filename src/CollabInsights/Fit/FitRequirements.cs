namespace CollabInsights.Fit;

/// <summary>
/// What the collaboration needs in numbers; compared with measured benchmark figures. Null
/// means "no requirement".
/// </summary>
public sealed record FitRequirements
{
    /// <summary>Peak writes per second the system must sustain.</summary>
    public double? WritesPerSecond { get; init; }

    /// <summary>Longest acceptable time from submitting a record to it being final, in seconds.</summary>
    public double? AcceptableLatencySeconds { get; init; }

    /// <summary>Records written per year (data volume); multiplied by the measured cost per record for the budget line.</summary>
    public long? RecordsPerYear { get; init; }

    /// <summary>
    /// Budget for writing records, in US dollars per year. Compared with <see cref="RecordsPerYear"/> x the measured
    /// cost per record on a public chain only when the frameworks point to a permissionless chain; for a permissioned
    /// chain the public fees are reported but not applied (it pays for its own nodes instead).
    /// </summary>
    public decimal? BudgetUsdPerYear { get; init; }

    /// <summary>Must personal data be erasable on request (GDPR article 17, right to erasure)?</summary>
    public bool ErasureOfPersonalDataRequired { get; init; }
}

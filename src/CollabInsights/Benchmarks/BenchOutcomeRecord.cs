using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CollabInsights.Benchmarks;

/// <summary>
/// One outcome record of the benchmark workload: an outcome payment for a project, metric and
/// period, paid by a funder. The same records are written to every backend; <see cref="Generate"/>
/// makes record <c>index</c> of a run from its seed alone, so any run can be reproduced.
/// </summary>
/// <param name="Id">Unique record id such as <c>rec-000000042</c>.</param>
/// <param name="ProjectId">Project the outcome belongs to.</param>
/// <param name="FunderId">Outcome payer (funder) that paid.</param>
/// <param name="MetricId">Outcome metric counted.</param>
/// <param name="PeriodStart">First day of the period the outcomes were achieved in.</param>
/// <param name="PeriodEnd">Last day of that period (inclusive).</param>
/// <param name="Count">Number of outcomes achieved.</param>
/// <param name="Amount">Amount paid, with two decimal places.</param>
/// <param name="Currency">ISO 4217 currency code of <paramref name="Amount"/>.</param>
/// <param name="EvidenceHash">Lower-case hex SHA-256 of the validator's evidence (64 characters).</param>
public sealed record BenchOutcomeRecord(
    string Id,
    string ProjectId,
    string FunderId,
    string MetricId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Count,
    decimal Amount,
    string Currency,
    string EvidenceHash)
{
    /// <summary>Number of distinct funders in generated workloads.</summary>
    public const int FunderCount = 12;

    /// <summary>Number of distinct quarterly periods in generated workloads (2018 to 2024).</summary>
    public const int PeriodCount = 28;

    /// <summary>The first period start of generated workloads.</summary>
    public static readonly DateOnly FirstPeriodStart = new(2018, 1, 1);

    private static readonly decimal[] Prices = [250.00m, 500.00m, 1200.50m, 3000.00m, 75.25m];

    /// <summary>Amount in minor units (pence, cents): what the SQL backends store, exactly.</summary>
    public long AmountMinor => decimal.ToInt64(decimal.Round(Amount * 100m, 0, MidpointRounding.ToEven));

    /// <summary>Makes record number <paramref name="index"/> (0-based) of the workload seeded with <paramref name="seed"/>.</summary>
    public static BenchOutcomeRecord Generate(int seed, long index)
    {
        var state = SplitMix((ulong)(uint)seed << 32 ^ (ulong)index * 0x9E3779B97F4A7C15UL);
        ulong Next() => state = SplitMix(state);
        var project = (int)(Next() % 40);
        var funder = (int)(Next() % FunderCount);
        var metric = (int)(Next() % 5);
        var quarter = (int)(Next() % PeriodCount);
        var count = 1 + (int)(Next() % 50);
        var price = Prices[metric];
        var start = FirstPeriodStart.AddMonths(3 * quarter);
        var evidence = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{index}"))));
        return new BenchOutcomeRecord(
            string.Create(CultureInfo.InvariantCulture, $"rec-{index:D9}"),
            string.Create(CultureInfo.InvariantCulture, $"proj-{project:D3}"),
            string.Create(CultureInfo.InvariantCulture, $"funder-{funder:D2}"),
            string.Create(CultureInfo.InvariantCulture, $"proj-{project:D3}/m{metric}"),
            start,
            start.AddMonths(3).AddDays(-1),
            count,
            count * price,
            "GBP",
            evidence);
    }

    /// <summary>The canonical encoding hashed by the tamper-evident backends: UTF-8 of the fields joined by <c>|</c>, dates as <c>yyyy-MM-dd</c>, the amount in minor units.</summary>
    public byte[] CanonicalBytes() => Encoding.UTF8.GetBytes(string.Join('|',
        Id, ProjectId, FunderId, MetricId,
        PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Count.ToString(CultureInfo.InvariantCulture),
        AmountMinor.ToString(CultureInfo.InvariantCulture),
        Currency, EvidenceHash));

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>: the record's content hash.</summary>
    public byte[] ContentHash() => SHA256.HashData(CanonicalBytes());

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

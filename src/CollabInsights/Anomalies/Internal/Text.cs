using System.Globalization;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Internal;

/// <summary>Invariant formatting of numbers and money for flag reasons.</summary>
internal static class Text
{
    public static string Money(decimal amount, string currency) => MoneyFormat.Format(amount, currency);

    public static string Money(Money money) => Money(money.Amount, money.Currency);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Period(PartialDate? start, PartialDate? end) => (start, end) switch
    {
        (null, null) => "an unstated period",
        (not null, null) => $"the period from {start}",
        (null, not null) => $"the period to {end}",
        _ => $"{start} to {end}",
    };

    public static string Where(Provenance p) => p.Describe();
}

/// <summary>Shared predicates over domain records used by several rules.</summary>
internal static class RuleData
{
    public static bool IsActual(OutcomePayment p) => p.Type == PaymentType.Actual && p.Amount is not null;

    public static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();

    /// <summary>True when two periods overlap; a missing bound is treated as open.</summary>
    public static bool Overlaps(PartialDate? aStart, PartialDate? aEnd, PartialDate? bStart, PartialDate? bEnd)
    {
        var a0 = aStart?.FirstDay ?? DateOnly.MinValue;
        var a1 = aEnd?.LastDay ?? DateOnly.MaxValue;
        var b0 = bStart?.FirstDay ?? DateOnly.MinValue;
        var b1 = bEnd?.LastDay ?? DateOnly.MaxValue;
        return a0 <= b1 && b0 <= a1;
    }
}

using System.Globalization;
using CollabInsights.Domain;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>A payment or result reduced to interned integer keys for fast hashing, with what is needed to describe it.</summary>
internal sealed class MatchRecord
{
    public required string RecordType { get; init; }

    public required string Project { get; init; }

    public required string? Metric { get; init; }

    public required Provenance Provenance { get; init; }

    public required int ProjectId { get; init; }

    public required int MetricId { get; init; }

    public required int PeriodStart { get; init; }

    public required int PeriodEnd { get; init; }

    public required int Payer { get; init; }

    public required int Recipient { get; init; }

    public required long Amount { get; init; }

    /// <summary>The source record: an <see cref="OutcomePayment"/> or an <see cref="OutcomeResult"/>.</summary>
    public required object Source { get; init; }

    /// <summary>The amount after rounding, and the compared currency (token mapped), for payments.</summary>
    public decimal Rounded { get; init; }

    public string? CurrencyCode { get; init; }

    public string Display => Source is OutcomeResult r
        ? string.Create(CultureInfo.InvariantCulture, $"{r.OutcomesAchieved:0.##} outcomes")
        : string.Create(CultureInfo.InvariantCulture, $"{Rounded} {CurrencyCode}");

    public string Period => Source switch
    {
        OutcomePayment p => $"{p.PeriodStart}..{p.PeriodEnd}",
        OutcomeResult r => $"{r.PeriodStart}..{r.PeriodEnd}",
        _ => string.Empty,
    };

    public string Parties => Source switch
    {
        OutcomePayment p => $"payer {p.PayerId ?? "(none)"}, recipient {p.RecipientId ?? "(none)"}",
        OutcomeResult r => $"validator {r.Validator ?? "(none)"}",
        _ => string.Empty,
    };

    public required int Currency { get; init; }






}

/// <summary>Maps strings to dense integers (0 for null).</summary>
internal sealed class Interner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Case-insensitive, surrounding white space ignored.</summary>
    public int Id(string? s)
    {
        if (s is null || s.Length == 0)
        {
            return 0;
        }

        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            s = s.Trim();
            if (s.Length == 0)
            {
                return 0;
            }
        }

        if (!_ids.TryGetValue(s, out var id))
        {
            _ids[s] = id = _ids.Count + 1;
        }

        return id;
    }
}

/// <summary>Builds <see cref="MatchRecord"/>s from a dataset.</summary>
internal static class MatchRecords
{
    public static int Date(PartialDate? d) => d is { } v ? (v.Year * 10000) + ((v.Month ?? 0) * 100) + (v.Day ?? 0) : 0;

    public static void Add(List<MatchRecord> list, CollabDataset data, ReconciliationOptions o, Interner ids)
    {
        foreach (var p in data.Payments)
        {
            if (p.Amount is not { } money || (o.ActualPaymentsOnly && p.Type == PaymentType.Planned))
            {
                continue;
            }

            var currency = o.TokenCurrencies.TryGetValue(money.Currency, out var mapped) ? mapped : money.Currency;
            var units = o.MinorUnits(currency);
            var rounded = decimal.Round(money.Amount, units, MidpointRounding.AwayFromZero);
            list.Add(new MatchRecord
            {
                RecordType = "payment",
                Project = p.ProjectId,
                Metric = p.MetricId,
                Provenance = p.Provenance,
                ProjectId = ids.Id(p.ProjectId),
                MetricId = ids.Id(p.MetricId),
                PeriodStart = Date(p.PeriodStart),
                PeriodEnd = Date(p.PeriodEnd),
                Payer = ids.Id(p.PayerId),
                Recipient = ids.Id(p.RecipientId),
                Amount = decimal.ToInt64(rounded * Pow10(units)),
                Currency = ids.Id(currency),
                Source = p,
                Rounded = rounded,
                CurrencyCode = currency,
            });
        }

        if (!o.IncludeResults)
        {
            return;
        }

        foreach (var r in data.Results)
        {
            if (r.OutcomesAchieved is not { } count)
            {
                continue;
            }

            list.Add(new MatchRecord
            {
                RecordType = "result",
                Project = r.ProjectId,
                Metric = r.MetricId,
                Provenance = r.Provenance,
                ProjectId = ids.Id(r.ProjectId),
                MetricId = ids.Id(r.MetricId),
                PeriodStart = Date(r.PeriodStart),
                PeriodEnd = Date(r.PeriodEnd),
                Payer = -1,
                Recipient = ids.Id(r.Validator),
                Amount = (long)decimal.Round(count * 100, 0, MidpointRounding.AwayFromZero),
                Currency = -1,
                Source = r,
            });
        }
    }

    private static readonly decimal[] Powers = [1m, 10m, 100m, 1000m, 10000m, 100000m, 1000000m];

    private static decimal Pow10(int n) => n < Powers.Length ? Powers[n] : (decimal)Math.Pow(10, n);
}

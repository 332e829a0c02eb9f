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

    public required int Currency { get; init; }

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

    /// <summary>What an entry shows of this record.</summary>
    public EntrySide Side => new(RecordType, Project, Metric, Provenance, Display, Period, Parties);
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
    /// <summary>A period's first day as yyyymmdd (0 for none): periods compare by the days they cover, so <c>2019</c> equals <c>2019-01</c>..<c>2019-12</c> and <c>2019-07</c> equals <c>2019-07-01</c>.</summary>
    public static int Start(PartialDate? d) => d is { } v ? Day(v.FirstDay) : 0;

    /// <summary>A period's last day as yyyymmdd (0 for none).</summary>
    public static int End(PartialDate? d) => d is { } v ? Day(v.LastDay) : 0;

    private static int Day(DateOnly d) => (d.Year * 10000) + (d.Month * 100) + d.Day;

    /// <summary>
    /// Adds <paramref name="data"/>'s actual payments and results. When <paramref name="notOnChain"/> is given (the books' side), records
    /// listed in <see cref="ReconciliationOptions.NotOnChain"/> and records with no amount or count are set aside into it instead of matched.
    /// </summary>
    public static void Add(List<MatchRecord> list, CollabDataset data, ReconciliationOptions o, Interner ids, List<NotOnChainRecord>? notOnChain = null)
    {
        var listed = notOnChain is null || o.NotOnChain.Count == 0
            ? null
            : o.NotOnChain.GroupBy(n => (n.RecordType, n.Provenance)).ToDictionary(g => g.Key, g => g.First());
        bool SetAside(string type, string project, string? metric, Provenance provenance, bool hasValue, string noValue)
        {
            if (notOnChain is null)
            {
                return !hasValue;
            }

            if (listed is not null && listed.TryGetValue((type, provenance), out var n))
            {
                notOnChain.Add(n);
                return true;
            }

            if (!hasValue)
            {
                notOnChain.Add(new NotOnChainRecord(type, project, metric, provenance, noValue));
            }

            return !hasValue;
        }

        foreach (var p in data.Payments)
        {
            if ((o.ActualPaymentsOnly && p.Type == PaymentType.Planned)
                || SetAside("payment", p.ProjectId, p.MetricId, p.Provenance, p.Amount is not null, "no amount (missing, or its currency unknown): nothing to compare"))
            {
                continue;
            }

            var money = p.Amount!.Value;

            var currency = o.TokenCurrencies.TryGetValue(money.Currency, out var mapped) ? mapped : money.Currency;
            var units = o.MinorUnits(currency);
            var rounded = decimal.Round(money.Amount, units, MidpointRounding.AwayFromZero);
            list.Add(Create("payment", p, p.ProjectId, p.MetricId, p.PeriodStart, p.PeriodEnd, p.Provenance, ids,
                payer: ids.Id(p.PayerId), recipient: ids.Id(p.RecipientId), amount: decimal.ToInt64(rounded * Pow10(units)), currency: ids.Id(currency), rounded: rounded, currencyCode: currency));
        }

        if (!o.IncludeResults)
        {
            return;
        }

        foreach (var r in data.Results)
        {
            if (SetAside("result", r.ProjectId, r.MetricId, r.Provenance, r.OutcomesAchieved is not null, "no outcomes count: nothing to compare"))
            {
                continue;
            }

            var count = r.OutcomesAchieved!.Value;

            list.Add(Create("result", r, r.ProjectId, r.MetricId, r.PeriodStart, r.PeriodEnd, r.Provenance, ids,
                payer: -1, recipient: ids.Id(r.Validator), amount: (long)decimal.Round(count * 100, 0, MidpointRounding.AwayFromZero), currency: -1));
        }
    }

    /// <summary>A payment or a result: the project, metric and period keys they share, with the counterparty, amount and currency keys the caller computed (-1 where a result has none).</summary>
    private static MatchRecord Create(
        string recordType, object source, string project, string? metric, PartialDate? periodStart, PartialDate? periodEnd, Provenance provenance, Interner ids,
        int payer, int recipient, long amount, int currency, decimal rounded = 0m, string? currencyCode = null) => new()
        {
            RecordType = recordType,
            Project = project,
            Metric = metric,
            Provenance = provenance,
            ProjectId = ids.Id(project),
            MetricId = ids.Id(metric),
            PeriodStart = Start(periodStart),
            PeriodEnd = End(periodEnd),
            Payer = payer,
            Recipient = recipient,
            Amount = amount,
            Currency = currency,
            Source = source,
            Rounded = rounded,
            CurrencyCode = currencyCode,
        };

    private static readonly decimal[] Powers = [1m, 10m, 100m, 1000m, 10000m, 100000m, 1000000m];

    private static decimal Pow10(int n) => n < Powers.Length ? Powers[n] : (decimal)Math.Pow(10, n);
}

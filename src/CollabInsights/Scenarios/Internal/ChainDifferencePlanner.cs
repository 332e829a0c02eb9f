using System.Globalization;
using CollabInsights.Domain;
using CollabInsights.Reconciliation;

namespace CollabInsights.Scenarios.Internal;

/// <summary>
/// Decides which records of a scenario the chain will hold differently from the books. Each difference gets its own
/// (record type, project, metric) group, its row has a unique key in the books, and groups holding a planted anomaly
/// are left alone, so reconciliation can only put the difference in its intended class with its own row.
/// Seeded from the scenario's seed on a stream of its own: the CSV files do not change with the rate.
/// </summary>
internal static class ChainDifferencePlanner
{
    public const string Payment = "payment";
    public const string Result = "result";

    private static readonly ReconciliationClass[] Classes =
        [ReconciliationClass.AmountMismatch, ReconciliationClass.PeriodMismatch, ReconciliationClass.CounterpartyMismatch, ReconciliationClass.OnlyOnChain, ReconciliationClass.OnlyOffChain];

    public static IReadOnlyList<ScenarioChainDifference> Plan(GeneratedScenario scenario, double rate)
    {
        // Rows the ledger cannot hold (a planted invalid value) are no difference: reconciliation lists them as not_on_chain.
        var differences = new List<ScenarioChainDifference>();
        if (rate <= 0)
        {
            return differences;
        }

        var data = scenario.Dataset;
        var rng = new Random(unchecked((scenario.GroundTruth.Seed * 7919) + 0x5EED));
        var projects = data.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var anomalous = scenario.GroundTruth.Anomalies.Select(a => $"{a.File}:{a.Row.ToString(CultureInfo.InvariantCulture)}")
            .Concat(differences.Select(d => d.Location)).ToHashSet(StringComparer.Ordinal);

        var payments = data.Payments.Where(p => p.Type == PaymentType.Actual && p.Provenance is FileProvenance && projects.Contains(p.ProjectId)
            && p.MetricId is not null && p.Amount is { Amount: > 0 } && p.PeriodStart is { } s && p.PeriodEnd is { } e && e.LastDay >= s.FirstDay).ToList();
        var payers = data.Payments.Select(p => p.PayerId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var recipients = data.Payments.Select(p => p.RecipientId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var organisations = data.Organisations.Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        var paymentKeys = data.Payments.Where(p => p.Type == PaymentType.Actual).GroupBy(PaymentKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var counterpartyTurn = 0;
        Assign(rng, rate, payments, p => p.ProjectId, p => p.MetricId!, p => p.Provenance, p => paymentKeys[PaymentKey(p)] == 1, anomalous, (cls, p) =>
        {
            var row = (FileProvenance)p.Provenance;
            var money = p.Amount!.Value;
            ScenarioChainDifference D(string field, string? books, string? chain, string description) =>
                new(ReconciliationResult.NameOf(cls), Payment, row.File, row.Row, p.ProjectId, p.MetricId, field, books, chain, description);
            switch (cls)
            {
                case ReconciliationClass.AmountMismatch:
                    var delta = Math.Max(0.01m, Math.Round(money.Amount * (decimal)(0.005 + (rng.NextDouble() * 0.045)), 2, MidpointRounding.AwayFromZero));
                    var changed = rng.Next(2) == 0 && money.Amount - delta > 0 ? money.Amount - delta : money.Amount + delta;
                    return D(ScenarioChainDifference.AmountField, Amount(money.Amount), Amount(changed),
                        $"The chain pays {Amount(changed)} {money.Currency} where the books record {Amount(money.Amount)} {money.Currency}.");
                case ReconciliationClass.PeriodMismatch:
                    var (ps, pe) = Shifted(p.PeriodStart!.Value, p.PeriodEnd!.Value, rng);
                    return D(ScenarioChainDifference.PeriodField, $"{p.PeriodStart}..{p.PeriodEnd}", $"{ps}..{pe}",
                        $"The chain pays for {ps}..{pe} where the books record {p.PeriodStart}..{p.PeriodEnd}.");
                case ReconciliationClass.CounterpartyMismatch:
                    var useRecipient = (counterpartyTurn++ % 2 == 0 || p.PayerId is null) && p.RecipientId is not null;
                    var current = useRecipient ? p.RecipientId : p.PayerId;
                    var other = Other(rng, useRecipient ? recipients : payers, organisations, current);
                    var field = useRecipient ? ScenarioChainDifference.RecipientField : ScenarioChainDifference.PayerField;
                    return D(field, current, other, $"The chain names {other} as {field} where the books name {current ?? "no one"}.");
                case ReconciliationClass.OnlyOnChain:
                    return D(ScenarioChainDifference.RecordField, null, null, "The chain records this payment twice; the books once.");
                default:
                    return D(ScenarioChainDifference.RecordField, null, null, "The books record this payment; the chain does not.");
            }
        }, differences);

        var results = data.Results.Where(r => r.Provenance is FileProvenance && projects.Contains(r.ProjectId) && r.MetricId is not null && r.Validator is not null
            && r.OutcomesAchieved is { } n && n >= 0 && n == decimal.Truncate(n) && r.PeriodStart is { } s && r.PeriodEnd is { } e && e.LastDay >= s.FirstDay).ToList();
        var validators = data.Results.Select(r => r.Validator).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var resultKeys = data.Results.GroupBy(ResultKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assign(rng, rate, results, r => r.ProjectId, r => r.MetricId!, r => r.Provenance, r => resultKeys[ResultKey(r)] == 1, anomalous, (cls, r) =>
        {
            var row = (FileProvenance)r.Provenance;
            var count = r.OutcomesAchieved!.Value;
            ScenarioChainDifference D(string field, string? books, string? chain, string description) =>
                new(ReconciliationResult.NameOf(cls), Result, row.File, row.Row, r.ProjectId, r.MetricId, field, books, chain, description);
            switch (cls)
            {
                case ReconciliationClass.AmountMismatch:
                    var delta = 1 + rng.Next(3);
                    var changed = rng.Next(2) == 0 && count - delta >= 0 ? count - delta : count + delta;
                    return D(ScenarioChainDifference.OutcomesField, Amount(count), Amount(changed),
                        $"The chain attests {Amount(changed)} outcomes where the books record {Amount(count)}.");
                case ReconciliationClass.PeriodMismatch:
                    var (ps, pe) = Shifted(r.PeriodStart!.Value, r.PeriodEnd!.Value, rng);
                    return D(ScenarioChainDifference.PeriodField, $"{r.PeriodStart}..{r.PeriodEnd}", $"{ps}..{pe}",
                        $"The chain attests {ps}..{pe} where the books record {r.PeriodStart}..{r.PeriodEnd}.");
                case ReconciliationClass.CounterpartyMismatch:
                    var other = Other(rng, validators, organisations, r.Validator);
                    return D(ScenarioChainDifference.ValidatorField, r.Validator, other, $"The chain's attestation is signed by {other} where the books name {r.Validator} as validator.");
                case ReconciliationClass.OnlyOnChain:
                    return D(ScenarioChainDifference.RecordField, null, null, "The chain attests this result twice; the books record it once.");
                default:
                    return D(ScenarioChainDifference.RecordField, null, null, "The books record this result; the chain has no attestation of it.");
            }
        }, differences);

        return differences.OrderBy(d => d.RecordType, StringComparer.Ordinal).ThenBy(d => d.Class, StringComparer.Ordinal)
            .ThenBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Row).ToList();
    }

    /// <summary>Gives each class its share of distinct (project, metric) groups, round-robin, one eligible row per group.</summary>
    private static void Assign<T>(
        Random rng,
        double rate,
        List<T> records,
        Func<T, string> project,
        Func<T, string> metric,
        Func<T, Provenance> provenance,
        Func<T, bool> uniqueKey,
        HashSet<string> anomalous,
        Func<ReconciliationClass, T, ScenarioChainDifference> make,
        List<ScenarioChainDifference> into)
    {
        string Location(T r) => provenance(r).Describe();
        var groups = records.GroupBy(r => $"{project(r)}|{metric(r)}", StringComparer.Ordinal)
            .Where(g => !g.Any(r => anomalous.Contains(Location(r))))
            .Select(g => g.Where(uniqueKey).ToList())
            .Where(g => g.Count > 0)
            .OrderBy(g => $"{project(g[0])}|{metric(g[0])}", StringComparer.Ordinal)
            .ToList();
        Shuffle(groups, rng);
        var perClass = Math.Max(1, (int)Math.Round(rate * records.Count / Classes.Length, MidpointRounding.AwayFromZero));
        var taken = 0;
        for (var round = 0; round < perClass; round++)
        {
            foreach (var cls in Classes)
            {
                if (taken == groups.Count)
                {
                    return;
                }

                var group = groups[taken++];
                into.Add(make(cls, group[rng.Next(group.Count)]));
            }
        }
    }

    private static (PartialDate Start, PartialDate End) Shifted(PartialDate start, PartialDate end, Random rng)
    {
        var months = rng.Next(2) == 0 ? -3 : 3;
        return (Shift(start, months), Shift(end, months));
    }

    private static PartialDate Shift(PartialDate d, int months) => d.Precision switch
    {
        DatePrecision.Day => PartialDate.FromDate(d.FirstDay.AddMonths(months)),
        DatePrecision.Month => PartialDate.OfMonth(d.FirstDay.AddMonths(months).Year, d.FirstDay.AddMonths(months).Month),
        _ => PartialDate.OfYear(d.Year + Math.Sign(months)),
    };

    private static string Other(Random rng, List<string> preferred, List<string> all, string? current)
    {
        var candidates = preferred.Where(x => !string.Equals(x, current, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            candidates = all.Where(x => !string.Equals(x, current, StringComparison.Ordinal)).ToList();
        }

        return candidates.Count == 0 ? "SYN-ORG-OTHER" : candidates[rng.Next(candidates.Count)];
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static string PaymentKey(OutcomePayment p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.ProjectId}|{p.MetricId}|{p.PeriodStart}|{p.PeriodEnd}|{p.PayerId}|{p.RecipientId}|{p.Amount?.Amount}");

    private static string ResultKey(OutcomeResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.ProjectId}|{r.MetricId}|{r.PeriodStart}|{r.PeriodEnd}|{r.Validator}|{r.OutcomesAchieved}");

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

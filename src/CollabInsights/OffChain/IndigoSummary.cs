using System.Text.Json;
using CollabInsights.Domain;

namespace CollabInsights.OffChain;

/// <summary>
/// Headline figures of a loaded INDIGO export, each reproducible from the CSV files with the rules
/// documented on <see cref="IndigoSource"/>. Only loaded records count: a row skipped for a missing or
/// unknown required key counts nowhere (its problem is listed).
/// </summary>
/// <param name="Projects">Loaded projects (rows of projects.csv with a non-empty, first-seen ID).</param>
/// <param name="OutcomePaymentRows">Loaded rows of projects_outcome_payments.csv (any type, any amount).</param>
/// <param name="ActualPaymentRows">Loaded payment rows whose type is exactly <c>Actual</c>, whatever their amount.</param>
/// <param name="PlannedPaymentRows">Loaded payment rows whose type is exactly <c>Planned</c>.</param>
/// <param name="UnspecifiedPaymentRows">Loaded payment rows with an empty or unknown type.</param>
/// <param name="ProjectsWithActualPayments">Distinct projects with at least one Actual payment row (even one without a usable amount).</param>
/// <param name="ActualPaymentsByCurrency">
/// Per currency code, the sum of the amounts of Actual payment rows whose amount loaded (a valid or
/// normalised amount with a currency); rows with an empty or invalid amount are counted as rows but
/// not summed. Keys sorted by code.
/// </param>
/// <param name="MaxPotentialOutcomePaymentUsdTotal">Sum of the loaded "Maximum potential Outcome payment - Amount USD" values of projects_outcome_payment_commitments.csv (empty and invalid cells add nothing).</param>
/// <param name="InvalidValues">Every Invalid problem of the load, in load order.</param>
/// <param name="Warnings">Every Warning (normalised value) of the load, in load order.</param>
public sealed record IndigoSummary(
    int Projects,
    int OutcomePaymentRows,
    int ActualPaymentRows,
    int PlannedPaymentRows,
    int UnspecifiedPaymentRows,
    int ProjectsWithActualPayments,
    IReadOnlyDictionary<string, decimal> ActualPaymentsByCurrency,
    decimal MaxPotentialOutcomePaymentUsdTotal,
    IReadOnlyList<DataProblem> InvalidValues,
    IReadOnlyList<DataProblem> Warnings)
{
    /// <summary>Computes the summary of a load.</summary>
    public static IndigoSummary Compute(LoadResult<CollabDataset> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var data = load.Value;
        var actual = data.Payments.Where(p => p.Type == PaymentType.Actual).ToList();
        var byCurrency = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var p in actual)
        {
            if (p.Amount is { } m)
            {
                byCurrency[m.Currency] = byCurrency.GetValueOrDefault(m.Currency) + m.Amount;
            }
        }

        return new IndigoSummary(
            data.Projects.Count,
            data.Payments.Count,
            actual.Count,
            data.Payments.Count(p => p.Type == PaymentType.Planned),
            data.Payments.Count(p => p.Type == PaymentType.Unspecified),
            actual.Select(p => p.ProjectId).Distinct(StringComparer.Ordinal).Count(),
            byCurrency,
            data.Commitments.Sum(c => c.MaxPotentialPaymentUsd ?? 0m),
            load.Invalid.ToList(),
            load.Warnings.ToList());
    }

    /// <summary>
    /// One JSON object with snake_case keys (<c>projects</c>, <c>outcome_payment_rows</c>, <c>actual_payment_rows</c>,
    /// <c>planned_payment_rows</c>, <c>unspecified_payment_rows</c>, <c>projects_with_actual_payments</c>,
    /// <c>actual_payments_by_currency</c>, <c>max_potential_outcome_payment_usd_total</c>, <c>invalid_values</c>,
    /// <c>warnings</c>); amounts are exact JSON numbers; problems are objects with <c>file</c>, <c>row</c>,
    /// <c>column</c>, <c>value</c>, <c>message</c>.
    /// </summary>
    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("projects", Projects);
            w.WriteNumber("outcome_payment_rows", OutcomePaymentRows);
            w.WriteNumber("actual_payment_rows", ActualPaymentRows);
            w.WriteNumber("planned_payment_rows", PlannedPaymentRows);
            w.WriteNumber("unspecified_payment_rows", UnspecifiedPaymentRows);
            w.WriteNumber("projects_with_actual_payments", ProjectsWithActualPayments);
            w.WriteStartObject("actual_payments_by_currency");
            foreach (var (currency, amount) in ActualPaymentsByCurrency.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(currency, amount);
            }

            w.WriteEndObject();
            w.WriteNumber("max_potential_outcome_payment_usd_total", MaxPotentialOutcomePaymentUsdTotal);
            WriteProblems(w, "invalid_values", InvalidValues);
            WriteProblems(w, "warnings", Warnings);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteProblems(Utf8JsonWriter w, string name, IReadOnlyList<DataProblem> problems)
    {
        w.WriteStartArray(name);
        foreach (var p in problems)
        {
            p.WriteJson(w);
        }

        w.WriteEndArray();
    }
}

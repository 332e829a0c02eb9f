using System.Text.Json.Serialization;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>
/// One payment amount as the forensic tests see it: the amount and currency, the date it was paid (or, where the
/// books hold no payment date, as in the INDIGO layout, the end of the period it pays for), payee, payer, project,
/// and the row or event it came from.
/// </summary>
public sealed record ForensicAmount(
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("payee")] string? Payee,
    [property: JsonPropertyName("payer")] string? Payer,
    [property: JsonPropertyName("project")] string? Project,
    [property: JsonIgnore] Provenance Provenance)
{
    /// <summary>The row key (<c>file:row</c> or <c>tx:log_index</c>) of <see cref="Provenance"/>, as in <see cref="RecordKey.Of"/>.</summary>
    [JsonPropertyName("row")]
    public string Key => RecordKey.Of(Provenance);

    /// <summary>
    /// The actual payments of <paramref name="dataset"/> that carry an amount, in source order. The date is the payment time
    /// (UTC day) when known, else the period end, else none; payer and payee are the cells as written (several names stay one).
    /// </summary>
    public static IReadOnlyList<ForensicAmount> FromPayments(CollabDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Payments.Where(p => p.Type == PaymentType.Actual && p.Amount is not null)
            .Select(p => new ForensicAmount(p.Amount!.Value.Amount, p.Amount.Value.Currency,
                p.PaidAt is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : p.PeriodEnd?.ToString(),
                Clean(p.RecipientId), Clean(p.PayerId), p.ProjectId, p.Provenance))
            .ToList();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PaymentExceedsCommitmentRule"/>.</summary>
/// <param name="Tolerance">Share of the cap that payments may exceed before a flag (default 0: any excess over the cap, compared to the cent).</param>
/// <param name="AttributeUnnamedPayer">When a payment names no payer and the project has exactly one commitment in that currency, count it against that commitment (default true).</param>
/// <param name="CheckReportedTotals">Also flag commitments whose own "total outcome payments made" exceeds their maximum (default true).</param>
public sealed record PaymentExceedsCommitmentOptions(decimal Tolerance = 0m, bool AttributeUnnamedPayer = true, bool CheckReportedTotals = true);

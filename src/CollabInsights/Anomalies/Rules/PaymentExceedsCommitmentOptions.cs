namespace CollabInsights.Anomalies.Rules;

/// <summary>Options of <see cref="PaymentExceedsCommitmentRule"/>.</summary>
/// <param name="Tolerance">Share of the cap that payments may exceed before a flag (default 0: any excess over the cap, compared to the cent).</param>
/// <param name="AttributeUnnamedPayer">When a payment names no payer, count it against the project's one commitment without an organisation in that currency, else against its only commitment in that currency (default true).</param>
/// <param name="CheckReportedTotals">Also flag commitments whose own "total outcome payments made" exceeds their maximum (default true).</param>
public sealed record PaymentExceedsCommitmentOptions(decimal Tolerance = 0m, bool AttributeUnnamedPayer = true, bool CheckReportedTotals = true);

using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>Every forensic test result over one set of payment amounts, with how many amounts were in and why others were left out.</summary>
/// <param name="Amounts">Actual payment amounts read.</param>
/// <param name="Tested">Amounts of at least the minimum (10 by default) that the digit tests use.</param>
/// <param name="Excluded">Amounts left out of the digit tests (below the minimum, zero or negative).</param>
/// <param name="Tests">One result per test and scope: the overall tests first, then per payer and per project where the count allows.</param>
public sealed record ForensicResult(
    [property: JsonPropertyName("amounts")] int Amounts,
    [property: JsonPropertyName("tested")] int Tested,
    [property: JsonPropertyName("excluded")] int Excluded,
    [property: JsonPropertyName("tests")] IReadOnlyList<ForensicTestResult> Tests);

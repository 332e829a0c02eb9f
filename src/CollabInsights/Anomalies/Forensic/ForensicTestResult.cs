using System.Text.Json.Serialization;

namespace CollabInsights.Anomalies.Forensic;

/// <summary>
/// The result of one forensic test over one scope (<c>overall</c>, <c>payer:ID</c> or <c>project:ID</c>): the figure and what it
/// measures, the threshold it is held to, the verdict, the reason in plain words, and the rows behind it (the amounts in a significant
/// digit spike, the duplicated or outsized payments), each as <c>file:row</c> or <c>tx:log_index</c>.
/// </summary>
/// <param name="Test">One of <see cref="ForensicTestNames"/>.</param>
/// <param name="Scope"><c>overall</c>, <c>payer:ID</c> or <c>project:ID</c>.</param>
/// <param name="Count">Amounts tested.</param>
/// <param name="FigureName">What <paramref name="Figure"/> is (mad, chi_square, max_count, groups, max_ratio, share).</param>
/// <param name="Figure">The test's figure; null when there was nothing to compute it on.</param>
/// <param name="Threshold">The figure above which the test fails (a figure equal to it passes).</param>
/// <param name="Passed">False when the figure is above the threshold.</param>
/// <param name="Verdict">Short verdict (Nigrini's conformity range for the Benford tests).</param>
/// <param name="Reason">What was measured and found, with the numbers.</param>
/// <param name="Digits">Per-digit frequencies and z statistics (digit tests only).</param>
/// <param name="Groups">The groups behind a duplicate, size or round-number test.</param>
/// <param name="Rows">Every row behind the result, in source order.</param>
public sealed record ForensicTestResult(
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("figure_name")] string FigureName,
    [property: JsonPropertyName("figure")] double? Figure,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("digits")] IReadOnlyList<DigitFrequency>? Digits,
    [property: JsonPropertyName("groups")] IReadOnlyList<ForensicGroup>? Groups,
    [property: JsonPropertyName("rows")] IReadOnlyList<string> Rows);

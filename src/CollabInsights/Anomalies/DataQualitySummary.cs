using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>
/// The data-quality findings of a load, kept apart from anomaly flags: every problem the loader located (a value it could
/// not use, or one it normalised), counted by severity and by category (file, column and severity), with the full list.
/// The <c>invalid_value</c> flags are the problems of severity Invalid (by default), so they are counted here, not among anomalies.
/// </summary>
/// <param name="Problems">Every loader problem, in load order.</param>
/// <param name="Invalid">Problems whose value could not be used.</param>
/// <param name="Warnings">Problems whose value was normalised and used.</param>
/// <param name="ByCategory">Problems per category (<see cref="CategoryOf"/>), most first, then by name.</param>
public sealed record DataQualitySummary(IReadOnlyList<DataProblem> Problems, int Invalid, int Warnings, IReadOnlyDictionary<string, int> ByCategory)
{
    /// <summary>Summarises <paramref name="problems"/> (a load's <see cref="LoadResult{T}.Problems"/>).</summary>
    public static DataQualitySummary Of(IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var byCategory = problems.GroupBy(CategoryOf, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DataQualitySummary(
            problems,
            problems.Count(p => p.Severity == ProblemSeverity.Invalid),
            problems.Count(p => p.Severity == ProblemSeverity.Warning),
            byCategory);
    }

    /// <summary>The category of a problem: file, column and severity, e.g. <c>projects_results.csv / Outcomes achieved - (Value) / invalid</c>.</summary>
    public static string CategoryOf(DataProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{problem.File} / {problem.Column} / {(problem.Severity == ProblemSeverity.Invalid ? "invalid" : "warning")}";
    }
}

namespace CollabInsights.Fit;

/// <summary>
/// The contents of a <c>collab fit --answers FILE.json</c> file: the answers, the requirements, and
/// optionally the path of a benchmark <c>results.json</c> (relative to the answers file's folder) whose
/// measured figures the assessment cites.
/// </summary>
public sealed record FitInput
{
    /// <summary>Answers to <see cref="FitQuestion.All"/> (snake_case keys).</summary>
    public FitAnswers Answers { get; init; } = new();

    /// <summary>Requirements in numbers.</summary>
    public FitRequirements Requirements { get; init; } = new();

    /// <summary>
    /// Path of a benchmark results.json; a relative path resolves against the folder of the answers file
    /// (not the current directory). <c>collab fit --results</c> overrides it, and then it is not read at all. Null for none.
    /// </summary>
    public string? BenchmarkResults { get; init; }
}

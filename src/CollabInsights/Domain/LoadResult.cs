namespace CollabInsights.Domain;

/// <summary>
/// The outcome of loading data that may be partly bad: the records that loaded, and every
/// problem found (with its location). Nothing is dropped silently.
/// </summary>
public sealed record LoadResult<T>(T Value, IReadOnlyList<DataProblem> Problems)
{
    /// <summary>Problems that made a value unusable.</summary>
    public IEnumerable<DataProblem> Invalid => Problems.Where(p => p.Severity == ProblemSeverity.Invalid);

    /// <summary>Values that were normalised with a note.</summary>
    public IEnumerable<DataProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}

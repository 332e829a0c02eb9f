using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>invalid_value</c>: every problem the loader found (a month 13, an unknown currency, text in a number
/// column) surfaced as a flag at its file and row, so bad input is reviewed with the other findings.
/// </summary>
public sealed class InvalidValueRule(InvalidValueOptions? options = null) : IAnomalyRule
{
    private readonly InvalidValueOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.InvalidValue;

    /// <inheritdoc />
    public string Description => $"A loader problem of severity {_options.MinimumSeverity} or worse.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var projects = ProjectsByRow(dataset);
        foreach (var p in problems.Where(p => p.Severity >= _options.MinimumSeverity))
        {
            projects.TryGetValue((p.File, p.Row), out var project);
            yield return new Flag(Kind, project, p.File, p.Row, null, null, p.Severity == ProblemSeverity.Invalid ? 0.5 : 0.2,
                $"Column '{p.Column}' holds '{p.Value}', which could not be used: {p.Message}.");
        }
    }

    private static Dictionary<(string, int), string> ProjectsByRow(CollabDataset? d)
    {
        var map = new Dictionary<(string, int), string>();
        if (d is null)
        {
            return map;
        }

        void Add(string project, Provenance p)
        {
            if (p is FileProvenance f)
            {
                map.TryAdd((f.File, f.Row), project);
            }
        }

        foreach (var x in d.Projects) { Add(x.Id, x.Provenance); }
        foreach (var x in d.Commitments) { Add(x.ProjectId, x.Provenance); }
        foreach (var x in d.Investments) { Add(x.ProjectId, x.Provenance); }
        foreach (var x in d.Metrics) { Add(x.ProjectId, x.Provenance); }
        foreach (var x in d.Pricings) { Add(x.ProjectId, x.Provenance); }
        foreach (var x in d.Results) { Add(x.ProjectId, x.Provenance); }
        foreach (var x in d.Payments) { Add(x.ProjectId, x.Provenance); }
        return map;
    }
}

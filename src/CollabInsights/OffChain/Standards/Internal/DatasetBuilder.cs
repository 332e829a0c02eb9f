using CollabInsights.Domain;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>
/// Collects what the standards readers read: domain records (when <see cref="Keep"/> is set), indicator values, problems
/// and counts. With <see cref="Keep"/> false it only counts, so a benchmark can read a file larger than memory.
/// </summary>
internal sealed class DatasetBuilder(bool keep)
{
    private readonly Dictionary<string, Organisation> _organisations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _organisationIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _projectIds = new(StringComparer.Ordinal);

    public bool Keep { get; } = keep;

    public List<Project> Projects { get; } = [];

    public List<FundingCommitment> Commitments { get; } = [];

    public List<OutcomePayment> Payments { get; } = [];

    public List<OutcomeMetric> Metrics { get; } = [];

    public List<OutcomeResult> Results { get; } = [];

    public List<IndicatorValue> IndicatorValues { get; } = [];

    public List<DataProblem> Problems { get; } = [];

    public int Transactions { get; set; }

    public int Indicators { get; set; }

    public int ResultCount { get; set; }

    public int Targets { get; set; }

    public int Baselines { get; set; }

    public int ProjectCount => _projectIds.Count;

    /// <summary>Notes an organisation id (counted once); keeps the first name seen.</summary>
    public void Organisation(string? id, string? name, string? type, Provenance where)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return;
        }

        if (_organisationIds.Add(id) && Keep)
        {
            _organisations[id] = new Organisation(id, string.IsNullOrWhiteSpace(name) ? id : name.Trim(), type, null, where);
        }
        else if (Keep && _organisations.TryGetValue(id, out var known) && known.Name == id && !string.IsNullOrWhiteSpace(name))
        {
            _organisations[id] = known with { Name = name.Trim() };
        }
    }

    /// <summary>Adds a project unless its id was seen before (then a problem names both places); returns whether it was added.</summary>
    public bool Project(Project project, string file, int row, string column)
    {
        if (!_projectIds.Add(project.Id))
        {
            Problems.Add(new DataProblem(file, row, column, project.Id, "duplicate identifier: a project with this id was read before; this one is skipped", ProblemSeverity.Invalid));
            return false;
        }

        if (Keep)
        {
            Projects.Add(project);
        }

        return true;
    }

    public void Invalid(string file, int row, string column, string value, string message) =>
        Problems.Add(new DataProblem(file, row, column, value, message, ProblemSeverity.Invalid));

    public void Warning(string file, int row, string column, string value, string message) =>
        Problems.Add(new DataProblem(file, row, column, value, message, ProblemSeverity.Warning));

    public CollabDataset ToDataset() => new(
        [.. _organisations.Values.OrderBy(o => o.Id, StringComparer.Ordinal)],
        Projects, [], [], Commitments, [], Metrics, [], Results, Payments);

    public StandardsCounts Counts() => new(ProjectCount, _organisationIds.Count, Transactions, Indicators, ResultCount, Targets, Baselines);
}

using CollabInsights.Anomalies.Internal;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>
/// <c>self_validation</c>: a result's validator is the organisation that receives the project's outcome
/// payments or delivers the service (the provider), so nobody independent verified the outcomes.
/// </summary>
public sealed class SelfValidationRule(SelfValidationOptions? options = null) : IAnomalyRule
{
    private readonly SelfValidationOptions _options = options ?? new();

    /// <inheritdoc />
    public string Kind => FlagKinds.SelfValidation;

    /// <inheritdoc />
    public string Description => "The validator of a result is the recipient of the outcome payments or the provider.";

    /// <inheritdoc />
    public IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var names = dataset.Organisations.GroupBy(o => RuleData.Norm(o.Id)!).ToDictionary(g => g.Key, g => g.First().Name);
        var parties = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        void Add(string project, string? orgId, string role)
        {
            var id = RuleData.Norm(orgId);
            if (id is null)
            {
                return;
            }

            if (!parties.TryGetValue(project, out var map))
            {
                parties[project] = map = new(StringComparer.Ordinal);
            }

            map.TryAdd(id, $"{role} {orgId}");
            if (_options.MatchOrganisationNames && names.TryGetValue(id, out var name) && RuleData.Norm(name) is { } n)
            {
                map.TryAdd(n, $"{role} {orgId} ({name})");
            }
        }

        foreach (var p in dataset.Payments)
        {
            Add(p.ProjectId, p.RecipientId, "payment recipient");
        }

        foreach (var i in dataset.Investments.Where(i => i.Role == OrganisationRole.Provider))
        {
            Add(i.ProjectId, i.InvestorId, "provider");
        }

        foreach (var c in dataset.Commitments.Where(c => c.Role == OrganisationRole.Provider))
        {
            Add(c.ProjectId, c.OrganisationId, "provider");
        }

        foreach (var r in dataset.Results)
        {
            var v = RuleData.Norm(r.Validator);
            if (v is null || !parties.TryGetValue(r.ProjectId, out var map) || !map.TryGetValue(v, out var who))
            {
                continue;
            }

            yield return Flag.At(Kind, r.ProjectId, r.Provenance, 0.85,
                $"The result for {r.MetricId ?? "an unstated metric"} over {Text.Period(r.PeriodStart, r.PeriodEnd)} was validated by '{r.Validator}', " +
                $"which is the project's {who}: the party paid for the outcomes verified them itself.");
        }
    }
}

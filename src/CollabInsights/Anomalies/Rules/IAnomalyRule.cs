using CollabInsights.Domain;

namespace CollabInsights.Anomalies.Rules;

/// <summary>A named, documented check over a dataset that returns one <see cref="Flag"/> per finding.</summary>
public interface IAnomalyRule
{
    /// <summary>The flag kind this rule raises (one of <see cref="FlagKinds.Rules"/>).</summary>
    string Kind { get; }

    /// <summary>One sentence saying what the rule checks and with which threshold.</summary>
    string Description { get; }

    /// <summary>Runs the check over <paramref name="dataset"/>; <paramref name="problems"/> are the loader's problems.</summary>
    IEnumerable<Flag> Evaluate(CollabDataset dataset, IReadOnlyList<DataProblem> problems);
}

using CollabInsights.Anomalies.Rules;
using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>Entry point of the rule-based checks: builds the rules from their options and runs them over a dataset.</summary>
public static class AnomalyRules
{
    /// <summary>The rules selected by <paramref name="options"/> (all nine by default), in <see cref="FlagKinds.Rules"/> order.</summary>
    public static IReadOnlyList<IAnomalyRule> Create(AnomalyRuleOptions? options = null)
    {
        var o = options ?? new AnomalyRuleOptions();
        IAnomalyRule[] all =
        [
            new PaymentExceedsCommitmentRule(o.PaymentExceedsCommitment),
            new DuplicatePaymentRule(o.DuplicatePayment),
            new PaymentWithoutResultRule(o.PaymentWithoutResult),
            new PaidBeforePeriodEndRule(o.PaidBeforePeriodEnd),
            new SelfValidationRule(o.SelfValidation),
            new ResultsInconsistentRule(o.ResultsInconsistent),
            new PriceOutlierRule(o.PriceOutlier),
            new SplitPaymentRule(o.SplitPayment),
            new InvalidValueRule(o.InvalidValue),
        ];
        return o.Kinds is null ? all : all.Where(r => o.Kinds.Contains(r.Kind)).ToList();
    }

    /// <summary>Runs the rules over <paramref name="dataset"/> (with the loader's <paramref name="problems"/>) and returns the flags sorted by kind, file/tx and row/log index.</summary>
    public static IReadOnlyList<Flag> Run(CollabDataset dataset, IReadOnlyList<DataProblem>? problems = null, AnomalyRuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var p = problems ?? [];
        return Sort(Create(options).SelectMany(r => r.Evaluate(dataset, p)));
    }

    /// <summary>Sorts flags deterministically: kind, project, file or tx, row or log index, reason.</summary>
    public static IReadOnlyList<Flag> Sort(IEnumerable<Flag> flags) =>
        flags.OrderBy(f => f.Kind, StringComparer.Ordinal)
            .ThenBy(f => f.Project, StringComparer.Ordinal)
            .ThenBy(f => f.File ?? f.Tx, StringComparer.Ordinal)
            .ThenBy(f => f.Row ?? f.LogIndex)
            .ThenBy(f => f.Reason, StringComparer.Ordinal)
            .ToList();
}

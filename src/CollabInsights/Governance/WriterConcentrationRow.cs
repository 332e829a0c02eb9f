namespace CollabInsights.Governance;

/// <summary>The concentration of one slice of writes: a source (<c>ledger</c>, <c>books</c>), a project (or <c>(all)</c>) and an action (or <c>(all)</c>).</summary>
public sealed record WriterConcentrationRow(string Source, string Project, string Action, ConcentrationMetrics Metrics);

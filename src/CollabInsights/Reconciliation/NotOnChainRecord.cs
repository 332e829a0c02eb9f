using CollabInsights.Domain;

namespace CollabInsights.Reconciliation;

/// <summary>
/// A record of the books that the outcome ledger cannot hold (no period, no amount, an unknown project, ...), so it is
/// never written on chain and never counted as a difference: reconciliation lists it apart from the six classes as
/// <c>not_on_chain</c>, with <paramref name="Reason"/> and its file row (<paramref name="Provenance"/>).
/// </summary>
/// <param name="RecordType"><c>payment</c>, <c>result</c> or <c>commitment</c>.</param>
/// <param name="Project">The project id the row names.</param>
/// <param name="Metric">The metric id the row names, if any.</param>
/// <param name="Provenance">The row of the books.</param>
/// <param name="Reason">Why the ledger cannot hold it, e.g. <c>no period</c>; several reasons are joined with <c>; </c>.</param>
public sealed record NotOnChainRecord(string RecordType, string Project, string? Metric, Provenance Provenance, string Reason)
{
    /// <summary>The name of this category as printed and in JSON and CSV: <c>not_on_chain</c>.</summary>
    public const string Name = "not_on_chain";
}

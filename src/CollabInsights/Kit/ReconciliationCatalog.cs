using CollabInsights.Domain;
using CollabInsights.Reconciliation;

namespace CollabInsights.Kit;

/// <summary>Reconciliation of <see cref="CollabKit.Reconciliation"/>: which records of two sides match, and why the others do not.</summary>
public sealed class ReconciliationCatalog
{
    internal ReconciliationCatalog()
    {
    }

    /// <summary>Reconciles <paramref name="books"/> with <paramref name="other"/> (the chain's records or a partner's books) record by record (<see cref="Reconciler.Reconcile"/>).</summary>
    /// <example><code>var result = kit.Reconciliation.Reconcile(books, chainRecords.ToDataset()); display(result.Counts);</code></example>
    public ReconciliationResult Reconcile(CollabDataset books, CollabDataset other, ReconciliationOptions? options = null) => Reconciler.Reconcile(books, other, options);
}

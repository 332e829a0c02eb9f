using System.Globalization;
using CollabInsights.Domain;
using CollabInsights.Reconciliation.Internal;

namespace CollabInsights.Reconciliation;

/// <summary>
/// Matches on-chain records (payments and attestations with <see cref="ChainProvenance"/>) to off-chain ones
/// (INDIGO-layout payments and results) in four passes, each on the records still unmatched: the full key
/// (project, metric, period, payer, recipient, amount) gives <c>matched</c>; without the amount,
/// <c>amount_mismatch</c>; without the period, <c>period_mismatch</c>; without the counterparties,
/// <c>counterparty_mismatch</c>; what is left is <c>only_on_chain</c> or <c>only_off_chain</c>.
/// Duplicates pair in source order; a record that collides with another one in an earlier pass is classified by that pass. Amounts are rounded to the currency's minor unit first.
/// Periods compare by the days they cover. A counterparty the books do not hold (no payer, recipient or validator) is never compared.
/// Records of the books that cannot be on chain (<see cref="ReconciliationOptions.NotOnChain"/>, and rows with no amount or count)
/// are set aside as <see cref="ReconciliationResult.NotOnChain"/>, apart from the six classes.
/// </summary>
public static partial class Reconciler
{
    /// <summary>Reconciles <paramref name="offChain"/> (the books) with <paramref name="onChain"/> (the chain).</summary>
    public static ReconciliationResult Reconcile(CollabDataset offChain, CollabDataset onChain, ReconciliationOptions? options = null, bool keepMatchedEntries = true)
    {
        ArgumentNullException.ThrowIfNull(offChain);
        ArgumentNullException.ThrowIfNull(onChain);
        var o = options ?? new ReconciliationOptions();
        var interner = new Interner();
        var off = new List<MatchRecord>();
        var on = new List<MatchRecord>();
        var notOnChain = new List<NotOnChainRecord>();
        MatchRecords.Add(off, offChain, o, interner, notOnChain);
        MatchRecords.Add(on, onChain, o, interner);
        var pairs = Matcher.Match(off, on, o.AmountToleranceMinorUnits);
        var counts = Enum.GetValues<ReconciliationClass>().ToDictionary(c => c, _ => 0L);
        var entries = new List<ReconciliationEntry>();
        foreach (var (cls, offIndex, onIndex) in pairs)
        {
            counts[cls]++;
            if (cls == ReconciliationClass.Matched && !keepMatchedEntries)
            {
                continue;
            }

            entries.Add(EntrySide.Entry(cls, offIndex >= 0 ? off[offIndex].Side : null, onIndex >= 0 ? on[onIndex].Side : null));
        }

        return new ReconciliationResult(EntrySide.Sort(entries), counts) { NotOnChain = EntrySide.Sort(notOnChain) };
    }
}

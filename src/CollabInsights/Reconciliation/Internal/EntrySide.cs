using System.Globalization;
using CollabInsights.Domain;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>What an entry shows of one side: both engines build entries from it, so their texts and order are the same.</summary>
internal sealed record EntrySide(string RecordType, string Project, string? Metric, Provenance Provenance, string Display, string Period, string Parties)
{
    /// <summary>The entry of a pair (or of a record left alone).</summary>
    public static ReconciliationEntry Entry(ReconciliationClass cls, EntrySide? off, EntrySide? on)
    {
        var any = off ?? on!;
        return new ReconciliationEntry(cls, any.RecordType, any.Project, any.Metric, on?.Provenance, off?.Provenance, on?.Display, off?.Display, Describe(cls, off, on));
    }

    /// <summary>The entries in the order both engines return them: by class, project, metric, then the books' and the chain's provenance.</summary>
    public static List<ReconciliationEntry> Sort(IEnumerable<ReconciliationEntry> entries) =>
        entries.OrderBy(e => e.Class).ThenBy(e => e.Project, StringComparer.Ordinal).ThenBy(e => e.Metric, StringComparer.Ordinal)
            .ThenBy(e => e.OffChain?.Describe() ?? string.Empty, StringComparer.Ordinal).ThenBy(e => e.OnChain?.Describe() ?? string.Empty, StringComparer.Ordinal).ToList();

    /// <summary>The records not on chain in record type and row order.</summary>
    public static List<NotOnChainRecord> Sort(IEnumerable<NotOnChainRecord> notOnChain) =>
        notOnChain.OrderBy(n => n.RecordType, StringComparer.Ordinal).ThenBy(n => n.Provenance is FileProvenance f ? f.File : n.Provenance.Describe(), StringComparer.Ordinal)
            .ThenBy(n => n.Provenance is FileProvenance f ? f.Row : 0).ToList();

    private static string Describe(ReconciliationClass cls, EntrySide? off, EntrySide? on) => cls switch
    {
        ReconciliationClass.Matched => "Both sides agree.",
        ReconciliationClass.AmountMismatch => $"The books record {off!.Display} but the chain {on!.Display} for the same {off.RecordType} of {off.Metric} over {off.Period}.",
        ReconciliationClass.PeriodMismatch => $"The books date this {off!.RecordType} {off.Period} but the chain {on!.Period}.",
        ReconciliationClass.CounterpartyMismatch => $"The books name {off!.Parties} but the chain {on!.Parties}.",
        ReconciliationClass.OnlyOnChain => string.Create(CultureInfo.InvariantCulture, $"The chain records {on!.Display} for {on.Metric} over {on.Period} ({on.Parties}) with no entry in the books."),
        _ => string.Create(CultureInfo.InvariantCulture, $"The books record {off!.Display} for {off.Metric} over {off.Period} ({off.Parties}) with nothing on the chain."),
    };
}

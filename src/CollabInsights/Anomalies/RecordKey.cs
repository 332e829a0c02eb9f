using CollabInsights.Domain;

namespace CollabInsights.Anomalies;

/// <summary>A stable text key for a record's location, used to compare flags with ground-truth labels.</summary>
public static class RecordKey
{
    /// <summary><c>file:row</c> for a file row, <c>tx:log_index</c> for a chain event.</summary>
    public static string Of(Provenance provenance) => provenance switch
    {
        FileProvenance f => $"{f.File}:{f.Row}",
        ChainProvenance c => $"{c.TxHash}:{c.LogIndex}",
        null => throw new ArgumentNullException(nameof(provenance)),
        _ => provenance.Describe(),
    };
}

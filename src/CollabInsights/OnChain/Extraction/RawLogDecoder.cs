using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction;

/// <summary>A decoder without an ABI: every log goes to the <c>unknown</c> table with its raw topics and data.</summary>
public sealed class RawLogDecoder : ILogDecoder
{
    /// <summary>The shared instance.</summary>
    public static RawLogDecoder Instance { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<EventTable> Tables => [];

    /// <inheritdoc/>
    public DecodedLog Decode(RpcLog log) => ToUnknown(log);

    /// <summary>The <c>unknown</c> row of a log: topic0..topic3 (null when absent) and data.</summary>
    public static DecodedLog ToUnknown(RpcLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var values = new object?[5];
        for (var i = 0; i < 4; i++)
        {
            values[i] = i < log.Topics.Count ? log.Topics[i] : null;
        }

        values[4] = log.Data;
        return new DecodedLog(log, EventTable.Unknown, values);
    }
}

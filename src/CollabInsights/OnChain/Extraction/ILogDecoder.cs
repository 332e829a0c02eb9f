using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction;

/// <summary>Turns raw logs into table rows; logs it cannot match go to <see cref="EventTable.Unknown"/>. Must be thread-safe.</summary>
public interface ILogDecoder
{
    /// <summary>The event tables this decoder can produce (without <c>unknown</c>).</summary>
    IReadOnlyList<EventTable> Tables { get; }

    /// <summary>Decodes one log; never throws for a log that does not fit, it returns an <c>unknown</c> row instead.</summary>
    DecodedLog Decode(RpcLog log);
}

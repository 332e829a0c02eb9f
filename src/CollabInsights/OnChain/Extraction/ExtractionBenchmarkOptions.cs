namespace CollabInsights.OnChain.Extraction;

/// <summary>Settings of <see cref="ExtractionBenchmark"/>: how many events to emit and how often to time each tool.</summary>
public sealed record ExtractionBenchmarkOptions
{
    /// <summary>Transfer events to emit before timing. Default 200,000.</summary>
    public long Events { get; init; } = 200_000;

    /// <summary>Events emitted per transaction (one block each on an instant-mining node). Default 2,000.</summary>
    public int EventsPerTransaction { get; init; } = 2_000;

    /// <summary>Timed runs of each tool (alternating, cast first); the best of each is compared. Default 2.</summary>
    public int Repetitions { get; init; } = 2;

    /// <summary>The <c>cast</c> executable; default <c>node_modules/.bin/cast</c> found above the current folder.</summary>
    public string? CastPath { get; init; }

    /// <summary>Requests in flight for our extractor. Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Also time one extraction with every call through Nethereum's <c>RpcClient</c> (the slower path a user gets by passing an <c>IClient</c>). Default true.</summary>
    public bool IncludeNethereumClient { get; init; } = true;

    /// <summary>Scratch folder for the outputs; default a new temporary folder, deleted afterwards.</summary>
    public string? WorkDirectory { get; init; }
}

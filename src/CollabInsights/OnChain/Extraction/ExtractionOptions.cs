namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// What to extract and how hard to push the provider. Defaults suit public providers
/// (ranges grow from 1,000 blocks, 4 concurrent requests, 8 attempts per request).
/// </summary>
public sealed record ExtractionOptions
{
    /// <summary>The folder that receives <c>chunks/</c>, <c>checkpoint.json</c> and <c>summary.json</c>. Required.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Which logs to extract. Required.</summary>
    public required EventFilter Filter { get; init; }

    /// <summary>The first block (inclusive). Default 0.</summary>
    public long FromBlock { get; init; }

    /// <summary>The last block (inclusive); null = the latest block minus <see cref="Confirmations"/> at start. An explicit block above that waits until it is confirmed.</summary>
    public long? ToBlock { get; init; }

    /// <summary>Blocks to stay behind the chain head: never extract above latest - Confirmations. Default 0.</summary>
    public int Confirmations { get; init; }

    /// <summary>How the rows are written (Parquet, CSV or SQLite). Default Parquet.</summary>
    public ITableFormat Format { get; init; } = TableFormats.Parquet;

    /// <summary>Turns logs into table rows. Default: no ABI, every log goes to the <c>unknown</c> table.</summary>
    public ILogDecoder Decoder { get; init; } = RawLogDecoder.Instance;

    /// <summary>Fill <c>block_timestamp</c> (one batched header request per chunk of blocks with logs). Default false.</summary>
    public bool BlockTimestamps { get; init; }

    /// <summary>The first <c>eth_getLogs</c> block range. Default 1,000 blocks.</summary>
    public long InitialBlockRange { get; init; } = 1_000;

    /// <summary>The largest block range ever requested. Default 100,000 blocks.</summary>
    public long MaxBlockRange { get; init; } = 100_000;

    /// <summary>Ranges grow (x2) while responses hold fewer than half this many logs and shrink when they hold more than twice it. Default 10,000 logs.</summary>
    public int TargetLogsPerRequest { get; init; } = 10_000;

    /// <summary>Requests in flight at once (halved on HTTP 429, regained after successes). Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Attempts per request for transient failures (429, 5xx, timeouts, truncated bodies). Default 8.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The first retry delay; doubled per attempt with full jitter, capped by <see cref="MaxRetryDelay"/>. Default 250 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest retry delay. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A request that takes longer is abandoned and retried. Default 60 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Blocks this close to the head (at start) are checked block by block against their parent hashes; older blocks only at chunk edges. Also how many recent block hashes the checkpoint keeps. Default 64.</summary>
    public int ReorgWindow { get; init; } = 64;

    /// <summary>A chunk is written once it holds this many logs. Default 100,000.</summary>
    public int ChunkMaxLogs { get; init; } = 100_000;

    /// <summary>A chunk is written at least this often, so a killed run loses little work. Default 5 s.</summary>
    public TimeSpan ChunkMaxInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often to poll the head while waiting for an explicit <see cref="ToBlock"/> to be confirmed. Default 2 s.</summary>
    public TimeSpan HeadPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Seed of the retry jitter, for reproducible runs. Default 1.</summary>
    public int JitterSeed { get; init; } = 1;
}

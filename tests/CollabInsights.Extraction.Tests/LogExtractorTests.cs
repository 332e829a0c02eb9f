using CollabInsights.OnChain.Extraction;
using CollabInsights.Tests.Shared;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.Extraction.Tests;

public class LogExtractorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ExtractionOptions Options(string dir, EventFilter? filter = null, ITableFormat? format = null) => new()
    {
        OutputDirectory = dir,
        Filter = filter ?? EventFilter.ForAddresses(),
        Format = format ?? TableFormats.Csv,
        InitialBlockRange = 16,
        MaxConcurrency = 3,
        ChunkMaxLogs = 150,
        ChunkMaxInterval = TimeSpan.FromMinutes(5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromMilliseconds(300),
        MaxAttempts = 30,
    };

    /// <summary>The output's rows as comparable keys (block, index, hash, tx, address, topics, data), in file order.</summary>
    internal static async Task<List<string>> ReadUnknownAsync(string dir)
    {
        var table = await ExtractionOutput.Open(dir).ReadTableAsync(EventTable.UnknownName, Ct);
        return table is null ? [] : [.. table.Rows.Select(r => string.Join("|", r.Select(v => v?.ToString() ?? "")))];
    }

    internal static List<string> Keys(IEnumerable<RpcLog> logs) =>
        [.. logs.Select(l => string.Join("|", new object?[]
        {
            l.BlockNumber, l.BlockHash, null, l.TransactionHash, (long)l.LogIndex, CollabInsights.OnChain.Extraction.Internal.AddressText.Checksum(l.Address),
            l.Topics.ElementAtOrDefault(0), l.Topics.ElementAtOrDefault(1), l.Topics.ElementAtOrDefault(2), l.Topics.ElementAtOrDefault(3), l.Data,
        }.Select(v => v?.ToString() ?? "")))];

    [Fact]
    public async Task Fault_free_run_writes_every_matching_log_exactly_once_in_order()
    {
        var chain = new FakeChain(400);
        var dir = RepoPaths.NewTempDirectory();
        var filter = EventFilter.ForAddresses(FakeChain.Contracts[0], FakeChain.Contracts[1]);
        var summary = await new LogExtractor(chain, Options(dir, filter)).RunAsync(null, Ct);
        var expected = chain.Expected(0, 399, filter);
        Assert.True(expected.Count > 300);
        Assert.Equal(Keys(expected), await ReadUnknownAsync(dir));
        Assert.Equal(expected.Count, summary.LogsExtracted);
        Assert.Equal(expected.Count, summary.UnknownLogs);
        Assert.Equal(400, summary.BlocksExtracted);
        Assert.True(summary.Chunks > 1);
        Assert.True(File.Exists(Path.Combine(dir, "summary.json")));
    }

    [Fact]
    public async Task Result_limit_errors_shrink_the_range_to_the_providers_hint()
    {
        var chain = new FakeChain(300) { MaxResults = 40 };
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { InitialBlockRange = 200, MaxConcurrency = 1 };
        var summary = await new LogExtractor(chain, options).RunAsync(null, Ct);
        Assert.Equal(Keys(chain.Expected(0, 299, options.Filter)), await ReadUnknownAsync(dir));
        Assert.True(summary.RangeShrinks > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Block_range_errors_shrink_the_range_with_or_without_a_hint(bool hint)
    {
        var chain = new FakeChain(500) { MaxRange = 25, RangeHintInMessage = hint };
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { InitialBlockRange = 400, MaxConcurrency = 1 };
        var summary = await new LogExtractor(chain, options).RunAsync(null, Ct);
        Assert.Equal(Keys(chain.Expected(0, 499, options.Filter)), await ReadUnknownAsync(dir));
        var failures = chain.RequestedRanges.Count(r => r > 25);
        if (hint)
        {
            // The hint caps the range: after the first refusal no request is ever too large again.
            Assert.Equal(1, failures);
        }
        else
        {
            Assert.InRange(failures, 1, 60);
        }

        Assert.True(summary.RangeShrinks >= failures);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_the_output_is_unchanged()
    {
        var chain = new FakeChain(300) { FaultRate = 0.25 };
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { InitialBlockRange = 4, MaxBlockRange = 8 };
        var summary = await new LogExtractor(chain, options).RunAsync(null, Ct);
        Assert.True(chain.FaultsInjected >= 5, $"only {chain.FaultsInjected} faults injected");
        Assert.Equal(Keys(chain.Expected(0, 299, options.Filter)), await ReadUnknownAsync(dir));
        Assert.True(summary.Retries >= chain.FaultsInjected, $"{summary.Retries} retries for {chain.FaultsInjected} faults");
        Assert.True(summary.RateLimited > 0);
    }

    [Fact]
    public async Task Requests_that_time_out_are_retried_with_a_smaller_range()
    {
        var chain = new FakeChain(200) { HangAboveRange = 10 };
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { InitialBlockRange = 80, MaxConcurrency = 2, RequestTimeout = TimeSpan.FromMilliseconds(150) };
        var summary = await new LogExtractor(chain, options).RunAsync(null, Ct);
        Assert.Equal(Keys(chain.Expected(0, 199, options.Filter)), await ReadUnknownAsync(dir));
        Assert.True(summary.RangeShrinks >= 3);
        Assert.True(summary.FinalBlockRange <= 10 || chain.RequestedRanges.Count(r => r <= 10) > 10);
    }

    [Fact]
    public async Task Reorg_during_the_run_is_rolled_back_and_refetched()
    {
        // The reorg lands in blocks already committed (and written to a chunk) by then.
        var chain = new FakeChain(200) { ReorgAfterGetLogsCalls = 9, ReorgFromBlock = 40 };
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { MaxConcurrency = 1, InitialBlockRange = 8, MaxBlockRange = 8, ChunkMaxLogs = 40, ReorgWindow = 128, ToBlock = 199 };
        var before = chain.Expected(0, 199, options.Filter);
        var summary = await new LogExtractor(chain, options).RunAsync(null, Ct);
        Assert.Equal(1, chain.Reorgs);
        var after = chain.Expected(0, 199, options.Filter);
        Assert.NotEqual(Keys(before), Keys(after));
        Assert.Equal(Keys(after), await ReadUnknownAsync(dir));
        Assert.True(summary.Reorgs >= 1);
        Assert.True(summary.RolledBackBlocks > 0);
    }

    [Fact]
    public async Task Reorg_while_stopped_is_detected_on_resume_from_the_checkpoint_hashes()
    {
        var chain = new FakeChain(150);
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { ReorgWindow = 100, ToBlock = 99 };
        await new LogExtractor(chain, options).RunAsync(null, Ct);
        chain.ReorgTo(90, 5);
        var summary = await new LogExtractor(chain, options with { ToBlock = 149 }).RunAsync(null, Ct);
        Assert.Equal(Keys(chain.Expected(0, 149, options.Filter)), await ReadUnknownAsync(dir));
        Assert.Equal(1, summary.Reorgs);
    }

    [Fact]
    public async Task Crash_between_chunk_write_and_checkpoint_resumes_without_gap_or_duplicate()
    {
        var chain = new FakeChain(300);
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir) with { MaxConcurrency = 2 };
        var crashes = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var extractor = new LogExtractor(chain, options);
            var written = 0;
            extractor.AfterChunkWritten = _ => ++written == 2 ? throw new IOException("simulated crash") : Task.CompletedTask;
            try
            {
                await extractor.RunAsync(null, Ct);
                break;
            }
            catch (IOException)
            {
                crashes++;
            }
        }

        Assert.True(crashes >= 2);
        Assert.Equal(Keys(chain.Expected(0, 299, options.Filter)), await ReadUnknownAsync(dir));
    }

    [Fact]
    public async Task Confirmations_keep_the_extraction_behind_the_head()
    {
        var chain = new FakeChain(100);
        var dir = RepoPaths.NewTempDirectory();
        var summary = await new LogExtractor(chain, Options(dir) with { Confirmations = 12 }).RunAsync(null, Ct);
        Assert.Equal(87, summary.ToBlock);
        Assert.Equal(Keys(chain.Expected(0, 87, EventFilter.ForAddresses())), await ReadUnknownAsync(dir));
    }

    [Fact]
    public async Task A_checkpoint_for_another_filter_is_refused_with_a_fix()
    {
        var chain = new FakeChain(50);
        var dir = RepoPaths.NewTempDirectory();
        await new LogExtractor(chain, Options(dir)).RunAsync(null, Ct);
        var e = await Assert.ThrowsAsync<CollabInsightsException>(() => new LogExtractor(chain, Options(dir, EventFilter.ForAddresses(FakeChain.Contracts[2]))).RunAsync(null, Ct));
        Assert.Contains("another output folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_block_before_the_first_is_refused_before_anything_runs()
    {
        var dir = RepoPaths.NewTempDirectory();
        var e = Assert.Throws<CollabInsightsException>(() => new LogExtractor(new FakeChain(50), Options(dir) with { FromBlock = 10, ToBlock = 5 }));
        Assert.Contains("The last block (5) is before the first (10)", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        _ = new LogExtractor(new FakeChain(50), Options(dir) with { FromBlock = 5, ToBlock = 5 }); // one block is a valid range
    }

    [Fact]
    public async Task Progress_reports_rates_and_reaches_the_total()
    {
        var chain = new FakeChain(200);
        var dir = RepoPaths.NewTempDirectory();
        var reports = new List<ExtractionProgress>();
        await new LogExtractor(chain, Options(dir)).RunAsync(new SyncProgress(reports.Add), Ct);
        var last = reports[^1];
        Assert.Equal(200, last.BlocksTotal);
        Assert.Equal(200, last.BlocksDone);
        Assert.True(last.LogsPerSecond > 0);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    [InlineData("sqlite")]
    public async Task Every_format_reads_back_the_same_rows_and_merges_its_chunks_into_one_table(string format)
    {
        var chain = new FakeChain(120);
        var dir = RepoPaths.NewTempDirectory();
        var options = Options(dir, format: TableFormats.Parse(format)) with { BlockTimestamps = true, ChunkMaxLogs = 20 };
        await new LogExtractor(chain, options).RunAsync(null, Ct);
        var table = await ExtractionOutput.Open(dir).ReadTableAsync(EventTable.UnknownName, Ct);
        var expected = chain.Expected(0, 119, options.Filter);
        Assert.NotNull(table);
        Assert.Equal(expected.Count, table.Rows.Count);
        Assert.All(table.Rows.Zip(expected), p => Assert.Equal(1_700_000_000L + (p.Second.BlockNumber * 12), p.First[2]));
        Assert.True(Directory.GetDirectories(Path.Combine(dir, "chunks")).Length > 1, "the merge must join several chunks");
        var compacted = await ExtractionOutput.Open(dir).CompactAsync(cancellationToken: Ct);
        var again = await TableFormats.Parse(format).ReadAsync(compacted, EventTable.Unknown, Ct);
        Assert.Equal(table.Rows.Select(r => string.Join("|", r)), again.Select(r => string.Join("|", r)));
    }

    private sealed class SyncProgress(Action<ExtractionProgress> report) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => report(value);
    }
}

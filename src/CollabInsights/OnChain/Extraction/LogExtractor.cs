using System.Diagnostics;
using System.Text.Json;
using CollabInsights.OnChain.Extraction.Internal;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// Extracts event logs from any <see cref="ILogSource"/> into chunked tables: adaptive block ranges,
/// bounded concurrent requests with retries, a confirmation depth, reorg detection by parent hash,
/// atomic chunks and a checkpoint so that a killed run resumes with no gap and no duplicate.
/// </summary>
/// <example>
/// <code>
/// var summary = await new LogExtractor(source, new ExtractionOptions { OutputDirectory = "out", Filter = EventFilter.ForAddresses(ledger) })
///     .RunAsync(progress, ct);
/// var tables = await ExtractionOutput.Open("out").ReadTableAsync("OutcomeAttested", ct);
/// </code>
/// </example>
public sealed class LogExtractor
{
    private const int HeaderBatch = 100;
    private const int ConsistencyAttempts = 6;

    private readonly ILogSource _source;
    private readonly ExtractionOptions _options;

    /// <summary>Creates an extractor; nothing runs until <see cref="RunAsync"/>.</summary>
    public LogExtractor(ILogSource source, ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (options.FromBlock < 0)
        {
            throw new CollabInsightsException($"The first block must be 0 or more (got {options.FromBlock}).");
        }

        if (options.ToBlock is { } last && last < options.FromBlock)
        {
            throw new CollabInsightsException($"The last block ({last}) is before the first ({options.FromBlock}): give --from B --to B with B(from) <= B(to), or --to latest.");
        }

        _source = source;
        _options = options;
    }

    /// <summary>Test hook: runs after a chunk folder is in place and before the checkpoint records it.</summary>
    internal Func<string, Task>? AfterChunkWritten { get; set; }

    /// <summary>Runs (or resumes) the extraction up to the target block, then writes and returns the run summary.</summary>
    public async Task<ExtractionSummary> RunAsync(IProgress<ExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = new Run(this, progress);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Segment(long From, long To, int Generation, List<RpcLog> Logs, Dictionary<long, BlockHeader> Headers, DecodedLog[] Decoded);

    private sealed class Run
    {
        private readonly LogExtractor _owner;
        private readonly ExtractionOptions _o;
        private readonly ILogSource _source;
        private readonly IProgress<ExtractionProgress>? _progress;
        private readonly RequestGate _gate;
        private readonly AdaptiveRange _range;
        private readonly ChunkStore _store;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<string, Dictionary<string, long>> _writtenByThisRun = new(StringComparer.Ordinal);
        private readonly List<Segment> _pending = [];
        private SortedDictionary<long, string> _hashes = [];
        private ExtractionCheckpoint _checkpoint = null!;
        private long _written;
        private long _frontier;
        private long _startFrontier;
        private long _to;
        private long _unsafeFrom;
        private long _pendingLogs;
        private long _logsCommitted;
        private long _reorgs;
        private long _rolledBack;
        private long _lastFlushMs;
        private long _lastProgressMs = -1000;

        public Run(LogExtractor owner, IProgress<ExtractionProgress>? progress)
        {
            _owner = owner;
            _o = owner._options;
            _source = owner._source;
            _progress = progress;
            _gate = new RequestGate(_o);
            _range = new AdaptiveRange(_o.InitialBlockRange, _o.MaxBlockRange, _o.TargetLogsPerRequest);
            _store = new ChunkStore(_o.OutputDirectory);
        }

        public async Task<ExtractionSummary> ExecuteAsync(CancellationToken ct)
        {
            var chainId = await _gate.RunAsync(_source.GetChainIdAsync, ct).ConfigureAwait(false);
            var filter = _o.Filter.Describe();
            var existing = _store.LoadCheckpoint();
            if (existing is not null)
            {
                if (existing.ChainId != chainId || existing.FromBlock != _o.FromBlock || existing.Filter != filter || existing.Format != _o.Format.Name)
                {
                    throw new CollabInsightsException(
                        $"{_store.OutputDirectory} holds an extraction of chain {existing.ChainId} from block {existing.FromBlock} ({existing.Filter}, {existing.Format}); " +
                        $"this run asks for chain {chainId} from block {_o.FromBlock} ({filter}, {_o.Format.Name}). Use another output folder or delete this one.");
                }

                _checkpoint = existing;
            }
            else
            {
                _checkpoint = new ExtractionCheckpoint { ChainId = chainId, FromBlock = _o.FromBlock, Filter = filter, Format = _o.Format.Name, LastCompletedBlock = _o.FromBlock - 1 };
            }

            _store.RemoveUncommitted(_checkpoint.LastCompletedBlock);
            _hashes = new SortedDictionary<long, string>(_checkpoint.RecentBlockHashes);
            _written = _frontier = _startFrontier = _checkpoint.LastCompletedBlock;
            if (existing is null)
            {
                _store.SaveCheckpoint(_checkpoint);
            }

            var latest = await _gate.RunAsync(_source.GetLatestBlockAsync, ct).ConfigureAwait(false);
            _to = _o.ToBlock ?? latest - _o.Confirmations;
            while (_o.ToBlock is { } target && target > latest - _o.Confirmations)
            {
                await Task.Delay(_o.HeadPollInterval, ct).ConfigureAwait(false);
                latest = await _gate.RunAsync(_source.GetLatestBlockAsync, ct).ConfigureAwait(false);
            }

            _unsafeFrom = latest - _o.ReorgWindow + 1;
            _lastFlushMs = _clock.ElapsedMilliseconds;
            await PumpAsync(ct).ConfigureAwait(false);
            await FlushAsync(ct).ConfigureAwait(false);
            Report(force: true);
            var summary = BuildSummary(chainId, filter, existing is null ? null : _startFrontier);
            AtomicFile.WriteAllBytes(Path.Combine(_store.OutputDirectory, "summary.json"), JsonSerializer.SerializeToUtf8Bytes(summary, ChunkStore.Json));
            return summary;
        }

        private async Task PumpAsync(CancellationToken outer)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
            var ct = cts.Token;
            var inflight = new List<Task<Segment>>();
            var ready = new Dictionary<long, Segment>();
            var generation = 0;
            var next = _frontier + 1;
            // Spread a short range over all request slots instead of sending it as one request.
            var split = Math.Max(1, (_to - _frontier + Math.Max(1, _o.MaxConcurrency) - 1) / Math.Max(1, _o.MaxConcurrency));
            try
            {
                while (true)
                {
                    while (inflight.Count < Math.Max(1, _o.MaxConcurrency) && next <= _to && ready.Count < 4 * Math.Max(1, _o.MaxConcurrency))
                    {
                        var end = Math.Min(_to, next + Math.Min(split, _range.Current) - 1);
                        inflight.Add(FetchSegmentAsync(next, end, generation, ct));
                        next = end + 1;
                    }

                    if (inflight.Count == 0)
                    {
                        return;
                    }

                    var done = await Task.WhenAny(inflight).ConfigureAwait(false);
                    inflight.Remove(done);
                    var segment = await done.ConfigureAwait(false);
                    if (segment.Generation != generation)
                    {
                        continue;
                    }

                    ready[segment.From] = segment;
                    while (ready.Remove(_frontier + 1, out var s))
                    {
                        var first = s.Headers[s.From];
                        if (_hashes.TryGetValue(s.From - 1, out var parent) && !string.Equals(first.ParentHash, parent, StringComparison.OrdinalIgnoreCase))
                        {
                            await RollBackAsync(ct).ConfigureAwait(false);
                            generation++;
                            ready.Clear();
                            next = _frontier + 1;
                            break;
                        }

                        Commit(s);
                        if (_pendingLogs >= _o.ChunkMaxLogs || _clock.ElapsedMilliseconds - _lastFlushMs >= _o.ChunkMaxInterval.TotalMilliseconds)
                        {
                            await FlushAsync(ct).ConfigureAwait(false);
                        }
                    }

                    Report(force: false);
                }
            }
            catch
            {
                await cts.CancelAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(inflight).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The first failure is the one reported.
                }

                throw;
            }
        }

        private void Commit(Segment s)
        {
            _pending.Add(s);
            _pendingLogs += s.Logs.Count;
            _logsCommitted += s.Logs.Count;
            _frontier = s.To;
            foreach (var h in s.Headers.Values)
            {
                _hashes[h.Number] = h.Hash;
            }

            TrimHashes();
        }

        private void TrimHashes()
        {
            var keepFrom = _frontier - Math.Max(1, _o.ReorgWindow);
            foreach (var k in _hashes.Keys.Where(k => k < keepFrom || k > _frontier).ToList())
            {
                _hashes.Remove(k);
            }
        }

        private async Task RollBackAsync(CancellationToken ct)
        {
            long ancestor = -1;
            foreach (var k in _hashes.Keys.Reverse().ToList())
            {
                var header = (await GetHeadersAsync([k], ct).ConfigureAwait(false))[0];
                if (string.Equals(header.Hash, _hashes[k], StringComparison.OrdinalIgnoreCase))
                {
                    ancestor = k;
                    break;
                }
            }

            if (ancestor < 0)
            {
                throw new CollabInsightsException(
                    $"A reorg replaced every one of the {_hashes.Count} recent blocks kept (up to block {_frontier}). Extract with more --confirmations, or delete the output folder and start over.");
            }

            _reorgs++;
            var oldFrontier = _frontier;
            if (ancestor >= _written)
            {
                var keep = _pending.Where(p => p.To <= ancestor).ToList();
                foreach (var dropped in _pending.Except(keep))
                {
                    _pendingLogs -= dropped.Logs.Count;
                    _logsCommitted -= dropped.Logs.Count;
                }

                _pending.Clear();
                _pending.AddRange(keep);
                _frontier = keep.Count > 0 ? keep[^1].To : _written;
            }
            else
            {
                var doomed = _store.ListChunks().Where(c => c.ToBlock > ancestor).ToList();
                var newWritten = doomed.Count > 0 ? doomed.Min(c => c.FromBlock) - 1 : ancestor;
                foreach (var p in _pending)
                {
                    _logsCommitted -= p.Logs.Count;
                }

                _pending.Clear();
                _pendingLogs = 0;
                _written = _frontier = newWritten;
                TrimHashes();
                _checkpoint = _checkpoint with { LastCompletedBlock = _written, RecentBlockHashes = new SortedDictionary<long, string>(_hashes) };
                _store.SaveCheckpoint(_checkpoint);
                foreach (var chunk in doomed)
                {
                    if (_writtenByThisRun.Remove(chunk.Path, out var counts))
                    {
                        _logsCommitted -= counts.Values.Sum();
                    }

                    Directory.Delete(chunk.Path, recursive: true);
                }
            }

            TrimHashes();
            _rolledBack += oldFrontier - _frontier;
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            _lastFlushMs = _clock.ElapsedMilliseconds;
            if (_pending.Count == 0)
            {
                return;
            }

            var from = _written + 1;
            var to = _frontier;
            var tables = BuildTables(_pending);
            var chunk = await _store.WriteChunkAsync(from, to, tables, _o.Format, ct).ConfigureAwait(false);
            _writtenByThisRun[chunk.Path] = tables.ToDictionary(t => t.Table.Name, t => (long)t.Rows.Count, StringComparer.Ordinal);
            if (_owner.AfterChunkWritten is { } hook)
            {
                await hook(chunk.Path).ConfigureAwait(false);
            }

            _written = to;
            _checkpoint = _checkpoint with { LastCompletedBlock = to, RecentBlockHashes = new SortedDictionary<long, string>(_hashes) };
            _store.SaveCheckpoint(_checkpoint);
            _pending.Clear();
            _pendingLogs = 0;
        }

        private List<TableChunk> BuildTables(List<Segment> segments)
        {
            var timestamps = new Dictionary<long, long>();
            if (_o.BlockTimestamps)
            {
                foreach (var h in segments.SelectMany(s => s.Headers.Values))
                {
                    timestamps[h.Number] = h.Timestamp;
                }
            }

            var byTable = new Dictionary<string, (EventTable Table, List<object?[]> Rows)>(StringComparer.Ordinal);
            foreach (var d in segments.SelectMany(s => s.Decoded))
            {
                if (!byTable.TryGetValue(d.Table.Name, out var entry))
                {
                    entry = (d.Table, []);
                    byTable[d.Table.Name] = entry;
                }

                var row = new object?[EventTable.CommonColumns.Count + d.Values.Count];
                row[0] = d.Log.BlockNumber;
                row[1] = d.Log.BlockHash;
                row[2] = timestamps.TryGetValue(d.Log.BlockNumber, out var ts) ? ts : null;
                row[3] = d.Log.TransactionHash;
                row[4] = (long)d.Log.LogIndex;
                row[5] = AddressText.Checksum(d.Log.Address);
                for (var i = 0; i < d.Values.Count; i++)
                {
                    row[EventTable.CommonColumns.Count + i] = d.Values[i];
                }

                entry.Rows.Add(row);
            }

            return [.. byTable.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new TableChunk(kv.Value.Table, kv.Value.Rows))];
        }

        private async Task<Segment> FetchSegmentAsync(long from, long to, int generation, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                var logs = new List<RpcLog>();
                var a = from;
                while (a <= to)
                {
                    var b = Math.Min(to, a + _range.Current - 1);
                    var start = a;
                    try
                    {
                        // The range is re-read on every attempt, so a timeout (which halves it) retries a smaller range.
                        var got = await _gate.RunAsync(
                            t =>
                            {
                                b = Math.Min(to, start + _range.Current - 1);
                                return _source.GetLogsAsync(start, b, _o.Filter, t);
                            },
                            _range.OnTimeout,
                            ct).ConfigureAwait(false);
                        logs.AddRange(got);
                        _range.OnSuccess(b - a + 1, got.Count);
                        a = b + 1;
                    }
                    catch (LogSourceException e) when (RangeErrorClassifier.Classify(e.RpcCode, e.Message) is { } limit)
                    {
                        if (!_range.OnLimitError(b - a + 1, limit))
                        {
                            throw new CollabInsightsException($"Block {a} alone holds more logs than the provider returns in one response ({e.Message}). Narrow the filter (--address, --topic0) or use a provider without this limit.", e);
                        }
                    }
                }

                var numbers = new SortedSet<long> { from, to };
                for (var n = Math.Max(from, _unsafeFrom); n <= to; n++)
                {
                    numbers.Add(n);
                }

                foreach (var log in logs)
                {
                    if (_o.BlockTimestamps || log.BlockNumber >= _unsafeFrom)
                    {
                        numbers.Add(log.BlockNumber);
                    }
                }

                var headerList = await GetHeadersAsync([.. numbers], ct).ConfigureAwait(false);
                var headers = headerList.ToDictionary(h => h.Number);
                if (Consistent(logs, headers, from, to, out var cleaned))
                {
                    // Decode here, on the fetching task, so decoding overlaps with other requests in flight.
                    var decoder = _o.Decoder;
                    var decoded = await Task.Run(() => cleaned.Select(decoder.Decode).ToArray(), ct).ConfigureAwait(false);
                    return new Segment(from, to, generation, cleaned, headers, decoded);
                }

                if (attempt >= ConsistencyAttempts)
                {
                    throw new CollabInsightsException($"Blocks {from}..{to} kept changing while being read (logs and headers disagree after {attempt} attempts). Extract with more --confirmations.");
                }

                Interlocked.Increment(ref _reorgs);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct).ConfigureAwait(false);
            }
        }

        private static bool Consistent(List<RpcLog> logs, Dictionary<long, BlockHeader> headers, long from, long to, out List<RpcLog> cleaned)
        {
            cleaned = [];
            foreach (var h in headers.Values)
            {
                if (headers.TryGetValue(h.Number - 1, out var parent) && !string.Equals(h.ParentHash, parent.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            var seen = new HashSet<(long, int)>();
            foreach (var log in logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex))
            {
                if (log.BlockNumber < from || log.BlockNumber > to || !seen.Add((log.BlockNumber, log.LogIndex)))
                {
                    continue;
                }

                if (headers.TryGetValue(log.BlockNumber, out var header) && !string.Equals(header.Hash, log.BlockHash, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                cleaned.Add(log);
            }

            return true;
        }

        private async Task<IReadOnlyList<BlockHeader>> GetHeadersAsync(IReadOnlyList<long> numbers, CancellationToken ct)
        {
            var result = new List<BlockHeader>(numbers.Count);
            for (var i = 0; i < numbers.Count; i += HeaderBatch)
            {
                var batch = numbers.Skip(i).Take(HeaderBatch).ToArray();
                var got = await _gate.RunAsync(t => _source.GetBlockHeadersAsync(batch, t), ct).ConfigureAwait(false);
                if (got.Count != batch.Length)
                {
                    throw new CollabInsightsException($"The log source returned {got.Count} headers for {batch.Length} blocks ({batch[0]}..{batch[^1]}). Is the range beyond the chain head?");
                }

                result.AddRange(got);
            }

            return result;
        }

        private void Report(bool force)
        {
            if (_progress is null)
            {
                return;
            }

            var now = _clock.ElapsedMilliseconds;
            if (!force && now - _lastProgressMs < 250)
            {
                return;
            }

            _lastProgressMs = now;
            var seconds = Math.Max(1e-3, _clock.Elapsed.TotalSeconds);
            var done = _frontier - _startFrontier;
            var total = Math.Max(0, _to - _startFrontier);
            var bps = done / seconds;
            TimeSpan? eta = bps > 0 ? TimeSpan.FromSeconds((total - done) / bps) : null;
            _progress.Report(new ExtractionProgress(done, total, _logsCommitted, bps, _logsCommitted / seconds, eta, _range.Current, _gate.Limit, _gate.Retries, _reorgs));
        }

        private ExtractionSummary BuildSummary(long chainId, string filter, long? resumedAfter)
        {
            var perTable = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var counts in _writtenByThisRun.Values)
            {
                foreach (var (table, n) in counts)
                {
                    perTable[table] = perTable.GetValueOrDefault(table) + n;
                }
            }

            var seconds = Math.Max(1e-6, _clock.Elapsed.TotalSeconds);
            var blocks = Math.Max(0, _frontier - _startFrontier);
            var logs = perTable.Values.Sum();
            return new ExtractionSummary
            {
                ChainId = chainId,
                FromBlock = _o.FromBlock,
                ToBlock = _to,
                Filter = filter,
                Format = _o.Format.Name,
                ResumedAfterBlock = resumedAfter,
                BlocksExtracted = blocks,
                LogsExtracted = logs,
                LogsPerTable = perTable,
                UnknownLogs = perTable.GetValueOrDefault(EventTable.UnknownName),
                Chunks = _writtenByThisRun.Count,
                Requests = _gate.Requests,
                Retries = _gate.Retries,
                RateLimited = _gate.RateLimited,
                RangeShrinks = _range.Shrinks,
                Reorgs = _reorgs,
                RolledBackBlocks = _rolledBack,
                FinalBlockRange = _range.Current,
                ElapsedSeconds = Math.Round(seconds, 3),
                BlocksPerSecond = Math.Round(blocks / seconds, 1),
                LogsPerSecond = Math.Round(logs / seconds, 1),
            };
        }
    }
}

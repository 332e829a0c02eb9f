using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using CollabInsights.Benchmarks.Internal;

namespace CollabInsights.Benchmarks;

/// <summary>
/// A tamper-evident ledger table on SQLite or PostgreSQL: each row stores the SHA-256 content
/// hash of its canonical encoding (<see cref="BenchOutcomeRecord.CanonicalBytes"/>), the previous
/// row's hash and its own row hash = SHA-256(prev || content); every <see cref="BlockSize"/>
/// rows a block is sealed with the Merkle root of its content hashes and a block hash chained to
/// the previous block. The newest block hash is the published anchor that proofs and the tamper
/// check end in (in production it would be published outside the database, e.g. on a chain).
/// </summary>
public sealed class HashChainedBackend : ILedgerBackend
{
    private const string Rows = "ledger_records";
    private const string Blocks = "ledger_blocks";
    private static readonly string[] HashColumns = ["content_hash", "prev_hash", "row_hash"];
    private readonly SqlStore _store;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly List<byte[]> _open = [];
    private long _nextSeq = 1;
    private long _openFirstSeq = 1;
    private long _blockNo;
    private byte[] _lastRowHash = new byte[32];
    private byte[] _lastBlockHash = new byte[32];
    private long _sealedThroughSeq;

    private HashChainedBackend(SqlStore store, string name, int blockSize)
    {
        if (blockSize < 1)
        {
            throw new CollabInsightsException($"The Merkle block size must be at least 1 (got {blockSize}).");
        }

        _store = store;
        Name = name;
        BlockSize = blockSize;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Rows per sealed Merkle block (K). Default 1000.</summary>
    public int BlockSize { get; }

    /// <summary>The published anchor: hex hash of the newest sealed block (zeros before the first block).</summary>
    public string PublishedHead => Convert.ToHexStringLower(_lastBlockHash);

    /// <inheritdoc />
    public bool IsTamperEvident => true;

    /// <inheritdoc />
    public IReadOnlyList<string> TamperColumns => [.. RecordColumns.DataColumns, .. HashColumns];

    /// <summary>A hash-chained table in SQLite file <paramref name="databaseFile"/>, sealing a block every <paramref name="blockSize"/> rows.</summary>
    public static HashChainedBackend OnSqlite(string databaseFile, int blockSize = 1000) =>
        new(SqlStore.ForSqlite(databaseFile), "hashchain-sqlite", blockSize);

    /// <summary>A hash-chained table in PostgreSQL (connection string defaults to <c>COLLAB_PG</c>) in schema <paramref name="schema"/>, sealing a block every <paramref name="blockSize"/> rows.</summary>
    public static HashChainedBackend OnPostgres(string? connectionString = null, string schema = "collab_bench_chain", int blockSize = 1000) =>
        new(SqlStore.ForPostgres(PostgresConnection.Resolve(connectionString), schema), "hashchain-postgres", blockSize);

    /// <inheritdoc />
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _store.ResetAsync(
            $"CREATE TABLE {Rows} (seq bigint PRIMARY KEY, {RecordColumns.Ddl(_store)}, content_hash {_store.Blob} NOT NULL, prev_hash {_store.Blob} NOT NULL, row_hash {_store.Blob} NOT NULL); " +
            $"CREATE INDEX ledger_records_period ON {Rows} (period_start); " +
            $"CREATE TABLE {Blocks} (block_no bigint PRIMARY KEY, first_seq bigint NOT NULL, last_seq bigint NOT NULL, merkle_root {_store.Blob} NOT NULL, prev_block_hash {_store.Blob} NOT NULL, block_hash {_store.Blob} NOT NULL);",
            cancellationToken,
            [Rows, Blocks]).ConfigureAwait(false);
        _open.Clear();
        _nextSeq = 1;
        _openFirstSeq = 1;
        _blockNo = 0;
        _sealedThroughSeq = 0;
        _lastRowHash = new byte[32];
        _lastBlockHash = new byte[32];
    }

    /// <inheritdoc />
    public Task WriteAsync(BenchOutcomeRecord record, CancellationToken cancellationToken) => WriteBatchAsync([record], cancellationToken);

    /// <inheritdoc />
    public async Task WriteBatchAsync(IReadOnlyList<BenchOutcomeRecord> records, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = new ChainState(_nextSeq, _openFirstSeq, _blockNo, _lastRowHash, _lastBlockHash, [.. _open], _sealedThroughSeq);
            await _store.UseAsync(records.Count > 1 || _open.Count + 1 >= BlockSize, async s =>
            {
                foreach (var record in records)
                {
                    var content = record.ContentHash();
                    var rowHash = RowHash(state.LastRowHash, content);
                    await s.ExecuteAsync(InsertSql, RecordColumns.Values(record, state.NextSeq, content, state.LastRowHash, rowHash)).ConfigureAwait(false);
                    state.LastRowHash = rowHash;
                    state.Open.Add(content);
                    state.NextSeq++;
                    if (state.Open.Count >= BlockSize)
                    {
                        await SealAsync(s, state).ConfigureAwait(false);
                    }
                }

                return 0;
            }, cancellationToken).ConfigureAwait(false);
            Apply(state);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Seals the open (partial) block so every written record is provable.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_open.Count == 0)
            {
                return;
            }

            var state = new ChainState(_nextSeq, _openFirstSeq, _blockNo, _lastRowHash, _lastBlockHash, [.. _open], _sealedThroughSeq);
            await _store.UseAsync(true, async s =>
            {
                await SealAsync(s, state).ConfigureAwait(false);
                return 0;
            }, cancellationToken).ConfigureAwait(false);
            Apply(state);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<BenchOutcomeRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await _store.UseAsync(false, s => s.QueryAsync($"SELECT {RecordColumns.List} FROM {Rows} WHERE id = @p0", r => RecordColumns.Read(r), id), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchOutcomeRecord>> QueryPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await _store.UseAsync(false, s => s.QueryAsync($"SELECT {RecordColumns.List} FROM {Rows} WHERE period_start >= @p0 AND period_end <= @p1 ORDER BY id", r => RecordColumns.Read(r), from, to), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, decimal>> PaidPerFunderAsync(CancellationToken cancellationToken)
    {
        var rows = await _store.UseAsync(false, s => s.QueryAsync(
            $"SELECT funder_id, SUM(amount_minor) FROM {Rows} GROUP BY funder_id ORDER BY funder_id",
            r => (Funder: r.GetString(0), Minor: Convert.ToDecimal(r.GetValue(1), CultureInfo.InvariantCulture))), cancellationToken).ConfigureAwait(false);
        return new SortedDictionary<string, decimal>(rows.ToDictionary(r => r.Funder, r => r.Minor / 100m), StringComparer.Ordinal);
    }

    /// <summary>Merkle proof of the record's content hash to its block root, then the headers of that block and every later block up to the published head.</summary>
    public async Task<AuditProof> ProveAsync(string id, CancellationToken cancellationToken)
    {
        return await _store.UseAsync(false, async s =>
        {
            var found = await s.QueryAsync($"SELECT seq, {RecordColumns.List} FROM {Rows} WHERE id = @p0", r => (Seq: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Record: RecordColumns.Read(r, 1)), id).ConfigureAwait(false);
            if (found.Count == 0)
            {
                throw new CollabInsightsException($"Record '{id}' is not in {Name}.");
            }

            var (seq, record) = found[0];
            var headers = await s.QueryAsync(
                $"SELECT block_no, first_seq, last_seq, merkle_root, prev_block_hash FROM {Blocks} WHERE last_seq >= @p0 ORDER BY block_no",
                r => new Header(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture), (byte[])r.GetValue(3), (byte[])r.GetValue(4)),
                seq).ConfigureAwait(false);
            if (headers.Count == 0 || headers[0].FirstSeq > seq)
            {
                throw new CollabInsightsException($"Record '{id}' is not in a sealed block yet; call FlushAsync before asking for its proof.");
            }

            var leaves = await s.QueryAsync($"SELECT content_hash FROM {Rows} WHERE seq >= @p0 AND seq <= @p1 ORDER BY seq", r => (byte[])r.GetValue(0), headers[0].FirstSeq, headers[0].LastSeq).ConfigureAwait(false);
            var steps = MerkleTree.Proof(leaves, (int)(seq - headers[0].FirstSeq));
            steps.AddRange(headers.Select(h => h.Encode()));
            return new AuditProof(id, AuditProofKind.MerkleHashChain, record, steps, PublishedHead);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Recomputes the content hash from the record, folds the Merkle path to the block root, and walks the block hashes to the published head.</summary>
    public Task<bool> VerifyAsync(AuditProof proof, CancellationToken cancellationToken) => Task.FromResult(Verify(proof, PublishedHead));

    /// <summary>Checks <paramref name="proof"/> offline against <paramref name="trustedHead"/> (hex block hash obtained out of band).</summary>
    public static bool Verify(AuditProof proof, string trustedHead)
    {
        if (proof.Kind != AuditProofKind.MerkleHashChain || proof.Record is null || !string.Equals(proof.Anchor, trustedHead, StringComparison.Ordinal))
        {
            return false;
        }

        var merkleSteps = proof.Steps.TakeWhile(s => s[0] is 'L' or 'R').ToList();
        var headers = proof.Steps.Skip(merkleSteps.Count).Select(Header.Decode).ToList();
        if (headers.Count == 0 || !MerkleTree.RootFromProof(proof.Record.ContentHash(), merkleSteps).AsSpan().SequenceEqual(headers[0].MerkleRoot))
        {
            return false;
        }

        byte[]? previous = null;
        foreach (var header in headers)
        {
            if (previous is not null && !previous.AsSpan().SequenceEqual(header.PrevBlockHash))
            {
                return false;
            }

            previous = header.Hash();
        }

        return Convert.ToHexStringLower(previous!) == trustedHead;
    }

    /// <inheritdoc />
    public async Task TamperAsync(string id, string column, CancellationToken cancellationToken)
    {
        var changed = await _store.RawAsync(RecordColumns.TamperSql(_store, Rows, column), id, cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new CollabInsightsException($"Tampering with record '{id}' changed {changed} rows in {Name}; write the record first.");
        }
    }

    /// <summary>
    /// Walks every row in write order: recomputes each content hash from the stored columns, checks
    /// the previous-hash links and row hashes, recomputes each block's Merkle root and the block
    /// hash chain, and compares the newest block hash with the published anchor. "Detected" means
    /// any of these recomputations disagrees with what is stored or published.
    /// </summary>
    public Task<TamperCheck> DetectTamperingAsync(CancellationToken cancellationToken) => CheckAsync(_lastBlockHash, cancellationToken);

    /// <summary>The same walk as <see cref="DetectTamperingAsync"/> without the published anchor: what the hash chain alone can tell.</summary>
    public Task<TamperCheck> CheckHashChainAsync(CancellationToken cancellationToken) => CheckAsync(null, cancellationToken);

    /// <summary>The newest block hash stored in the database (hex; zeros before the first block), whatever was published.</summary>
    public async Task<string> ReadStoredHeadAsync(CancellationToken cancellationToken) =>
        (await _store.UseAsync(false, s => s.QueryAsync($"SELECT block_hash FROM {Blocks} ORDER BY block_no DESC LIMIT 1", r => Convert.ToHexStringLower((byte[])r.GetValue(0))), cancellationToken).ConfigureAwait(false))
            .FirstOrDefault() ?? new string('0', 64);

    /// <summary>
    /// The insider attack: a database administrator changes the amount of <paramref name="id"/> and then recomputes every
    /// content hash, previous-row and row hash, Merkle block root and block hash, so the table is consistent again. Only a
    /// head published outside the database can tell. Returns the new stored head (hex).
    /// </summary>
    public async Task<string> RewriteHistoryAsync(string id, CancellationToken cancellationToken)
    {
        await TamperAsync(id, "amount_minor", cancellationToken).ConfigureAwait(false);
        return await _store.UseAsync(true, async s =>
        {
            var rows = await s.QueryAsync($"SELECT seq, {RecordColumns.List} FROM {Rows} ORDER BY seq", r => (Seq: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Record: RecordColumns.Read(r, 1))).ConfigureAwait(false);
            var blocks = await s.QueryAsync($"SELECT block_no, first_seq, last_seq FROM {Blocks} ORDER BY block_no", r => (No: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), First: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Last: Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture))).ConfigureAwait(false);
            var prev = new byte[32];
            var contents = new Dictionary<long, byte[]>();
            foreach (var (seq, record) in rows)
            {
                var content = record.ContentHash();
                var rowHash = RowHash(prev, content);
                await s.ExecuteAsync($"UPDATE {Rows} SET content_hash = @p0, prev_hash = @p1, row_hash = @p2 WHERE seq = @p3", content, prev, rowHash, seq).ConfigureAwait(false);
                prev = rowHash;
                contents[seq] = content;
            }

            var prevBlock = new byte[32];
            foreach (var (no, first, last) in blocks)
            {
                var leaves = new List<byte[]>();
                for (var seq = first; seq <= last; seq++)
                {
                    leaves.Add(contents[seq]);
                }

                var header = new Header(no, first, last, MerkleTree.Root(leaves), prevBlock);
                prevBlock = header.Hash();
                await s.ExecuteAsync($"UPDATE {Blocks} SET merkle_root = @p0, prev_block_hash = @p1, block_hash = @p2 WHERE block_no = @p3", header.MerkleRoot, header.PrevBlockHash, prevBlock, no).ConfigureAwait(false);
            }

            return Convert.ToHexStringLower(prevBlock);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TamperCheck> CheckAsync(byte[]? publishedHead, CancellationToken cancellationToken)
    {
        var headers = await _store.UseAsync(false, s => s.QueryAsync(
            $"SELECT block_no, first_seq, last_seq, merkle_root, prev_block_hash, block_hash FROM {Blocks} ORDER BY block_no",
            r => (Header: new Header(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture), (byte[])r.GetValue(3), (byte[])r.GetValue(4)), Stored: (byte[])r.GetValue(5))), cancellationToken).ConfigureAwait(false);
        long checkedRows = 0;
        string? firstBad = null;
        string? problem = null;
        var prev = new byte[32];
        var expectedSeq = 1L;
        var blockIndex = 0;
        var leaves = new List<byte[]>();
        var prevBlockHash = new byte[32];
        string? blockFirstId = null;

        void Fail(string id, string what)
        {
            if (problem is null)
            {
                firstBad = id;
                problem = what;
            }
        }

        await _store.UseAsync(false, async s =>
        {
            await s.ForEachAsync($"SELECT seq, {RecordColumns.List}, content_hash, prev_hash, row_hash FROM {Rows} ORDER BY seq", r =>
            {
                var seq = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
                var record = RecordColumns.Read(r, 1);
                var storedContent = (byte[])r.GetValue(11);
                var storedPrev = (byte[])r.GetValue(12);
                var storedRow = (byte[])r.GetValue(13);
                checkedRows++;
                var content = record.ContentHash();
                blockFirstId ??= record.Id;
                if (seq != expectedSeq)
                {
                    Fail(record.Id, $"row sequence jumps from {expectedSeq - 1} to {seq} (a row was deleted or inserted)");
                }

                if (!content.AsSpan().SequenceEqual(storedContent))
                {
                    Fail(record.Id, $"content hash of row {seq} does not match its columns");
                }

                if (!storedPrev.AsSpan().SequenceEqual(prev))
                {
                    Fail(record.Id, $"row {seq} does not link to the hash of row {seq - 1}");
                }

                var rowHash = RowHash(prev, content);
                if (!rowHash.AsSpan().SequenceEqual(storedRow))
                {
                    Fail(record.Id, $"row hash of row {seq} does not match");
                }

                prev = storedRow;
                expectedSeq = seq + 1;
                leaves.Add(content);
                if (blockIndex < headers.Count && seq == headers[blockIndex].Header.LastSeq)
                {
                    var (header, stored) = headers[blockIndex];
                    if (!MerkleTree.Root(leaves).AsSpan().SequenceEqual(header.MerkleRoot))
                    {
                        Fail(blockFirstId, $"Merkle root of block {header.BlockNo} (rows {header.FirstSeq}-{header.LastSeq}) does not match its rows");
                    }

                    if (!header.PrevBlockHash.AsSpan().SequenceEqual(prevBlockHash) || !header.Hash().AsSpan().SequenceEqual(stored))
                    {
                        Fail(blockFirstId, $"block {header.BlockNo} does not chain to block {header.BlockNo - 1}");
                    }

                    prevBlockHash = header.Hash();
                    leaves.Clear();
                    blockFirstId = null;
                    blockIndex++;
                }
            }).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);

        if (problem is null && publishedHead is not null && !prevBlockHash.AsSpan().SequenceEqual(publishedHead))
        {
            problem = "the newest block hash differs from the published anchor";
        }

        if (problem is null && expectedSeq - 1 < _sealedThroughSeq)
        {
            problem = $"only {expectedSeq - 1} rows remain but {_sealedThroughSeq} were sealed";
        }

        return problem is null
            ? new TamperCheck(false, checkedRows, null, $"All {checkedRows} rows match their content hashes, hash links, {headers.Count} Merkle block roots" + (publishedHead is null ? " (no published head compared)" : $" and the published head {PublishedHead[..16]}..."))
            : new TamperCheck(true, checkedRows, firstBad, "Tampering detected: " + problem + ".");
    }

    /// <inheritdoc />
    public async Task<double> BytesPerRecordAsync(long recordCount, CancellationToken cancellationToken) =>
        recordCount == 0 ? 0 : (double)await _store.BytesUsedAsync([Rows, Blocks], cancellationToken).ConfigureAwait(false) / recordCount;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _store.DropAsync(CancellationToken.None).ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private static string InsertSql => $"INSERT INTO {Rows} ({RecordColumns.List}, seq, content_hash, prev_hash, row_hash) VALUES ({RecordColumns.Params}, @p10, @p11, @p12, @p13)";

    private static byte[] RowHash(byte[] prev, byte[] content)
    {
        Span<byte> buffer = stackalloc byte[64];
        prev.CopyTo(buffer);
        content.CopyTo(buffer[32..]);
        return SHA256.HashData(buffer);
    }

    private async Task SealAsync(SqlSession s, ChainState state)
    {
        var header = new Header(state.BlockNo + 1, state.OpenFirstSeq, state.NextSeq - 1, MerkleTree.Root(state.Open), state.LastBlockHash);
        var hash = header.Hash();
        await s.ExecuteAsync($"INSERT INTO {Blocks} (block_no, first_seq, last_seq, merkle_root, prev_block_hash, block_hash) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            header.BlockNo, header.FirstSeq, header.LastSeq, header.MerkleRoot, header.PrevBlockHash, hash).ConfigureAwait(false);
        state.BlockNo = header.BlockNo;
        state.LastBlockHash = hash;
        state.SealedThroughSeq = header.LastSeq;
        state.OpenFirstSeq = state.NextSeq;
        state.Open.Clear();
    }

    private void Apply(ChainState state)
    {
        _nextSeq = state.NextSeq;
        _openFirstSeq = state.OpenFirstSeq;
        _blockNo = state.BlockNo;
        _lastRowHash = state.LastRowHash;
        _lastBlockHash = state.LastBlockHash;
        _sealedThroughSeq = state.SealedThroughSeq;
        _open.Clear();
        _open.AddRange(state.Open);
    }

    private sealed class ChainState(long nextSeq, long openFirstSeq, long blockNo, byte[] lastRowHash, byte[] lastBlockHash, List<byte[]> open, long sealedThroughSeq)
    {
        public long NextSeq { get; set; } = nextSeq;

        public long OpenFirstSeq { get; set; } = openFirstSeq;

        public long BlockNo { get; set; } = blockNo;

        public byte[] LastRowHash { get; set; } = lastRowHash;

        public byte[] LastBlockHash { get; set; } = lastBlockHash;

        public List<byte[]> Open { get; } = open;

        public long SealedThroughSeq { get; set; } = sealedThroughSeq;
    }

    private sealed record Header(long BlockNo, long FirstSeq, long LastSeq, byte[] MerkleRoot, byte[] PrevBlockHash)
    {
        public byte[] Hash()
        {
            Span<byte> buffer = stackalloc byte[80];
            PrevBlockHash.CopyTo(buffer);
            MerkleRoot.CopyTo(buffer[32..]);
            BinaryPrimitives.WriteInt64BigEndian(buffer[64..], FirstSeq);
            BinaryPrimitives.WriteInt64BigEndian(buffer[72..], LastSeq);
            return SHA256.HashData(buffer);
        }

        public string Encode() => string.Create(CultureInfo.InvariantCulture, $"H:{BlockNo}:{FirstSeq}:{LastSeq}:{Convert.ToHexStringLower(MerkleRoot)}:{Convert.ToHexStringLower(PrevBlockHash)}");

        public static Header Decode(string text)
        {
            var parts = text.Split(':');
            return parts.Length == 6 && parts[0] == "H"
                ? new Header(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture), Convert.FromHexString(parts[4]), Convert.FromHexString(parts[5]))
                : throw new FormatException("Not a block header step: " + text);
        }
    }
}

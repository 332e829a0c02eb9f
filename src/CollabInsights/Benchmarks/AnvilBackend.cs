using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CollabInsights.Benchmarks.Internal;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using CollabInsights.Verification;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Util;
using Nethereum.Web3;

namespace CollabInsights.Benchmarks;

/// <summary>
/// The outcome-ledger contract (<see cref="OutcomeLedgerService"/>) on a local Anvil chain, with
/// instant mining or a block time. Each record is one signed EIP-1559 transaction calling
/// <c>anchorDataset(projectId, merkleRoot, uri)</c> with merkleRoot = the record's SHA-256 content
/// hash and uri = its canonical encoding, so the record can be read back from the
/// <c>DatasetAnchored</c> event (a production flow would call attestOutcome and payOutcome: about
/// twice the transactions). Lookups go through an off-chain index of id to transaction hash (as
/// any dApp indexer does); range queries and aggregates read every event with <c>eth_getLogs</c>.
/// </summary>
public sealed class AnvilBackend : ILedgerBackend, IChainMetrics
{
    private const int Projects = 40;
    private static readonly BigInteger MaxFee = BigInteger.Parse("100000000000", CultureInfo.InvariantCulture);
    private static readonly BigInteger Tip = BigInteger.Parse("1000000000", CultureInfo.InvariantCulture);
    private readonly AnvilOptions _nodeOptions;
    private readonly int _confirmationDepth;
    private readonly ConcurrentDictionary<string, string> _txById = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(double SubmittedS, long Block)> _inclusions = [];
    private readonly ConcurrentDictionary<long, double> _blockSeenS = new();
    private readonly ConcurrentBag<long> _gas = [];
    private readonly ConcurrentBag<int> _rawSizes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private AnvilNode? _node;
    private Web3? _sender;
    private OutcomeLedgerService? _ledger;
    private long _gasLimit;
    private CancellationTokenSource? _pollerStop;
    private Task? _poller;

    private AnvilBackend(string name, AnvilOptions nodeOptions, int confirmationDepth)
    {
        Name = name;
        _nodeOptions = nodeOptions;
        _confirmationDepth = confirmationDepth;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsTamperEvident => true;

    /// <summary>Anvil cannot change a mined event log, so every column maps to the one local attack it allows: a raw state write (anvil_setStorageAt) to the ledger's record of the record's project.</summary>
    public IReadOnlyList<string> TamperColumns => RecordColumns.DataColumns;

    /// <summary>Seconds between blocks; null for instant mining.</summary>
    public TimeSpan? BlockTime => _nodeOptions.BlockTime;

    /// <inheritdoc />
    public double? GasPerRecord => _gas.IsEmpty ? null : _gas.Average();

    /// <summary>
    /// A backend for one of the benchmark's chain variants: <c>anvil</c> (instant mining),
    /// <c>anvil-1s</c> (1 s block time) or <c>anvil-12s</c> (12 s, as on Ethereum mainnet).
    /// <paramref name="confirmationDepth"/> is the number of blocks on top of the inclusion block
    /// (default 2); <paramref name="anvilPath"/> defaults to the repository's node_modules.
    /// </summary>
    public static AnvilBackend Create(string name, int confirmationDepth = 2, string? anvilPath = null)
    {
        TimeSpan? blockTime = name switch
        {
            "anvil" => null,
            "anvil-1s" => TimeSpan.FromSeconds(1),
            "anvil-12s" => TimeSpan.FromSeconds(12),
            _ => throw new CollabInsightsException($"Unknown chain backend '{name}': use anvil, anvil-1s or anvil-12s."),
        };
        return new AnvilBackend(name, new AnvilOptions { BlockTime = blockTime, ExecutablePath = anvilPath, Accounts = 1, StateHistory = 0 }, confirmationDepth);
    }

    /// <summary>Starts a fresh chain, deploys the ledger and registers the workload's projects.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        _txById.Clear();
        ResetChainMetrics();
        _node = await AnvilNode.StartAsync(_nodeOptions, cancellationToken).ConfigureAwait(false);
        _sender = _node.DevAccount(0);
        (_ledger, _) = await OutcomeLedgerService.DeployAsync(_sender, cancellationToken).ConfigureAwait(false);
        var registrations = new List<Task>();
        for (var p = 0; p < Projects; p++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"proj-{p:D3}");
            registrations.Add(_ledger.RegisterProjectAsync(id, MetadataHash(id), cancellationToken));
        }

        await Task.WhenAll(registrations).ConfigureAwait(false);
        var sample = BenchOutcomeRecord.Generate(0, 999_999_999);
        _gasLimit = (long)((long)(await _sender.Eth.GetContractTransactionHandler<AnchorDatasetFunction>().EstimateGasAsync(_ledger.ContractAddress, Encode(sample)).WaitAsync(cancellationToken).ConfigureAwait(false)).Value * 1.5);
        _pollerStop = new CancellationTokenSource();
        _poller = PollBlocksAsync(_pollerStop.Token);
    }

    /// <inheritdoc />
    public async Task WriteAsync(BenchOutcomeRecord record, CancellationToken cancellationToken)
    {
        var (hash, submitted) = await SendAsync(record, cancellationToken).ConfigureAwait(false);
        await ReceiptAsync(record.Id, hash, submitted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the records' transactions back to back (consecutive nonces), then waits for all receipts.</summary>
    public async Task WriteBatchAsync(IReadOnlyList<BenchOutcomeRecord> records, CancellationToken cancellationToken)
    {
        var sent = new List<(string Id, string Hash, double Submitted)>();
        foreach (var record in records)
        {
            var (hash, submitted) = await SendAsync(record, cancellationToken).ConfigureAwait(false);
            sent.Add((record.Id, hash, submitted));
        }

        await Task.WhenAll(sent.Select(s => ReceiptAsync(s.Id, s.Hash, s.Submitted, cancellationToken))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<BenchOutcomeRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!_txById.TryGetValue(id, out var hash))
        {
            return null;
        }

        var receipt = await CallAsync("eth_getTransactionReceipt", cancellationToken, hash).ConfigureAwait(false);
        return receipt.GetProperty("logs").EnumerateArray().Select(ReadLog).FirstOrDefault(r => r is not null && r.Id == id);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BenchOutcomeRecord>> QueryPeriodAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await AllRecordsAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.PeriodStart >= from && r.PeriodEnd <= to).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, decimal>> PaidPerFunderAsync(CancellationToken cancellationToken) =>
        new SortedDictionary<string, decimal>((await AllRecordsAsync(cancellationToken).ConfigureAwait(false)).GroupBy(r => r.FunderId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount)), StringComparer.Ordinal);

    /// <summary>
    /// The receipt proof: the block's header (RLP) and all its receipts (consensus encoding), the
    /// record's transaction index, and the block hash as anchor. <see cref="VerifyAsync"/> checks the
    /// header hashes to the anchor, the receipts hash to the header's receipts root, the record's
    /// receipt holds the exact DatasetAnchored log of the record, and the anchor is the chain's
    /// canonical block at that height.
    /// </summary>
    public async Task<AuditProof> ProveAsync(string id, CancellationToken cancellationToken)
    {
        if (!_txById.TryGetValue(id, out var hash))
        {
            throw new CollabInsightsException($"Record '{id}' was not written to {Name}.");
        }

        var receipt = await CallAsync("eth_getTransactionReceipt", cancellationToken, hash).ConfigureAwait(false);
        var record = receipt.GetProperty("logs").EnumerateArray().Select(ReadLog).First(r => r is not null && r.Id == id);
        var blockNumber = receipt.GetProperty("blockNumber").GetString()!;
        var block = await CallAsync("eth_getBlockByNumber", cancellationToken, blockNumber, false).ConfigureAwait(false);
        var receipts = await CallAsync("eth_getBlockReceipts", cancellationToken, blockNumber).ConfigureAwait(false);
        var steps = new List<string>
        {
            "N:" + blockNumber.HexToBigInteger(false).ToString(CultureInfo.InvariantCulture),
            "T:" + receipt.GetProperty("transactionIndex").GetString()!.HexToBigInteger(false).ToString(CultureInfo.InvariantCulture),
            "S:" + _sender!.SenderAddress(),
            "C:" + _ledger!.ContractAddress,
            "H:" + Convert.ToHexStringLower(EthProof.HeaderRlp(block)),
        };
        steps.AddRange(receipts.EnumerateArray().Select(r => "R:" + Convert.ToHexStringLower(EthProof.EncodeReceipt(r))));
        return new AuditProof(id, AuditProofKind.ReceiptAndBlockHeader, record, steps, block.GetProperty("hash").GetString()!);
    }

    /// <inheritdoc />
    public async Task<bool> VerifyAsync(AuditProof proof, CancellationToken cancellationToken)
    {
        if (proof.Kind != AuditProofKind.ReceiptAndBlockHeader || proof.Record is null)
        {
            return false;
        }

        string Step(string prefix) => proof.Steps.First(s => s.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        var number = long.Parse(Step("N:"), CultureInfo.InvariantCulture);
        var index = int.Parse(Step("T:"), CultureInfo.InvariantCulture);
        var header = Convert.FromHexString(Step("H:"));
        var receipts = proof.Steps.Where(s => s.StartsWith("R:", StringComparison.Ordinal)).Select(s => Convert.FromHexString(s[2..])).ToList();
        if (Sha3Keccack.Current.CalculateHash(header).ToHex(true) != proof.Anchor.ToLowerInvariant()
            || !EthProof.ReceiptsRootOfHeader(header).AsSpan().SequenceEqual(EthProof.ReceiptsRoot(receipts))
            || index >= receipts.Count
            || receipts[index].AsSpan().IndexOf(ExpectedLog(proof.Record, Step("C:"), Step("S:"))) < 0)
        {
            return false;
        }

        var canonical = await CallAsync("eth_getBlockByNumber", cancellationToken, new HexBigInteger(number).HexValue, false).ConfigureAwait(false);
        return string.Equals(canonical.GetProperty("hash").GetString(), proof.Anchor, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A mined event log cannot be edited through any RPC, so this performs the strongest local
    /// attack Anvil allows: <c>anvil_setStorageAt</c> overwrites the ledger's stored metadata hash of
    /// the record's project (<c>projects[projectId].metadataHash</c>), changing contract state
    /// outside any transaction. <paramref name="column"/> is recorded but the record itself stays as mined.
    /// </summary>
    public async Task TamperAsync(string id, string column, CancellationToken cancellationToken)
    {
        var record = await GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new CollabInsightsException($"Record '{id}' was not written to {Name}.");
        var slot = MetadataSlot(record.ProjectId);
        var current = await CallAsync("eth_getStorageAt", cancellationToken, _ledger!.ContractAddress, slot.ToHex(true), "latest").ConfigureAwait(false);
        if (!(current.GetString()!).HexToByteArray().AsSpan().SequenceEqual(MetadataHash(record.ProjectId)))
        {
            throw new CollabInsightsException("The OutcomeLedger storage layout differs from the one the tamper test expects (projects mapping at slot 1); update AnvilBackend.MetadataSlot.");
        }

        var forged = SHA256.HashData(Encoding.UTF8.GetBytes("tampered:" + column));
        await CallAsync("anvil_setStorageAt", cancellationToken, _ledger.ContractAddress, slot.ToHex(true), forged.ToHex(true)).ConfigureAwait(false);
    }

    /// <summary>
    /// "Detected" means: walking every block from genesis to the head, each header hashes to its
    /// block hash and names its parent's hash; each block's receipts hash to its receipts root; every
    /// indexed record's DatasetAnchored log carries the SHA-256 of its own canonical encoding; and the
    /// ledger's current state (each project's metadata hash read with eth_call) equals what its
    /// ProjectRegistered event, committed in a receipts root, says. A state write made outside a
    /// transaction breaks the last check; an edited log or header would break the others.
    /// </summary>
    public async Task<TamperCheck> DetectTamperingAsync(CancellationToken cancellationToken)
    {
        var head = (long)((await CallAsync("eth_blockNumber", cancellationToken).ConfigureAwait(false)).GetString()!).HexToBigInteger(false);
        string? parent = null;
        long checkedRecords = 0;
        var projectHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var registered = "0x" + ABITypedRegistry.GetEvent<ProjectRegisteredEventDTO>().Sha3Signature;
        for (long start = 0; start <= head; start += 100)
        {
            var numbers = Enumerable.Range(0, (int)Math.Min(100, head - start + 1)).Select(i => start + i).ToList();
            var blocks = await Task.WhenAll(numbers.Select(n => CallAsync("eth_getBlockByNumber", cancellationToken, new HexBigInteger(n).HexValue, false))).ConfigureAwait(false);
            var receiptSets = await Task.WhenAll(numbers.Select(n => CallAsync("eth_getBlockReceipts", cancellationToken, new HexBigInteger(n).HexValue))).ConfigureAwait(false);
            for (var i = 0; i < numbers.Count; i++)
            {
                var block = blocks[i];
                var hash = block.GetProperty("hash").GetString()!;
                if (EthProof.HeaderHash(block).ToHex(true) != hash.ToLowerInvariant() || (parent is not null && !string.Equals(block.GetProperty("parentHash").GetString(), parent, StringComparison.OrdinalIgnoreCase)))
                {
                    return new TamperCheck(true, checkedRecords, null, $"Tampering detected: block {numbers[i]}'s header does not hash to its block hash or does not link to block {numbers[i] - 1}.");
                }

                parent = hash;
                var receipts = receiptSets[i].EnumerateArray().ToList();
                var root = EthProof.ReceiptsRoot(receipts.Select(EthProof.EncodeReceipt).ToList());
                if (root.ToHex(true) != block.GetProperty("receiptsRoot").GetString()!.ToLowerInvariant())
                {
                    return new TamperCheck(true, checkedRecords, null, $"Tampering detected: the receipts of block {numbers[i]} do not hash to its receipts root.");
                }

                foreach (var log in receipts.SelectMany(r => r.GetProperty("logs").EnumerateArray()))
                {
                    var topics = log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
                    if (string.Equals(topics[0], registered, StringComparison.OrdinalIgnoreCase))
                    {
                        projectHashes[topics[1].ToLowerInvariant()] = "0x" + log.GetProperty("data").GetString()![2..66];
                    }
                    else if (ReadLog(log) is { } record)
                    {
                        checkedRecords++;
                        if (!string.Equals(record.ContentHash().ToHex(true), topics[2], StringComparison.OrdinalIgnoreCase))
                        {
                            return new TamperCheck(true, checkedRecords, record.Id, $"Tampering detected: the log of {record.Id} does not carry its content hash.");
                        }
                    }
                }
            }
        }

        foreach (var (projectId, eventHash) in projectHashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var output = await _ledger!.ProjectsQueryAsync(new ProjectsFunction { ProjectId = projectId.HexToByteArray() }).WaitAsync(cancellationToken).ConfigureAwait(false);
            var stateHash = output.MetadataHash.ToHex(true);
            if (!string.Equals(stateHash, eventHash, StringComparison.OrdinalIgnoreCase))
            {
                var name = LedgerIds.ToText(projectId);
                var firstRecord = _txById.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
                return new TamperCheck(true, checkedRecords, null,
                    $"Tampering detected: the ledger state of project {name} (metadata hash {stateHash[..10]}...) differs from its ProjectRegistered event ({eventHash[..10]}...), which is committed in a block's receipts root: state was changed outside a transaction (anvil_setStorageAt). The mined records themselves cannot be changed: all {checkedRecords} record logs still match their receipts roots and block hashes.");
            }
        }

        return new TamperCheck(false, checkedRecords, null, $"All {head + 1} blocks hash and link correctly, their receipts match the receipts roots, {checkedRecords} record logs carry their content hashes, and the ledger state matches its events.");
    }

    /// <summary>Bytes the chain keeps per record on every node: the signed transaction plus its receipt (logs, bloom), from the written transactions and one sample receipt.</summary>
    public async Task<double> BytesPerRecordAsync(long recordCount, CancellationToken cancellationToken)
    {
        var hash = _txById.Values.FirstOrDefault();
        if (hash is null || _rawSizes.IsEmpty)
        {
            return 0;
        }

        var receipt = await CallAsync("eth_getTransactionReceipt", cancellationToken, hash).ConfigureAwait(false);
        return _rawSizes.Average() + EthProof.EncodeReceipt(receipt).Length;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<double>> ConfirmationLatenciesAsync(CancellationToken cancellationToken)
    {
        if (_inclusions.IsEmpty)
        {
            return [];
        }

        var target = _inclusions.Max(i => i.Block) + _confirmationDepth;
        var deadline = _clock.Elapsed + TimeSpan.FromSeconds(((BlockTime?.TotalSeconds ?? 0) * (_confirmationDepth + 2)) + 30);
        while (!_blockSeenS.ContainsKey(target))
        {
            if (BlockTime is null)
            {
                await CallAsync("anvil_mine", cancellationToken, new HexBigInteger(1).HexValue).ConfigureAwait(false);
            }

            if (_clock.Elapsed > deadline)
            {
                throw new CollabInsightsException($"Block {target} did not appear on {Name}; the node stopped mining.");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return _inclusions.Select(i => (_blockSeenS.TryGetValue(i.Block + _confirmationDepth, out var seen) ? seen : _clock.Elapsed.TotalSeconds) - i.SubmittedS).Select(s => s * 1000.0).ToList();
    }

    /// <inheritdoc />
    public void ResetChainMetrics()
    {
        _gas.Clear();
        _inclusions.Clear();
        _rawSizes.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private IClient Client => _node?.Client ?? throw new InvalidOperationException("Call ResetAsync first.");

    /// <summary>A raw JSON-RPC call through Nethereum's client, its result as System.Text.Json (what <see cref="Internal.EthProof"/> reads).</summary>
    private async Task<JsonElement> CallAsync(string method, CancellationToken cancellationToken, params object[] parameters)
    {
        var result = await Client.SendRequestAsync<Newtonsoft.Json.Linq.JToken>(method, null, parameters).WaitAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result?.ToString(Newtonsoft.Json.Formatting.None) ?? "null");
        return document.RootElement.Clone();
    }

    private static byte[] MetadataHash(string projectId) => SHA256.HashData(Encoding.UTF8.GetBytes(projectId));

    private static byte[] MetadataSlot(string projectId)
    {
        // projects is the second storage variable (slot 1; admin is immutable): struct at keccak(key . 1), metadataHash one slot after it.
        var key = LedgerIds.ToBytes32(projectId).HexToByteArray();
        var preimage = new byte[64];
        key.CopyTo(preimage, 0);
        preimage[63] = 1;
        var slot = new BigInteger(Sha3Keccack.Current.CalculateHash(preimage), isUnsigned: true, isBigEndian: true) + 1;
        var bytes = slot.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }

    private static AnchorDatasetFunction Encode(BenchOutcomeRecord record) =>
        new() { ProjectId = LedgerIds.ToBytes32(record.ProjectId).HexToByteArray(), MerkleRoot = record.ContentHash(), Uri = Encoding.UTF8.GetString(record.CanonicalBytes()) };

    private static byte[] ExpectedLog(BenchOutcomeRecord record, string ledger, string sender)
    {
        var topic0 = DatasetAnchor.AnchorTopic.HexToByteArray();
        var senderTopic = new byte[32];
        sender.HexToByteArray().CopyTo(senderTopic, 12);
        var uri = record.CanonicalBytes();
        var data = new byte[64 + ((uri.Length + 31) / 32 * 32)];
        data[31] = 0x20;
        new BigInteger(uri.Length).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(data.AsSpan(64 - new BigInteger(uri.Length).GetByteCount(isUnsigned: true)));
        uri.CopyTo(data, 64);
        return Nethereum.Model.LogEncoder.Current.Encode(Nethereum.Model.Log.Create(data, ledger, topic0, LedgerIds.ToBytes32(record.ProjectId).HexToByteArray(), record.ContentHash(), senderTopic));
    }

    private static BenchOutcomeRecord? ReadLog(JsonElement log)
    {
        var topics = log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
        var anchored = DatasetAnchor.AnchorTopic;
        if (topics.Count != 4 || !string.Equals(topics[0], anchored, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var data = (log.GetProperty("data").GetString()!).HexToByteArray();
        var length = (int)new BigInteger(data.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var parts = Encoding.UTF8.GetString(data, 64, length).Split('|');
        return parts.Length != 10 ? null : new BenchOutcomeRecord(
            parts[0], parts[1], parts[2], parts[3],
            DateOnly.ParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(parts[5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            int.Parse(parts[6], CultureInfo.InvariantCulture),
            long.Parse(parts[7], CultureInfo.InvariantCulture) / 100m,
            parts[8], parts[9]);
    }

    private async Task<List<BenchOutcomeRecord>> AllRecordsAsync(CancellationToken cancellationToken)
    {
        var anchored = DatasetAnchor.AnchorTopic;
        var logs = await CallAsync("eth_getLogs", cancellationToken, new Dictionary<string, object> { ["address"] = _ledger!.ContractAddress, ["fromBlock"] = "0x0", ["toBlock"] = "latest", ["topics"] = new[] { anchored } }).ConfigureAwait(false);
        return logs.EnumerateArray().Select(ReadLog).OfType<BenchOutcomeRecord>().ToList();
    }

    private async Task<(string Hash, double Submitted)> SendAsync(BenchOutcomeRecord record, CancellationToken cancellationToken)
    {
        var submitted = _clock.Elapsed.TotalSeconds;
        var message = Encode(record);
        (message.Gas, message.MaxFeePerGas, message.MaxPriorityFeePerGas) = (_gasLimit, MaxFee, Tip);
        var raw = await _sender!.Eth.GetContractTransactionHandler<AnchorDatasetFunction>().SignTransactionAsync(_ledger!.ContractAddress, message).WaitAsync(cancellationToken).ConfigureAwait(false);
        var hash = await _sender.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw.EnsureHexPrefix()).WaitAsync(cancellationToken).ConfigureAwait(false);
        _rawSizes.Add(raw.HexToByteArray().Length);
        return (hash, submitted);
    }

    private async Task ReceiptAsync(string id, string hash, double submitted, CancellationToken cancellationToken)
    {
        var receipt = await WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(BlockTime is null ? 2 : 20), TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        var block = (long)receipt.BlockNumber.Value;
        if (receipt.Status?.Value != 1)
        {
            throw new CollabInsightsException($"The ledger transaction of {id} reverted in block {block}.");
        }

        _gas.Add((long)receipt.GasUsed.Value);
        _inclusions.Add((submitted, block));
        _blockSeenS.TryAdd(block, _clock.Elapsed.TotalSeconds);
        _txById[id] = hash;
    }

    /// <summary>
    /// Polls for the receipt: first after 2 ms, then at doubling intervals up to <paramref name="interval"/>, so a chain that mines on
    /// arrival answers within milliseconds and the measured latency is not the poll interval.
    /// </summary>
    private async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> WaitForReceiptAsync(string hash, TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var wait = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            if (await _sender!.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash).WaitAsync(cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                return receipt;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new CollabInsightsException($"Transaction {hash} was not mined within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s on {Name}; check that the node mines blocks.");
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            wait = wait * 2 > interval ? interval : wait * 2;
        }
    }

    private async Task PollBlocksAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var head = (long)((await CallAsync("eth_blockNumber", stop).ConfigureAwait(false)).GetString()!).HexToBigInteger(false);
                var now = _clock.Elapsed.TotalSeconds;
                for (var b = Math.Max(0, head - 50); b <= head; b++)
                {
                    _blockSeenS.TryAdd(b, now);
                }

                await Task.Delay(20, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (EthereumRpcException)
            {
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task StopAsync()
    {
        if (_pollerStop is not null)
        {
            await _pollerStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await (_poller ?? Task.CompletedTask).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _pollerStop.Dispose();
            _pollerStop = null;
        }

        if (_node is not null)
        {
            await _node.DisposeAsync().ConfigureAwait(false);
            _node = null;
        }

        _blockSeenS.Clear();
    }
}

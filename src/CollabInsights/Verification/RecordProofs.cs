using System.Globalization;
using System.Text.Json;
using CollabInsights.OffChain;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;

namespace CollabInsights.Verification;

/// <summary>
/// Makes and checks proofs of anchored records. <see cref="MakeAsync"/> works in the anchor folder (it needs the salts);
/// <see cref="VerifyAsync"/> needs only the proof, a node of the chain, and optionally the anchored data.
/// </summary>
public static class RecordProofs
{
    /// <summary>
    /// A proof of record <paramref name="row"/> (1-based, as anchored) of <paramref name="file"/> (relative to the anchored
    /// folder): the whole record when <paramref name="fields"/> is null or empty, else only those fields (the others stay hidden).
    /// Throws <see cref="CollabInsightsException"/> when the record was erased, its salt is missing, or the copy in the
    /// anchor folder no longer matches the anchored leaves.
    /// </summary>
    public static async Task<RecordProof> MakeAsync(string anchorDir, string file, int row, IReadOnlyList<string>? fields = null, CancellationToken cancellationToken = default)
    {
        var manifest = await AnchorManifest.ReadAsync(anchorDir, cancellationToken).ConfigureAwait(false);
        var anchor = manifest.Anchor ?? throw new CollabInsightsException(CollabInsightsErrorCode.InconsistentState, $"The dataset in {anchorDir} was never anchored on chain (its manifest has no anchor). Anchor it again (DatasetAnchor.AnchorAsync).");
        var anchored = manifest.GetFile(file);
        var record = DatasetCommitment.RecordKey(anchored.Path, row);
        anchored.LeafIndex(row, DatasetLeaf.WholeRecord);
        var dataRoot = Path.Combine(anchorDir, DatasetCommitment.DataFolder);
        var register = await ErasureRegister.ReadAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        if (register.Find(record) is { } erased)
        {
            throw new CollabInsightsException($"{record} was erased on {erased.ErasedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({erased.Reason}): its data and salt are gone, so no proof of it can be made. The chain keeps only the root.");
        }

        var salts = await SaltsFile.ReadAsync(Path.Combine(anchorDir, DatasetCommitment.SaltsFileName), manifest.Root, cancellationToken).ConfigureAwait(false);
        if (!salts.TryGetValue(record, out var salt))
        {
            throw new CollabInsightsException($"The salts file has no salt for {record}: the record was erased or the salts file is not this anchor's. No proof can be made without it.");
        }

        var csv = await CsvFile.ReadAsync(Path.Combine(dataRoot, anchored.Path), cancellationToken).ConfigureAwait(false);
        var current = register.CurrentRow(anchored.Path, row);
        if (current > csv.Rows.Count)
        {
            throw new CollabInsightsException($"The anchored copy {Path.Combine(dataRoot, anchored.Path)} has {csv.Rows.Count} records; {record} (row {current} now) is missing. Restore the anchor folder's data/ from the anchoring run.");
        }

        var cells = DatasetCommitment.PrepareRow(anchored.Path, current, csv.Rows[current - 1], anchored.Columns.Count);
        var leaves = DatasetCommitment.RecordLeaves(record, anchored.Columns, cells, salt);
        var tree = StandardMerkleTree.Build(await File.ReadAllBytesAsync(Path.Combine(anchorDir, DatasetCommitment.LeavesFileName), cancellationToken).ConfigureAwait(false));
        if (!string.Equals(tree.RootHex, manifest.Root, StringComparison.OrdinalIgnoreCase))
        {
            throw new CollabInsightsException($"{DatasetCommitment.LeavesFileName} in {anchorDir} gives root {tree.RootHex}, not the anchored {manifest.Root}: the anchor folder was altered. Restore it from the anchoring run.");
        }

        var wanted = fields is { Count: > 0 } ? fields.ToList() : [DatasetLeaf.WholeRecord];
        var disclosed = new List<DisclosedLeaf>();
        foreach (var field in wanted)
        {
            var index = anchored.LeafIndex(row, field);
            var leaf = field == DatasetLeaf.WholeRecord ? leaves[0] : leaves[1 + anchored.Columns.ToList().IndexOf(field)];
            var hash = leaf.Hash();
            if (!hash.AsSpan().SequenceEqual(tree.LeafHash((int)index)))
            {
                throw new CollabInsightsException($"{record} in the anchor folder's copy no longer hashes to its anchored leaf ({(field.Length == 0 ? "whole record" : "field " + field)}): the copy or the salts file changed after anchoring.");
            }

            disclosed.Add(new DisclosedLeaf(field, leaf.Value, leaf.Salt.ToHex(true), hash.ToHex(true), tree.GetProof((int)index).Select(p => p.ToHex(true)).ToList()));
        }

        return new RecordProof
        {
            Serialisation = manifest.Serialisation,
            Record = record,
            Root = manifest.Root,
            Anchor = anchor,
            Disclosed = disclosed,
            HiddenFields = wanted.Contains(DatasetLeaf.WholeRecord) ? [] : anchored.Columns.Where(c => !wanted.Contains(c)).ToList(),
        };
    }

    /// <summary>
    /// Checks <paramref name="proof"/>: that each disclosed value and salt hash to the stated leaf, that the path leads to
    /// the root, that the root is anchored by the named ledger on the chain <paramref name="web3"/> reaches with enough
    /// confirmations, and, given the data, that the record there still hashes to the proven leaves. The result names the
    /// first failure with its own outcome and says, check by check, what was established.
    /// </summary>
    public static async Task<ProofVerification> VerifyAsync(RecordProof proof, IWeb3 web3, ProofVerifyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(web3);
        options ??= new ProofVerifyOptions();
        var checks = new List<string>();
        ProofVerification Fail(ProofOutcome outcome, string message)
        {
            checks.Add("FAILED: " + message);
            return new ProofVerification(outcome, message, checks);
        }

        if (proof.Format != "collab-proof-v1" || proof.Serialisation != RecordSerialisation.Version || !proof.LeafEncoding.SequenceEqual(DatasetLeaf.LeafEncoding))
        {
            return Fail(ProofOutcome.UnknownFormat, $"unknown proof format: {proof.Format} with serialisation {proof.Serialisation}; this kit reads collab-proof-v1 with {RecordSerialisation.Version}.");
        }

        if (proof.Disclosed.Count == 0)
        {
            return Fail(ProofOutcome.UnknownFormat, "the proof discloses nothing: it has no leaf to check.");
        }

        var data = options.DataPath is { Length: > 0 } dataPath ? await ReadDataAsync(dataPath, proof.Record, cancellationToken).ConfigureAwait(false) : null;
        if (data?.Erasure is { } erasure)
        {
            return Fail(ProofOutcome.Erased, $"erased: {proof.Record} was erased on {erasure.ErasedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({erasure.Reason}); its data and salt are gone and the chain keeps only the root, so the record can no longer be proven against the data.");
        }

        foreach (var leaf in proof.Disclosed)
        {
            var label = Label(leaf.Field);
            byte[] salt;
            try
            {
                salt = leaf.Salt.HexToByteArray();
            }
            catch (FormatException)
            {
                return Fail(ProofOutcome.WrongSalt, $"wrong salt: the salt of {label} is not hex.");
            }

            var recomputed = salt.Length == 32 ? (new DatasetLeaf(proof.Record, leaf.Field, leaf.Value, salt).Hash()).ToHex(true) : null;
            if (!string.Equals(recomputed, leaf.Leaf, StringComparison.OrdinalIgnoreCase))
            {
                if (salt.Length != 32)
                {
                    return Fail(ProofOutcome.WrongSalt, $"wrong salt: the salt of {label} is {salt.Length} bytes, not 32.");
                }

                if (data?.Cells is { } cells)
                {
                    var differences = Differences(leaf, data.Columns!, cells);
                    return differences.Count == 0
                        ? Fail(ProofOutcome.WrongSalt, $"wrong salt: the disclosed {label} equals the data, but with this salt it does not hash to the anchored leaf {leaf.Leaf}; the proof was made or edited with a salt that is not the anchored one.")
                        : Fail(ProofOutcome.RecordChanged, $"changed record: {label} of {proof.Record} in the proof is not the anchored one ({string.Join("; ", differences)}); it does not hash to the anchored leaf {leaf.Leaf}.");
                }

                return Fail(ProofOutcome.LeafMismatch, $"the disclosed {label} and its salt do not hash to the leaf {leaf.Leaf}: the value or the salt was altered (pass the data to tell which).");
            }

            checks.Add($"{label} of {proof.Record} and its salt hash to leaf {leaf.Leaf}");
            List<byte[]> path;
            try
            {
                path = leaf.Proof.Select(h => h.HexToByteArray()).ToList();
            }
            catch (FormatException)
            {
                return Fail(ProofOutcome.PathInvalid, $"invalid path: a sibling hash of {label} is not hex.");
            }

            if (!StandardMerkleTree.Verify(proof.Root.HexToByteArray(), leaf.Leaf.HexToByteArray(), path))
            {
                return Fail(ProofOutcome.PathInvalid, $"invalid path: the {path.Count} sibling hashes do not lead from leaf {leaf.Leaf} to root {proof.Root}; the proof is corrupt or belongs to another tree.");
            }

            checks.Add($"the {path.Count}-step sibling path leads from that leaf to root {proof.Root}");
        }

        var chainId = (long)(await web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        if (chainId != proof.Anchor.ChainId)
        {
            return Fail(ProofOutcome.Unanchored, $"unanchored root: the proof names chain {proof.Anchor.ChainId} but the node is on chain {chainId}; check the root on the node of chain {proof.Anchor.ChainId}.");
        }

        var log = await DatasetAnchor.FindAnchorAsync(web3, proof.Anchor.Ledger, proof.Root, proof.Anchor.TransactionHash, cancellationToken).ConfigureAwait(false);
        if (log is null)
        {
            return Fail(ProofOutcome.Unanchored, $"unanchored root: no DatasetAnchored event of ledger {proof.Anchor.Ledger} on chain {chainId} holds root {proof.Root} (transaction {proof.Anchor.TransactionHash} does not, and no other does); the record is proven only against a root nobody anchored.");
        }

        var head = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        var confirmations = head - log.BlockNumber + 1;
        if (confirmations < options.Confirmations)
        {
            return Fail(ProofOutcome.TooFewConfirmations, $"too few confirmations: root {proof.Root} is anchored in block {log.BlockNumber} (transaction {log.TransactionHash}) with {confirmations} confirmation(s); {options.Confirmations} are required.");
        }

        var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(log.BlockNumber)).WaitAsync(cancellationToken).ConfigureAwait(false);
        checks.Add($"root {proof.Root} is anchored on chain {chainId} by ledger {AddressUtil.Current.ConvertToChecksumAddress(log.Address)} for project {OnChain.Contracts.LedgerIds.ToText(log.Topics[1])} in transaction {log.TransactionHash}, block {log.BlockNumber}" +
            $"{(block is null ? string.Empty : " (" + DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC)")}, with {confirmations} confirmation(s) (at least {options.Confirmations} required)");

        var corrections = (await DatasetCorrections.FindOnChainAsync(web3, proof.Anchor.Ledger, proof.Root, cancellationToken).ConfigureAwait(false)).Where(c => c.Record == proof.Record).ToList();
        if (corrections.Count > 0)
        {
            checks.Add($"the ledger records {corrections.Count} correction(s) of {proof.Record}: {string.Join("; ", corrections.Select(c => $"'{c.Reason}' (transaction {c.TransactionHash}, correcting record anchored as {c.CorrectionRoot})"))}; the proven values are the original ones, the corrected view supersedes them");
        }

        if (data is not null)
        {
            if (data.Cells is null)
            {
                return Fail(ProofOutcome.RecordMissing, $"missing record: {data.Problem}");
            }

            foreach (var leaf in proof.Disclosed)
            {
                var recomputed = new DatasetLeaf(proof.Record, leaf.Field, DataValue(leaf.Field, data.Columns!, data.Cells), leaf.Salt.HexToByteArray()).Hash();
                if (!string.Equals(recomputed.ToHex(true), leaf.Leaf, StringComparison.OrdinalIgnoreCase))
                {
                    var differences = Differences(leaf, data.Columns!, data.Cells);
                    return Fail(ProofOutcome.RecordChanged, $"changed record: {proof.Record} in {data.File} (now row {data.CurrentRow}) no longer hashes to the proven leaf of {Label(leaf.Field)}: {(differences.Count > 0 ? string.Join("; ", differences) : "its content differs from the anchored record")}.");
                }
            }

            checks.Add($"the data {data.File} still holds {proof.Record} (now row {data.CurrentRow}) unchanged: it hashes to the proven leaves");
        }

        var what = proof.Disclosed.Any(l => l.Field.Length == 0)
            ? $"the whole record {proof.Record}"
            : $"field(s) {string.Join(", ", proof.Disclosed.Select(l => l.Field + " = '" + l.Value + "'"))} of record {proof.Record}";
        var hidden = proof.HiddenFields.Count > 0 ? $" ({proof.HiddenFields.Count} other field(s) stay hidden: {string.Join(", ", proof.HiddenFields)})" : string.Empty;
        return new ProofVerification(ProofOutcome.Proven,
            $"{what}{hidden} is in the dataset whose root {proof.Root} was anchored on chain {chainId} in block {log.BlockNumber} with {confirmations} confirmation(s){(data is null ? string.Empty : ", and the data still holds it unchanged")}" +
            (corrections.Count > 0 ? $"; it has since been corrected {corrections.Count} time(s) on the ledger (latest: '{corrections[^1].Reason}'), so the corrected view supersedes these values." : "."),
            checks);
    }

    private static string Label(string field) => field.Length == 0 ? "the whole record" : $"field '{field}'";

    private static string DataValue(string field, IReadOnlyList<string> columns, string[] cells)
    {
        if (field.Length == 0)
        {
            return RecordSerialisation.Serialise(columns.Select((c, i) => KeyValuePair.Create(c, cells[i])).ToList());
        }

        var index = columns.ToList().IndexOf(field);
        return index >= 0 ? cells[index] : string.Empty;
    }

    private static List<string> Differences(DisclosedLeaf leaf, IReadOnlyList<string> columns, string[] cells)
    {
        var claimed = new List<KeyValuePair<string, string>>();
        if (leaf.Field.Length > 0)
        {
            claimed.Add(KeyValuePair.Create(leaf.Field, leaf.Value));
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(leaf.Value);
                claimed.AddRange(document.RootElement.EnumerateArray().Select(p => KeyValuePair.Create(p[0].GetString() ?? string.Empty, p[1].GetString() ?? string.Empty)));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException)
            {
                return ["the disclosed record is not a canonical serialisation"];
            }
        }

        var differences = new List<string>();
        foreach (var (column, value) in claimed)
        {
            var index = columns.ToList().IndexOf(column);
            var now = index >= 0 ? cells[index] : "(no such column)";
            if (now != value)
            {
                differences.Add($"{column} is '{value}' in the proof and '{now}' in the data");
            }
        }

        return differences;
    }

    private sealed record DataRecord(string File, int CurrentRow, IReadOnlyList<string>? Columns, string[]? Cells, ErasedRecord? Erasure, string? Problem);

    private static async Task<DataRecord> ReadDataAsync(string dataPath, string record, CancellationToken cancellationToken)
    {
        var relative = ErasureRegister.RecordFile(record);
        var row = ErasureRegister.RecordRow(record);
        var full = Path.GetFullPath(dataPath);
        string root;
        string file;
        if (Directory.Exists(full))
        {
            root = full;
            file = Path.Combine(full, relative);
        }
        else if (File.Exists(full))
        {
            file = full;
            var normalised = full.Replace('\\', '/');
            root = normalised.EndsWith("/" + relative, StringComparison.Ordinal) ? full[..^(relative.Length + 1)] : Path.GetDirectoryName(full)!;
        }
        else
        {
            throw new CollabInsightsException($"The data {dataPath} is neither a file nor a folder. Pass the anchored data (the data/ folder of the anchor folder, or one of its files).");
        }

        var register = await ErasureRegister.ReadAsync(root, cancellationToken).ConfigureAwait(false);
        if (register.Find(record) is { } erasure)
        {
            return new DataRecord(file, 0, null, null, erasure, null);
        }

        if (!File.Exists(file))
        {
            return new DataRecord(file, row, null, null, null, $"the data has no file {relative} ({file}).");
        }

        var csv = await CsvFile.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        var current = register.CurrentRow(relative, row);
        if (current > csv.Rows.Count)
        {
            return new DataRecord(file, current, null, null, null, $"{file} has {csv.Rows.Count} records; {record} (row {current} now) is not there and no erasure of it is registered.");
        }

        var columns = csv.Header.Select(RecordSerialisation.NormaliseCell).ToList();
        return new DataRecord(file, current, columns, DatasetCommitment.PrepareRow(relative, current, csv.Rows[current - 1], columns.Count), null, null);
    }
}

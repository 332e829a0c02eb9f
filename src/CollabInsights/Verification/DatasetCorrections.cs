using System.Globalization;
using System.Text.Json;
using CollabInsights.OffChain;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CollabInsights.Verification;

/// <summary>
/// Corrections on an append-only record, the way accounting reversals and OCDS amendments work: the original record
/// stays as anchored; a correcting record names it and says why. The correcting record (the full corrected record,
/// with <c>corrects</c>, <c>reason</c> and <c>corrected_at</c> columns in front) is anchored as a dataset of its own
/// under <c>corrections/N/</c> of the anchor folder, the ledger's <c>RecordCorrected(projectId, originalRoot,
/// correctionRoot, correctedBy, record, reason)</c> event links the two roots on chain, and the register
/// <c>data/corrections.json</c> lists every correction beside the data. Readers use the corrected view
/// (<see cref="CorrectedRowsAsync"/>), which keeps each record's history.
/// </summary>
public static class DatasetCorrections
{
    /// <summary>The register's file name, in the root of the data copy.</summary>
    public const string FileName = "corrections.json";

    /// <summary>The folder of the correcting records' anchor folders, inside the original anchor folder.</summary>
    public const string Folder = "corrections";

    /// <summary>The topic of the ledger's correction event, <c>RecordCorrected(bytes32,bytes32,bytes32,address,string,string)</c>, as <c>0x</c>-hex.</summary>
    public static string CorrectionTopic => "0x" + ABITypedRegistry.GetEvent<RecordCorrectedEventDTO>().Sha3Signature;

    /// <summary>
    /// Corrects record <paramref name="row"/> (as anchored) of <paramref name="file"/>: sets <paramref name="changes"/> (field to
    /// corrected value, on top of earlier corrections), anchors the correcting record, emits <c>RecordCorrected</c> on the
    /// ledger the original was anchored on (the sender of <paramref name="chainOptions"/> must be the project's
    /// commissioner or a validator), and adds the correction to the register.
    /// </summary>
    public static async Task<RecordCorrection> CorrectAsync(string anchorDir, string file, int row, IReadOnlyDictionary<string, string> changes, string reason,
        IWeb3 web3, AnchorChainOptions? chainOptions = null, DateTimeOffset? when = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0 || string.IsNullOrWhiteSpace(reason))
        {
            throw new CollabInsightsException("A correction needs at least one corrected field and a reason: a correction that does not say why cannot be audited.");
        }

        var manifest = await AnchorManifest.ReadAsync(anchorDir, cancellationToken).ConfigureAwait(false);
        var anchor = manifest.Anchor ?? throw new CollabInsightsException($"The dataset in {anchorDir} was never anchored on chain; anchor it before correcting it.");
        var anchored = manifest.GetFile(file);
        var record = DatasetCommitment.RecordKey(anchored.Path, row);
        anchored.LeafIndex(row, DatasetLeaf.WholeRecord);
        foreach (var field in changes.Keys.Where(f => !anchored.Columns.Contains(f)))
        {
            throw new CollabInsightsException($"{anchored.Path} has no column '{field}' to correct. Its columns are: {string.Join(", ", anchored.Columns)}.");
        }

        var dataRoot = Path.Combine(anchorDir, DatasetCommitment.DataFolder);
        var erasures = await ErasureRegister.ReadAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        if (erasures.Find(record) is not null)
        {
            throw new CollabInsightsException($"{record} was erased; an erased record cannot be corrected.");
        }

        var current = (await CorrectedRowsAsync(anchorDir, anchored.Path, cancellationToken).ConfigureAwait(false)).First(r => r.Record == record);
        var cells = current.Cells.ToArray();
        foreach (var (field, value) in changes)
        {
            cells[anchored.Columns.ToList().IndexOf(field)] = RecordSerialisation.NormaliseCell(value);
        }

        var register = await ReadRegisterAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        var number = register.Count + 1;
        var folder = $"{Folder}/{number.ToString(CultureInfo.InvariantCulture)}";
        var correctedAt = (when ?? DateTimeOffset.UtcNow).ToUniversalTime();
        var source = Path.Combine(anchorDir, folder, "source", "correction.csv");
        await CsvFile.WriteAsync(source, ["corrects", "reason", "corrected_at", .. anchored.Columns],
            [[record, reason, correctedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), .. cells]], cancellationToken).ConfigureAwait(false);
        var options = (chainOptions ?? new AnchorChainOptions()) with { LedgerAddress = anchor.Ledger, ProjectId = anchor.ProjectId };
        var correction = await DatasetAnchor.AnchorAsync(source, Path.Combine(anchorDir, folder), new DatasetCommitmentOptions { ControllerKey = Pseudonymiser.NewKey(), IdentifierColumns = [] }, options, web3, cancellationToken).ConfigureAwait(false);
        File.Delete(Path.Combine(anchorDir, folder, "controller.key"));

        var (ledger, _) = await DatasetAnchor.ConnectLedgerAsync(web3, options, cancellationToken).ConfigureAwait(false);
        var receipt = await ledger.CorrectRecordRequestAndWaitForReceiptAsync(
            new CorrectRecordFunction
            {
                ProjectId = LedgerIds.ToBytes32(anchor.ProjectId).HexToByteArray(),
                OriginalRoot = manifest.Root.HexToByteArray(),
                CorrectionRoot = correction.Root.HexToByteArray(),
                Record = record,
                Reason = reason,
            },
            cancellationToken).ConfigureAwait(false);
        var entry = new RecordCorrection(record, reason, correctedAt, changes.ToDictionary(p => p.Key, p => RecordSerialisation.NormaliseCell(p.Value), StringComparer.Ordinal),
            manifest.Root, correction.Root, folder, receipt.TransactionHash, (long)receipt.BlockNumber.Value);
        register.Add(entry);
        await File.WriteAllTextAsync(Path.Combine(dataRoot, FileName), JsonSerializer.Serialize(register, AnchorManifest.Json) + "\n", cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>The corrections register of the data copy rooted at <paramref name="dataRoot"/> (empty when there is none), oldest first.</summary>
    public static async Task<List<RecordCorrection>> ReadRegisterAsync(string dataRoot, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(dataRoot, FileName);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<List<RecordCorrection>>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), AnchorManifest.Json) ?? []
            : [];
    }

    /// <summary>
    /// The corrected view of <paramref name="file"/> in the anchor folder: every record not erased, in anchored order, with
    /// its corrections applied oldest first and its history.
    /// </summary>
    public static async Task<IReadOnlyList<CorrectedRecord>> CorrectedRowsAsync(string anchorDir, string file, CancellationToken cancellationToken = default)
    {
        var manifest = await AnchorManifest.ReadAsync(anchorDir, cancellationToken).ConfigureAwait(false);
        var anchored = manifest.GetFile(file);
        var dataRoot = Path.Combine(anchorDir, DatasetCommitment.DataFolder);
        var erasures = await ErasureRegister.ReadAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        var corrections = (await ReadRegisterAsync(dataRoot, cancellationToken).ConfigureAwait(false)).ToLookup(c => c.Record, StringComparer.Ordinal);
        var csv = await CsvFile.ReadAsync(Path.Combine(dataRoot, anchored.Path), cancellationToken).ConfigureAwait(false);
        var columns = anchored.Columns.ToList();
        var result = new List<CorrectedRecord>();
        for (var row = 1; row <= anchored.Records; row++)
        {
            var record = DatasetCommitment.RecordKey(anchored.Path, row);
            if (erasures.Find(record) is not null)
            {
                continue;
            }

            var current = erasures.CurrentRow(anchored.Path, row);
            var cells = DatasetCommitment.PrepareRow(anchored.Path, current, csv.Rows[current - 1], columns.Count);
            var history = corrections[record].ToList();
            foreach (var correction in history)
            {
                foreach (var (field, value) in correction.Changes)
                {
                    cells[columns.IndexOf(field)] = value;
                }
            }

            result.Add(new CorrectedRecord(record, cells, history));
        }

        return result;
    }

    /// <summary>
    /// Writes the corrected view of every file of the anchor folder into <paramref name="outDir"/> in the same layout (so
    /// linking, reconciliation and reports read it as they read the original), plus <c>corrections.csv</c>: one row per
    /// correction with the record, field, original and corrected value, reason, time and ledger transaction.
    /// </summary>
    public static async Task WriteCorrectedViewAsync(string anchorDir, string outDir, CancellationToken cancellationToken = default)
    {
        var manifest = await AnchorManifest.ReadAsync(anchorDir, cancellationToken).ConfigureAwait(false);
        var history = new List<IReadOnlyList<string>>();
        foreach (var file in manifest.Files)
        {
            var rows = await CorrectedRowsAsync(anchorDir, file.Path, cancellationToken).ConfigureAwait(false);
            await CsvFile.WriteAsync(Path.Combine(outDir, file.Path), file.Columns, rows.Select(r => r.Cells), cancellationToken).ConfigureAwait(false);
            foreach (var record in rows.Where(r => r.History.Count > 0))
            {
                foreach (var c in record.History)
                {
                    history.AddRange(c.Changes.Select(change => (IReadOnlyList<string>)[c.Record, change.Key, change.Value, c.Reason, c.CorrectedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), c.TransactionHash]));
                }
            }
        }

        await CsvFile.WriteAsync(Path.Combine(outDir, "corrections.csv"), ["record", "field", "corrected_value", "reason", "corrected_at", "transaction"], history, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>RecordCorrected</c> events of <paramref name="ledger"/> under <paramref name="originalRoot"/>: (record, reason, correction root, transaction).</summary>
    public static async Task<IReadOnlyList<(string Record, string Reason, string CorrectionRoot, string TransactionHash)>> FindOnChainAsync(IWeb3 web3, string ledger, string originalRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(web3);
        var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Address = [ledger.ToLowerInvariant()],
            Topics = [CorrectionTopic, null, originalRoot.ToLowerInvariant()],
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        return logs.Where(l => !l.Removed).Select(l =>
        {
            var decoded = Event<RecordCorrectedEventDTO>.DecodeEvent(l).Event;
            return (decoded.Record, decoded.Reason, l.Topics[3].ToString()!, l.TransactionHash);
        }).ToList();
    }
}

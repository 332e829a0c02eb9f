using System.Text.Json;
using CollabInsights.OffChain;
using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.Verification;

/// <summary>
/// The erasures of an anchored dataset, kept beside its pseudonymised copy as <c>data/erasures.json</c>: each erased
/// record's key (<c>FILE:ROW</c> as anchored), when, why, and its leaf hashes (salted, so they name nobody). Erasing
/// removes the record from the copy and its salt from <c>salts.json</c>; the chain keeps only the root. Later records of
/// the file move up one row, so a record's current row is its anchored row less the erased rows above it.
/// </summary>
public sealed class ErasureRegister
{
    /// <summary>The register's file name, in the root of the data copy.</summary>
    public const string FileName = "erasures.json";

    private readonly List<ErasedRecord> _erased;

    private ErasureRegister(List<ErasedRecord> erased) => _erased = erased;

    /// <summary>The erased records, in the order they were erased.</summary>
    public IReadOnlyList<ErasedRecord> Erased => _erased;

    /// <summary>The erasure of <paramref name="record"/>, or null.</summary>
    public ErasedRecord? Find(string record) => _erased.FirstOrDefault(e => e.Record == record);

    /// <summary>The current row in the data copy of anchored row <paramref name="anchoredRow"/> of <paramref name="file"/> (not itself erased).</summary>
    public int CurrentRow(string file, int anchoredRow) =>
        anchoredRow - _erased.Count(e => RecordFile(e.Record) == file && RecordRow(e.Record) < anchoredRow);

    /// <summary>Reads the register of the data copy rooted at <paramref name="dataRoot"/> (empty when there is none).</summary>
    public static async Task<ErasureRegister> ReadAsync(string dataRoot, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(dataRoot, FileName);
        if (!File.Exists(path))
        {
            return new ErasureRegister([]);
        }

        var erased = JsonSerializer.Deserialize<List<ErasedRecord>>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), AnchorManifest.Json) ?? [];
        return new ErasureRegister(erased);
    }

    /// <summary>
    /// Erases record <paramref name="anchoredRow"/> of <paramref name="file"/> in the anchor folder <paramref name="anchorDir"/>: removes it from the
    /// data copy, deletes its salt and adds it to the register. Returns the erasure.
    /// </summary>
    public static async Task<ErasedRecord> EraseAsync(string anchorDir, string file, int anchoredRow, string reason, DateTimeOffset when, CancellationToken cancellationToken = default)
    {
        var manifest = await AnchorManifest.ReadAsync(anchorDir, cancellationToken).ConfigureAwait(false);
        var anchored = manifest.GetFile(file);
        var record = DatasetCommitment.RecordKey(anchored.Path, anchoredRow);
        var dataRoot = Path.Combine(anchorDir, DatasetCommitment.DataFolder);
        var register = await ReadAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        if (register.Find(record) is { } already)
        {
            throw new CollabInsightsException($"{record} was already erased on {already.ErasedAt:yyyy-MM-dd HH:mm} UTC ({already.Reason}).");
        }

        var first = anchored.LeafIndex(anchoredRow, DatasetLeaf.WholeRecord);
        var leafBytes = await File.ReadAllBytesAsync(Path.Combine(anchorDir, DatasetCommitment.LeavesFileName), cancellationToken).ConfigureAwait(false);
        var leaves = Enumerable.Range(0, anchored.LeavesPerRecord).Select(i => leafBytes.AsSpan((int)((first + i) * 32), 32).ToArray().ToHex(true)).ToList();

        var csvPath = Path.Combine(dataRoot, anchored.Path);
        var csv = await CsvFile.ReadAsync(csvPath, cancellationToken).ConfigureAwait(false);
        var current = register.CurrentRow(anchored.Path, anchoredRow);
        var rows = csv.Rows.ToList();
        rows.RemoveAt(current - 1);
        await CsvFile.WriteAsync(csvPath, csv.Header, rows, cancellationToken).ConfigureAwait(false);

        var saltsPath = Path.Combine(anchorDir, DatasetCommitment.SaltsFileName);
        var salts = await SaltsFile.ReadAsync(saltsPath, manifest.Root, cancellationToken).ConfigureAwait(false);
        salts.Remove(record);
        await SaltsFile.WriteAsync(saltsPath, manifest.Root, salts, cancellationToken).ConfigureAwait(false);

        var erasure = new ErasedRecord(record, when.ToUniversalTime(), reason, leaves);
        register._erased.Add(erasure);
        await File.WriteAllTextAsync(Path.Combine(dataRoot, FileName), JsonSerializer.Serialize(register._erased, AnchorManifest.Json) + "\n", cancellationToken).ConfigureAwait(false);
        return erasure;
    }

    internal static string RecordFile(string record) => record[..record.LastIndexOf(':')];

    internal static int RecordRow(string record) => int.Parse(record.AsSpan(record.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture);
}

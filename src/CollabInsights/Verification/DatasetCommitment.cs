using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CollabInsights.OffChain;

namespace CollabInsights.Verification;

/// <summary>
/// The off-chain half of anchoring: a dataset's CSV records turned into Merkle leaves (one whole-record leaf and one
/// leaf per field for each record, identifiers pseudonymised, every leaf salted) and the tree over them. Each record
/// gets 32 random bytes, its record salt; the salt of each of its leaves is <c>HMAC-SHA-256(record salt,
/// "collab-leaf-salt-v1:" + field)</c> (field empty for the whole-record leaf), so a proof that discloses one field
/// reveals that leaf's salt and nothing that opens the record's other leaves, and erasing the record salt makes all of
/// its leaves unopenable. Leaves are in file order (files sorted by relative path, ordinal), record order, then
/// whole-record leaf and columns in column order (<see cref="AnchoredFile"/>).
/// </summary>
public sealed partial class DatasetCommitment
{
    /// <summary>The folder, inside an anchor folder, holding the pseudonymised copy of the records that was anchored.</summary>
    public const string DataFolder = "data";

    /// <summary>The leaf hashes in value order, 32 bytes each (public: salted hashes reveal nothing).</summary>
    public const string LeavesFileName = "leaves.bin";

    /// <summary>The private salts file (one salt per record).</summary>
    public const string SaltsFileName = "salts.json";

    private DatasetCommitment(IReadOnlyList<AnchoredFile> files, IReadOnlyList<List<string[]>> rows, byte[] leafHashes, Dictionary<string, byte[]> salts, string fingerprint)
    {
        Files = files;
        PseudonymisedRows = rows;
        LeafHashes = leafHashes;
        RecordSalts = salts;
        KeyFingerprint = fingerprint;
        Tree = StandardMerkleTree.Build(leafHashes);
    }

    /// <summary>The anchored files, in leaf order.</summary>
    public IReadOnlyList<AnchoredFile> Files { get; }

    /// <summary>The Merkle tree over the leaves.</summary>
    public StandardMerkleTree Tree { get; }

    /// <summary>The root as <c>0x</c>-hex.</summary>
    public string RootHex => Tree.RootHex;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => Tree.LeafCount;

    /// <summary>Number of records.</summary>
    public int RecordCount => Files.Sum(f => f.Records);

    /// <summary>The public fingerprint of the controller key used (<see cref="Pseudonymiser.KeyFingerprint"/>).</summary>
    public string KeyFingerprint { get; }

    /// <summary>Each file's records after normalisation and pseudonymisation: what was anchored, parallel to <see cref="Files"/>.</summary>
    public IReadOnlyList<List<string[]>> PseudonymisedRows { get; }

    internal byte[] LeafHashes { get; }

    internal Dictionary<string, byte[]> RecordSalts { get; }

    /// <summary>Reads the CSV file at <paramref name="dataPath"/>, or every <c>*.csv</c> under the folder, and builds the leaves and tree.</summary>
    public static async Task<DatasetCommitment> BuildAsync(string dataPath, DatasetCommitmentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pseudonymiser = new Pseudonymiser(options.ControllerKey);
        var random = options.SaltSeed is { } seed ? new Random(seed) : null;
        var files = new List<AnchoredFile>();
        var allRows = new List<List<string[]>>();
        var salts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var leaves = new List<byte[]>();
        var firstLeaf = 0L;
        foreach (var (full, relative) in ListFiles(dataPath))
        {
            var csv = await CsvFile.ReadAsync(full, cancellationToken).ConfigureAwait(false);
            var columns = csv.Header.Select(RecordSerialisation.NormaliseCell).ToList();
            CheckColumns(relative, columns);
            var identifiers = columns.Where(c => options.IdentifierColumns?.Contains(c, StringComparer.Ordinal) ?? IsLikelyIdentifier(c)).ToList();
            var identifierMask = columns.Select(identifiers.Contains).ToArray();
            var rows = new List<string[]>(csv.Rows.Count);
            for (var r = 0; r < csv.Rows.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = PrepareRow(relative, r + 1, csv.Rows[r], columns.Count);
                for (var c = 0; c < cells.Length; c++)
                {
                    if (identifierMask[c])
                    {
                        cells[c] = pseudonymiser.Pseudonymise(cells[c]);
                    }
                }

                var record = RecordKey(relative, r + 1);
                var salt = new byte[32];
                if (random is null)
                {
                    RandomNumberGenerator.Fill(salt);
                }
                else
                {
                    random.NextBytes(salt);
                }

                salts.Add(record, salt);
                leaves.AddRange(RecordLeaves(record, columns, cells, salt).Select(l => l.Hash()));
                rows.Add(cells);
            }

            files.Add(new AnchoredFile(relative, columns, identifiers, rows.Count, firstLeaf));
            allRows.Add(rows);
            firstLeaf += (long)rows.Count * (1 + columns.Count);
        }

        if (leaves.Count == 0)
        {
            throw new CollabInsightsException($"{dataPath} holds no records to anchor: give a CSV file with a header and at least one record, or a folder of such files.");
        }

        var flat = new byte[leaves.Count * 32];
        for (var i = 0; i < leaves.Count; i++)
        {
            leaves[i].CopyTo(flat, i * 32);
        }

        return new DatasetCommitment(files, allRows, flat, salts, pseudonymiser.KeyFingerprint);
    }

    /// <summary>The record key <c>FILE:ROW</c> of a record.</summary>
    public static string RecordKey(string relativePath, int row) => relativePath + ":" + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a column name looks like a personal identifier (the default of <see cref="DatasetCommitmentOptions.IdentifierColumns"/>).</summary>
    public static bool IsLikelyIdentifier(string column) => IdentifierPattern().IsMatch(column);

    /// <summary>The salt of the leaf of <paramref name="field"/> (empty for the whole record) derived from the record salt.</summary>
    public static byte[] LeafSalt(byte[] recordSalt, string field) =>
        HMACSHA256.HashData(recordSalt, Encoding.UTF8.GetBytes("collab-leaf-salt-v1:" + field));

    /// <summary>The leaves of one record: whole-record leaf first, then one per column. <paramref name="cells"/> are normalised and pseudonymised.</summary>
    public static IReadOnlyList<DatasetLeaf> RecordLeaves(string record, IReadOnlyList<string> columns, IReadOnlyList<string> cells, byte[] recordSalt)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(cells);
        var pairs = columns.Select((c, i) => new KeyValuePair<string, string>(c, cells[i])).ToList();
        var leaves = new List<DatasetLeaf>(columns.Count + 1)
        {
            new(record, DatasetLeaf.WholeRecord, RecordSerialisation.Serialise(pairs), LeafSalt(recordSalt, DatasetLeaf.WholeRecord)),
        };
        for (var i = 0; i < columns.Count; i++)
        {
            leaves.Add(new DatasetLeaf(record, columns[i], cells[i], LeafSalt(recordSalt, columns[i])));
        }

        return leaves;
    }

    /// <summary>A data row as anchored: cells normalised, padded to the header; a non-empty cell beyond the header is an error.</summary>
    public static string[] PrepareRow(string file, int row, IReadOnlyList<string> raw, int columns)
    {
        ArgumentNullException.ThrowIfNull(raw);
        for (var i = columns; i < raw.Count; i++)
        {
            if (raw[i].Length > 0)
            {
                throw new CollabInsightsException($"{file} row {row} has {raw.Count} cells but the header has {columns} columns (cell {i + 1} is '{raw[i]}'). Fix the row or the header, then anchor again.");
            }
        }

        var cells = new string[columns];
        for (var i = 0; i < columns; i++)
        {
            cells[i] = i < raw.Count ? RecordSerialisation.NormaliseCell(raw[i]) : string.Empty;
        }

        return cells;
    }

    /// <summary>Writes the pseudonymised copy (<c>data/</c>), the leaf hashes and the private salts file into <paramref name="outDir"/>.</summary>
    public async Task WriteAsync(string outDir, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outDir);
        for (var i = 0; i < Files.Count; i++)
        {
            await CsvFile.WriteAsync(Path.Combine(outDir, DataFolder, Files[i].Path), Files[i].Columns, PseudonymisedRows[i], cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllBytesAsync(Path.Combine(outDir, LeavesFileName), LeafHashes, cancellationToken).ConfigureAwait(false);
        await SaltsFile.WriteAsync(Path.Combine(outDir, SaltsFileName), RootHex, RecordSalts, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<(string Full, string Relative)> ListFiles(string dataPath)
    {
        var full = Path.GetFullPath(dataPath);
        if (File.Exists(full))
        {
            return [(full, Path.GetFileName(full))];
        }

        if (!Directory.Exists(full))
        {
            throw new CollabInsightsException($"The data to anchor, {dataPath}, is neither a file nor a folder. Pass a CSV file or a folder of CSV files.");
        }

        return Directory.EnumerateFiles(full, "*.csv", SearchOption.AllDirectories)
            .Select(f => (f, Path.GetRelativePath(full, f).Replace('\\', '/')))
            .OrderBy(f => f.Item2, StringComparer.Ordinal)
            .ToList();
    }

    private static void CheckColumns(string file, List<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length == 0)
            {
                throw new CollabInsightsException($"{file} column {i + 1} has an empty header. Name every column before anchoring (the empty field name is reserved for the whole-record leaf).");
            }

            if (columns.IndexOf(columns[i]) != i)
            {
                throw new CollabInsightsException($"{file} has the column '{columns[i]}' twice. Column names must be unique to prove a field.");
            }
        }
    }

    [GeneratedRegex(@"^(.*[_\s-])?(patient|person|participant|client|beneficiary|individual|member|service_user|pupil|student)([_\s-]?(id|number|no|ref|reference|key))?$|nhs[_\s-]?(number|no)|national[_\s-]insurance|^(ssn|dob|date_of_birth|full_name|first_name|last_name|surname)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}

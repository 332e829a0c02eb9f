using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using CollabInsights.Verification.Internal;

namespace CollabInsights.Verification;

/// <summary>
/// One leaf of an anchored dataset's Merkle tree: the ABI tuple <c>(string record, string field, string value, bytes32 salt)</c>
/// (see <see cref="LeafEncoding"/>), hashed the <c>StandardMerkleTree</c> way. <see cref="Record"/> names the record
/// (<c>FILE:ROW</c>, FILE relative to the anchored folder, ROW counted from 1 after the header); <see cref="Field"/> is a
/// column name, or <see cref="WholeRecord"/> for the leaf over the whole record, whose <see cref="Value"/> is then the
/// record's canonical serialisation (<see cref="RecordSerialisation"/>); <see cref="Salt"/> is the leaf's 32-byte salt,
/// which keeps a guessable value (a yes/no outcome, a date) from being found by hashing candidates.
/// </summary>
public sealed record DatasetLeaf(string Record, string Field, string Value, byte[] Salt)
{
    /// <summary>The field name of the leaf over a whole record (a column cannot be named so: column names are not empty).</summary>
    public const string WholeRecord = "";

    /// <summary>The leaf encoding in the npm library's terms: <c>StandardMerkleTree.of(values, LeafEncoding)</c>.</summary>
    public static IReadOnlyList<string> LeafEncoding { get; } = ["string", "string", "string", "bytes32"];

    /// <summary><c>abi.encode(record, field, value, salt)</c>.</summary>
    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Encode(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The leaf hash: <c>keccak256(keccak256(abi.encode(record, field, value, salt)))</c>.</summary>
    public byte[] Hash()
    {
        var output = new byte[32];
        Hash(Record, Field, Value, Salt, output);
        return output;
    }

    /// <summary>Writes the leaf hash of the four values into <paramref name="output"/> without allocating per call.</summary>
    public static void Hash(string record, string field, string value, ReadOnlySpan<byte> salt, Span<byte> output)
    {
        var writer = t_writer ??= new ArrayBufferWriter<byte>(512);
        writer.ResetWrittenCount();
        Encode(writer, record, field, value, salt);
        KeccakHasher.LeafHash(writer.WrittenSpan, output);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_writer;

    private void Encode(IBufferWriter<byte> writer) => Encode(writer, Record, Field, Value, Salt);

    private static void Encode(IBufferWriter<byte> writer, string record, string field, string value, ReadOnlySpan<byte> salt)
    {
        if (salt.Length != 32)
        {
            throw new CollabInsightsException($"A leaf salt is 32 bytes; the salt of {record} {field} is {salt.Length}. Use the salts file that anchoring wrote (DatasetAnchor.AnchorAsync).");
        }

        var r = Encoding.UTF8.GetByteCount(record);
        var f = Encoding.UTF8.GetByteCount(field);
        var v = Encoding.UTF8.GetByteCount(value);
        var size = 128 + Tail(r) + Tail(f) + Tail(v);
        var span = writer.GetSpan(size)[..size];
        span.Clear();
        var offset = 128;
        WriteWord(span, 0, offset);
        offset += Tail(r);
        WriteWord(span, 32, offset);
        offset += Tail(f);
        WriteWord(span, 64, offset);
        salt.CopyTo(span.Slice(96, 32));
        offset = 128;
        offset = WriteString(span, offset, record, r);
        offset = WriteString(span, offset, field, f);
        WriteString(span, offset, value, v);
        writer.Advance(size);
    }

    private static int Tail(int length) => 32 + ((length + 31) / 32 * 32);

    private static void WriteWord(Span<byte> span, int at, int value) => BinaryPrimitives.WriteInt32BigEndian(span.Slice(at + 28, 4), value);

    private static int WriteString(Span<byte> span, int at, string text, int length)
    {
        WriteWord(span, at, length);
        Encoding.UTF8.GetBytes(text, span.Slice(at + 32, length));
        return at + Tail(length);
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CollabInsights.Anomalies.Evaluation;

/// <summary>
/// A small reader of MATLAB Level 5 MAT-files (the format of the ODDS benchmark's <c>.mat</c> files): numeric and logical
/// matrices, zlib-compressed (<c>miCOMPRESSED</c>) or not, little- or big-endian, any stored element type, read as doubles.
/// Cell arrays, structs, sparse matrices, character arrays and v7.3 (HDF5) files are not read; a file holding only those
/// gets an error saying so. Reference: MathWorks, "MAT-File Format", Level 5 section.
/// </summary>
public static class MatFile
{
    /// <summary>Reads every numeric matrix of the file at <paramref name="path"/>, keyed by variable name.</summary>
    public static IReadOnlyDictionary<string, MatMatrix> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads every numeric matrix of a MAT-file held in <paramref name="bytes"/>; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyDictionary<string, MatMatrix> Read(byte[] bytes, string source = "MAT-file")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 128 || !Encoding.ASCII.GetString(bytes, 0, 10).StartsWith("MATLAB", StringComparison.Ordinal))
        {
            throw new CollabInsightsException($"{source} is not a MATLAB Level 5 MAT-file (no 'MATLAB 5.0 MAT-file' header). Save it in MATLAB with save(..., '-v7') or '-v6', or convert it to a CSV with a label column.");
        }

        var endian = Encoding.ASCII.GetString(bytes, 126, 2);
        var little = endian switch
        {
            "IM" => true,
            "MI" => false,
            _ => throw new CollabInsightsException($"{source} has no endian indicator ('IM' or 'MI') at byte 126; it is not a Level 5 MAT-file."),
        };
        if (Encoding.ASCII.GetString(bytes, 0, 116).Contains("7.3", StringComparison.Ordinal) || (bytes.Length > 512 && Encoding.ASCII.GetString(bytes, 512, 4) == "\u0089HDF"))
        {
            throw new CollabInsightsException($"{source} is a MAT-file v7.3 (HDF5), which this reader does not read. Save it with save(..., '-v7'), or convert it to a CSV with a label column.");
        }

        var result = new Dictionary<string, MatMatrix>(StringComparer.Ordinal);
        ReadElements(bytes.AsSpan(128), little, source, result);
        return result;
    }

    private static void ReadElements(ReadOnlySpan<byte> data, bool little, string source, Dictionary<string, MatMatrix> result)
    {
        var pos = 0;
        while (pos + 8 <= data.Length)
        {
            var (type, size, header, small) = Tag(data[pos..], little);
            if (pos + header + size > data.Length)
            {
                throw new CollabInsightsException($"{source} is truncated: an element at byte {pos + 128} declares {size} bytes, but only {data.Length - pos - header} remain. Download the file again.");
            }

            var body = data.Slice(pos + header, size);
            if (type == 15)
            {
                using var input = new MemoryStream(body.ToArray());
                using var z = new ZLibStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                z.CopyTo(output);
                ReadElements(output.ToArray(), little, source, result);
            }
            else if (type == 14)
            {
                if (ReadMatMatrix(body, little, source) is { } m)
                {
                    result[m.Name] = m;
                }
            }

            pos += small ? 8 : header + (type == 15 ? size : Align8(size));
        }
    }

    private static MatMatrix? ReadMatMatrix(ReadOnlySpan<byte> body, bool little, string source)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var parts = new List<(int Type, byte[] Data)>();
        var pos = 0;
        while (pos + 8 <= body.Length)
        {
            var (type, size, header, small) = Tag(body[pos..], little);
            parts.Add((type, body.Slice(pos + header, size).ToArray()));
            pos += small ? 8 : header + Align8(size);
        }

        if (parts.Count < 4)
        {
            return null;
        }

        var flags = ReadUInt32(parts[0].Data, 0, little);
        var cls = (int)(flags & 0xFF);
        var dims = Enumerable.Range(0, parts[1].Data.Length / 4).Select(i => ReadInt32(parts[1].Data, i * 4, little)).ToArray();
        var name = Encoding.ASCII.GetString(parts[2].Data);
        if (cls is < 6 or > 15 || dims.Length != 2)
        {
            // Cell (1), struct (2), object (3), char (4), sparse (5), or more than two dimensions: not a numeric matrix.
            return null;
        }

        var values = Numbers(parts[3].Type, parts[3].Data, little, source, name);
        var rows = dims[0];
        var columns = dims[1];
        if (values.Length != rows * columns)
        {
            throw new CollabInsightsException($"{source}: variable '{name}' declares {rows} x {columns} values but holds {values.Length}. The file is damaged; download it again.");
        }

        // MATLAB stores column-major; keep rows contiguous.
        var rowMajor = new double[values.Length];
        for (var c = 0; c < columns; c++)
        {
            for (var r = 0; r < rows; r++)
            {
                rowMajor[(r * columns) + c] = values[(c * rows) + r];
            }
        }

        return new MatMatrix(name, rows, columns, rowMajor);
    }

    private static double[] Numbers(int type, byte[] data, bool little, string source, string name)
    {
        int width = type switch { 1 or 2 => 1, 3 or 4 => 2, 5 or 6 or 7 => 4, 9 or 12 or 13 => 8, _ => 0 };
        if (width == 0)
        {
            throw new CollabInsightsException($"{source}: variable '{name}' stores its values as MAT data type {type}, which this reader does not read (it reads integer, single and double data).");
        }

        var n = data.Length / width;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = data.AsSpan(i * width, width);
            result[i] = type switch
            {
                1 => (sbyte)s[0],
                2 => s[0],
                3 => little ? BinaryPrimitives.ReadInt16LittleEndian(s) : BinaryPrimitives.ReadInt16BigEndian(s),
                4 => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s),
                5 => little ? BinaryPrimitives.ReadInt32LittleEndian(s) : BinaryPrimitives.ReadInt32BigEndian(s),
                6 => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s),
                7 => little ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadSingleBigEndian(s),
                9 => little ? BinaryPrimitives.ReadDoubleLittleEndian(s) : BinaryPrimitives.ReadDoubleBigEndian(s),
                12 => little ? BinaryPrimitives.ReadInt64LittleEndian(s) : BinaryPrimitives.ReadInt64BigEndian(s),
                _ => little ? BinaryPrimitives.ReadUInt64LittleEndian(s) : BinaryPrimitives.ReadUInt64BigEndian(s),
            };
        }

        return result;
    }

    private static (int Type, int Size, int Header, bool Small) Tag(ReadOnlySpan<byte> at, bool little)
    {
        var first = little ? BinaryPrimitives.ReadUInt32LittleEndian(at) : BinaryPrimitives.ReadUInt32BigEndian(at);
        if ((first >> 16) != 0)
        {
            // Small data element: size in the upper 16 bits, type in the lower, data in the next 4 bytes.
            return ((int)(first & 0xFFFF), (int)(first >> 16), 4, true);
        }

        var size = little ? BinaryPrimitives.ReadUInt32LittleEndian(at[4..]) : BinaryPrimitives.ReadUInt32BigEndian(at[4..]);
        return ((int)first, checked((int)size), 8, false);
    }

    private static int Align8(int size) => (size + 7) & ~7;

    private static uint ReadUInt32(byte[] data, int offset, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

    private static int ReadInt32(byte[] data, int offset, bool little) => little ? BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(offset)) : BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
}

using System.Globalization;
using System.Text;

namespace CollabInsights.OnChain.Abi;

/// <summary>
/// A Solidity ABI type: elementary (<c>uint256</c>, <c>address</c>, <c>bytes32</c>, <c>string</c> ...),
/// arrays (<c>T[]</c>, <c>T[k]</c>) and tuples (structs), nested to any depth. Parse one with
/// <see cref="Parse(string, IReadOnlyList{AbiParameter}?)"/>; <see cref="CanonicalName"/> is the form used in signatures.
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, int length, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Length = length;
        Components = components;
        CanonicalName = BuildCanonicalName();
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => components.Any(c => c.Type.IsDynamic),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.FixedArray => length * element!.HeadSize,
            AbiTypeKind.Tuple => components.Sum(c => c.Type.HeadSize),
            _ => 32,
        };
    }

    /// <summary>What kind of type this is.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <c>uintN</c>/<c>intN</c>, bytes for <c>bytesN</c>, otherwise 0.</summary>
    public int Size { get; }

    /// <summary>The element type of an array, otherwise null.</summary>
    public AbiType? Element { get; }

    /// <summary>The length of a fixed array <c>T[k]</c>, otherwise 0.</summary>
    public int Length { get; }

    /// <summary>The components of a tuple (empty for other kinds).</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>The canonical name used in function and event signatures, e.g. <c>(uint256,string)[]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>True for types encoded in the tail (bytes, string, T[], and arrays/tuples containing them).</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing tuple (32 for dynamic types).</summary>
    public int HeadSize { get; }

    public static AbiType UInt(int bits = 256) => new(AbiTypeKind.UInt, CheckBits(bits), null, 0, []);

    public static AbiType Int(int bits = 256) => new(AbiTypeKind.Int, CheckBits(bits), null, 0, []);

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, 0, []);

    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, 0, []);

    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, 0, []);

    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, 0, []);

    public static AbiType FixedBytes(int size) => size is >= 1 and <= 32
        ? new(AbiTypeKind.FixedBytes, size, null, 0, [])
        : throw new AbiException($"bytes{size} is not an ABI type: bytesN needs N from 1 to 32.");

    public static AbiType ArrayOf(AbiType element) => new(AbiTypeKind.Array, 0, element, 0, []);

    public static AbiType FixedArrayOf(AbiType element, int length) => length > 0
        ? new(AbiTypeKind.FixedArray, 0, element, length, [])
        : throw new AbiException($"A fixed array needs a positive length, not {length}.");

    public static AbiType Tuple(IReadOnlyList<AbiParameter> components) => new(AbiTypeKind.Tuple, 0, null, 0, components);

    /// <summary>
    /// Parses a type as written in ABI JSON (<c>uint256</c>, <c>tuple[2][]</c> with
    /// <paramref name="components"/>) or in a signature (<c>(uint256,(bytes,string)[])</c>).
    /// <c>uint</c>/<c>int</c> mean 256 bits. Throws <see cref="AbiException"/> naming the bad type.
    /// </summary>
    public static AbiType Parse(string type, IReadOnlyList<AbiParameter>? components = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = type.Trim();
        if (text.EndsWith(']'))
        {
            var open = text.LastIndexOf('[');
            if (open < 0)
            {
                throw new AbiException($"'{type}' is not an ABI type: unbalanced brackets.");
            }

            var element = Parse(text[..open], components);
            var inside = text[(open + 1)..^1];
            if (inside.Length == 0)
            {
                return ArrayOf(element);
            }

            if (!int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new AbiException($"'{type}' is not an ABI type: array length '{inside}' is not a number.");
            }

            return FixedArrayOf(element, length);
        }

        if (text == "tuple")
        {
            return components is null
                ? throw new AbiException("A 'tuple' type needs its components.")
                : Tuple(components);
        }

        if (text.StartsWith("tuple(", StringComparison.Ordinal))
        {
            text = text[5..];
        }

        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            var parts = SplitTopLevel(text[1..^1]);
            return Tuple(parts.Select(p => ParseNamedPart(p)).ToList());
        }

        switch (text)
        {
            case "address": return Address;
            case "bool": return Bool;
            case "string": return String;
            case "bytes": return Bytes;
            case "uint": return UInt(256);
            case "int": return Int(256);
            case "byte": return FixedBytes(1);
        }

        if (text.StartsWith("uint", StringComparison.Ordinal) && TryBits(text[4..], out var ubits))
        {
            return UInt(ubits);
        }

        if (text.StartsWith("int", StringComparison.Ordinal) && TryBits(text[3..], out var ibits))
        {
            return Int(ibits);
        }

        if (text.StartsWith("bytes", StringComparison.Ordinal) && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return FixedBytes(size);
        }

        throw new AbiException($"'{type}' is not a supported ABI type (expected uintN, intN, address, bool, bytesN, bytes, string, T[], T[k] or a tuple).");
    }

    /// <summary>Splits a comma-separated list at the top level (commas inside parentheses or brackets are kept).</summary>
    internal static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '[': depth++; break;
                case ')' or ']': depth--; break;
                case ',' when depth == 0:
                    parts.Add(text[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    private static AbiParameter ParseNamedPart(string part)
    {
        // "uint256 amount", "(uint256,bool)[] items", "address indexed from" are accepted.
        var closing = Math.Max(part.LastIndexOf(')'), part.LastIndexOf(']'));
        var space = part.IndexOf(' ', closing < 0 ? 0 : closing);
        if (space < 0)
        {
            return new AbiParameter(string.Empty, Parse(part));
        }

        var typeText = part[..space];
        var rest = part[(space + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var indexed = rest.Remove("indexed");
        return new AbiParameter(rest.LastOrDefault() ?? string.Empty, Parse(typeText), indexed);
    }

    private static bool TryBits(string digits, out int bits)
    {
        bits = 0;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out bits) && bits is >= 8 and <= 256 && bits % 8 == 0;
    }

    private static int CheckBits(int bits) => bits is >= 8 and <= 256 && bits % 8 == 0
        ? bits
        : throw new AbiException($"{bits} bits is not an ABI integer size: use a multiple of 8 from 8 to 256.");

    private string BuildCanonicalName() => Kind switch
    {
        AbiTypeKind.UInt => "uint" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Int => "int" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.FixedBytes => "bytes" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.String => "string",
        AbiTypeKind.Array => Element!.CanonicalName + "[]",
        AbiTypeKind.FixedArray => Element!.CanonicalName + "[" + Length.ToString(CultureInfo.InvariantCulture) + "]",
        AbiTypeKind.Tuple => "(" + string.Join(",", Components.Select(c => c.Type.CanonicalName)) + ")",
        _ => throw new InvalidOperationException(),
    };

    public bool Equals(AbiType? other) => other is not null && string.Equals(CanonicalName, other.CanonicalName, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    public override string ToString() => CanonicalName;

    internal static string JoinCanonical(IEnumerable<AbiParameter> parameters)
    {
        var builder = new StringBuilder();
        builder.Append('(');
        builder.AppendJoin(',', parameters.Select(p => p.Type.CanonicalName));
        builder.Append(')');
        return builder.ToString();
    }
}

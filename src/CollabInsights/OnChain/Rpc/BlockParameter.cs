using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;

namespace CollabInsights.OnChain.Rpc;

/// <summary>A block number or tag (<c>latest</c>, <c>pending</c>, <c>safe</c>, <c>finalized</c>, <c>earliest</c>) as JSON-RPC takes it. A <see cref="long"/> converts implicitly.</summary>
public readonly record struct BlockParameter
{
    private readonly string? _tag;

    private BlockParameter(long? number, string? tag)
    {
        Number = number;
        _tag = tag;
    }

    /// <summary>The block number, or null for a tag.</summary>
    public long? Number { get; }

    /// <summary>The newest block.</summary>
    public static BlockParameter Latest { get; } = new(null, "latest");

    /// <summary>The newest block plus pending transactions.</summary>
    public static BlockParameter Pending { get; } = new(null, "pending");

    /// <summary>The genesis block.</summary>
    public static BlockParameter Earliest { get; } = new(null, "earliest");

    /// <summary>The newest block the consensus layer calls safe.</summary>
    public static BlockParameter Safe { get; } = new(null, "safe");

    /// <summary>The newest finalized block.</summary>
    public static BlockParameter Finalized { get; } = new(null, "finalized");

    /// <summary>A numbered block.</summary>
    public static BlockParameter FromNumber(long number) => number >= 0 ? new(number, null) : throw new ArgumentOutOfRangeException(nameof(number), number, "Block numbers are not negative.");

    /// <summary>Parses a decimal number, <c>0x</c>-hex, or a tag.</summary>
    public static BlockParameter Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            "latest" => Latest,
            "pending" => Pending,
            "earliest" => Earliest,
            "safe" => Safe,
            "finalized" => Finalized,
            _ when t.StartsWith("0x", StringComparison.Ordinal) => FromNumber((long)t.HexToBigInteger(false)),
            _ when long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => FromNumber(n),
            _ => throw new CollabInsightsException($"'{text}' is not a block: give a number or latest, pending, safe, finalized, earliest."),
        };
    }

    public static implicit operator BlockParameter(long number) => FromNumber(number);

    /// <summary>The JSON-RPC form: a hex quantity or the tag.</summary>
    public override string ToString() => Number is { } n ? new HexBigInteger(n).HexValue : _tag ?? "latest";
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>A provider's "too many results" / "range too large" answer and the hint it gave, if any.</summary>
internal sealed record RangeLimitError(long? SuggestedFrom, long? SuggestedTo, long? MaxBlocks, bool ResultLimit)
{
    public long? SuggestedSize => SuggestedFrom is { } a && SuggestedTo is { } b && b >= a ? b - a + 1 : null;
}

/// <summary>Recognises range-limit errors of common providers (Infura, Alchemy, QuickNode, Ankr, geth, Erigon, BSC/Polygon nodes) and parses their hints.</summary>
internal static partial class RangeErrorClassifier
{
    public static RangeLimitError? Classify(int? rpcCode, string message)
    {
        var text = message ?? "";
        var resultLimit = ResultLimitText().IsMatch(text);
        var rangeText = RangeText().IsMatch(text);
        var isLimit = resultLimit || rangeText || rpcCode == -32005 || (rpcCode == -32602 && rangeText);
        if (!isLimit)
        {
            return null;
        }

        long? from = null, to = null, max = null;
        var bracket = BracketHint().Match(text);
        if (bracket.Success)
        {
            from = ParseNumber(bracket.Groups[1].Value);
            to = ParseNumber(bracket.Groups[2].Value);
        }

        foreach (var regex in (Regex[])[BlocksHint(), RangeColonHint(), LimitedToHint()])
        {
            var m = regex.Match(text);
            if (m.Success)
            {
                var n = long.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
                if (m.Groups[2].Success && m.Groups[2].Value.Length > 0)
                {
                    n *= 1000;
                }

                if (n > 0)
                {
                    max = n;
                    break;
                }
            }
        }

        return new RangeLimitError(from, to, max, resultLimit && !rangeText);
    }

    private static long ParseNumber(string s) =>
        s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.Parse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"more than \d[\d,]* results|too many (results|logs)|response size|result(s)? (limit|exceed)|query exceeds max results|returned too many", RegexOptions.IgnoreCase)]
    private static partial Regex ResultLimitText();

    [GeneratedRegex(@"block range|range (is )?too (large|wide|big)|exceed(s|ed)? (the )?max(imum)? (block )?range|ranges? over|limited to a|max(imum)? range|range limit", RegexOptions.IgnoreCase)]
    private static partial Regex RangeText();

    [GeneratedRegex(@"\[\s*(0x[0-9a-fA-F]+|\d+)\s*,\s*(0x[0-9a-fA-F]+|\d+)\s*\]")]
    private static partial Regex BracketHint();

    [GeneratedRegex(@"(\d[\d,]*)\s*(k)?\s*-?\s*blocks?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlocksHint();

    [GeneratedRegex(@"range(?: limit)?(?: is| of)?\s*:?\s*(\d[\d,]*)\s*(k)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RangeColonHint();

    [GeneratedRegex(@"limited to (?:a |an )?(\d[\d,]*)\s*(k)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitedToHint();
}

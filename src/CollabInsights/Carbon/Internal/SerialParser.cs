using System.Globalization;
using System.Text.RegularExpressions;

namespace CollabInsights.Carbon.Internal;

/// <summary>
/// Reads the serial-number blocks of each registry's exports into <see cref="SerialRange"/>s. Each returns null
/// when the text is not of that registry's form (the caller records the located problem).
/// </summary>
internal static partial class SerialParser
{
    /// <summary>The pattern CAD Trust gives as <c>serialNumberPattern</c> when a unit states none.</summary>
    public const string CadtDefaultPattern = @"[.*\D]+([0-9]+)+[-][.*\D]+([0-9]+)$";

    /// <summary>APX registries (ACR, CAR, ART TREES): <c>ACR-FR-1129-2025-2917-30932 to 35143</c>.</summary>
    public static SerialRange? Apx(string text)
    {
        var m = ApxPattern().Match(text.Trim());
        return m.Success ? Make(m.Groups["stem"].Value, m.Groups["first"].Value, m.Groups["last"].Value, text) : null;
    }

    /// <summary>
    /// Gold Standard: <c>GS1-1-UG-GS11236-16-2024-30307-1-19149</c> (the last two numbers are the range), or the older
    /// <c>RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014</c> (first and last serial, differing in one number; the stem
    /// marks that number with <c>*</c>).
    /// </summary>
    public static SerialRange? GoldStandard(string text)
    {
        var trimmed = text.Trim();
        var halves = trimmed.Split(" - ", StringSplitOptions.TrimEntries);
        if (halves.Length == 2)
        {
            var a = halves[0].Split('-');
            var b = halves[1].Split('-');
            if (a.Length != b.Length)
            {
                return null;
            }

            var differ = Enumerable.Range(0, a.Length).Where(i => !string.Equals(a[i], b[i], StringComparison.Ordinal)).ToList();
            if (differ.Count != 1 || !Digits().IsMatch(a[differ[0]]) || !Digits().IsMatch(b[differ[0]]))
            {
                return null;
            }

            var stem = string.Join('-', a.Select((t, i) => i == differ[0] ? "*" : t));
            return Make(stem, a[differ[0]], b[differ[0]], text);
        }

        var m = DashPairPattern().Match(trimmed);
        return m.Success ? Make(m.Groups["stem"].Value, m.Groups["first"].Value, m.Groups["last"].Value, text) : null;
    }

    /// <summary>
    /// Verra: <c>19385-941467007-941467431-VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1</c>. The second and third numbers are
    /// VCU numbers, unique across the registry, so the stem is the unit kind that follows them (<c>VCS-VCU</c>), not the batch.
    /// </summary>
    public static SerialRange? Verra(string text)
    {
        var m = VerraPattern().Match(text.Trim());
        return m.Success ? Make(m.Groups["program"].Value + "-" + m.Groups["unit"].Value, m.Groups["first"].Value, m.Groups["last"].Value, text) : null;
    }

    /// <summary>Cercarbono: the <c>serial</c> names the block, <c>from</c> and <c>to</c> number it.</summary>
    public static SerialRange? Cercarbono(string serial, string from, string to) =>
        serial.Length > 0 && Digits().IsMatch(from.Trim()) && Digits().IsMatch(to.Trim()) ? Make(serial.Trim(), from.Trim(), to.Trim(), $"{serial.Trim()} {from.Trim()}-{to.Trim()}") : null;

    /// <summary>
    /// CAD Trust: <c>serialNumberBlock</c> read with the unit's <c>serialNumberPattern</c> (two groups: first and last number);
    /// the stem is the text before the first number. Null when the pattern does not match or is not a valid pattern.
    /// </summary>
    public static SerialRange? Cadt(string block, string? pattern)
    {
        Regex regex;
        try
        {
            regex = new Regex(string.IsNullOrWhiteSpace(pattern) ? CadtDefaultPattern : pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }

        var m = regex.Match(block.Trim());
        if (!m.Success || m.Groups.Count < 3)
        {
            return null;
        }

        var stem = block.Trim()[..m.Groups[1].Index].TrimEnd('-');
        return Make(stem.Length == 0 ? block.Trim() : stem, m.Groups[1].Value, m.Groups[2].Value, block);
    }

    private static SerialRange? Make(string stem, string first, string last, string text)
    {
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var a) || !long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b < a)
        {
            return null;
        }

        return new SerialRange(stem, a, b, text.Trim());
    }

    [GeneratedRegex(@"^(?<stem>.+?)-(?<first>\d+)\s+to\s+(?<last>\d+)$")]
    private static partial Regex ApxPattern();

    [GeneratedRegex(@"^(?<stem>.+)-(?<first>\d+)-(?<last>\d+)$")]
    private static partial Regex DashPairPattern();

    [GeneratedRegex(@"^\d+-(?<first>\d+)-(?<last>\d+)-(?<program>[A-Z]+)-(?<unit>[A-Z]+)-")]
    private static partial Regex VerraPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();
}

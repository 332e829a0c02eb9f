using System.Globalization;
using System.Text.RegularExpressions;
using CollabInsights.Domain;

namespace CollabInsights.OffChain.Internal;

/// <summary>The outcome of reading one amount cell: the value (or none), its currency, and the problem to record (if any).</summary>
internal readonly record struct AmountCell(decimal? Amount, string? Currency, ProblemSeverity? Severity, string? Message);

/// <summary>
/// Pure rules for reading INDIGO cells. The rules are documented on <see cref="IndigoSource"/>;
/// the independent Python check in tests/fixtures/indigo-python/summary.py implements the same ones.
/// </summary>
internal static partial class IndigoCells
{
    /// <summary>Currency symbols seen in amount cells and the ISO 4217 codes each may stand for.</summary>
    private static readonly Dictionary<string, string[]> Symbols = new(StringComparer.Ordinal)
    {
        ["$"] = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD"],
        ["US$"] = ["USD"],
        ["C$"] = ["CAD"],
        ["A$"] = ["AUD"],
        ["NZ$"] = ["NZD"],
        ["£"] = ["GBP"],
        ["€"] = ["EUR"],
        ["¥"] = ["JPY", "CNY"],
        ["CHF"] = ["CHF"],
    };

    /// <summary>Symbols of currencies always written in English notation (comma = thousands separator).</summary>
    private static readonly HashSet<string> EnglishNotationSymbols = new(StringComparer.Ordinal) { "$", "US$", "C$", "A$", "NZ$", "£", "¥" };

    /// <summary>Currency names written instead of codes, mapped only where the name designates exactly one currency.</summary>
    private static readonly Dictionary<string, string> CurrencyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Japanese Yen"] = "JPY",
        ["Russian Ruble"] = "RUB",
        ["Russian Rubles"] = "RUB",
        ["Swiss Franc"] = "CHF",
        ["Swiss Francs"] = "CHF",
        ["South African Rand"] = "ZAR",
        ["South Korean Won"] = "KRW",
        ["Israeli New Shekel"] = "ILS",
        ["Israeli New Shekels"] = "ILS",
        ["NZ Dollar"] = "NZD",
    };

    /// <summary>True for <c>-?digits(.digits)?</c>, the export's own number format.</summary>
    public static bool IsPlainNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (s.Length > 0 && s[0] == '-')
        {
            i = 1;
        }

        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == start)
        {
            return false;
        }

        if (i == s.Length)
        {
            return true;
        }

        if (s[i] != '.')
        {
            return false;
        }

        i++;
        var frac = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > frac && i == s.Length;
    }

    /// <summary>Parses a plain number (see <see cref="IsPlainNumber"/>); null when it is not one or does not fit a decimal.</summary>
    public static decimal? PlainDecimal(string s) =>
        IsPlainNumber(s) && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Reads a currency cell: a known ISO code as is, a currency name that designates one currency with a warning, anything else invalid.</summary>
    public static (string? Code, ProblemSeverity? Severity, string? Message) Currency(string trimmed)
    {
        if (trimmed.Length == 0)
        {
            return (null, null, null);
        }

        if (Iso4217.IsKnown(trimmed))
        {
            return (trimmed, null, null);
        }

        if (CurrencyNames.TryGetValue(trimmed, out var code))
        {
            return (code, ProblemSeverity.Warning, $"currency name read as the ISO 4217 code {code}");
        }

        return (null, ProblemSeverity.Invalid, "unknown currency code: expected a three-letter ISO 4217 code such as GBP, USD or EUR");
    }

    /// <summary>
    /// Reads an amount cell. <paramref name="rowCurrency"/> is the row's currency code (null when the
    /// currency cell is empty or invalid); <paramref name="currencyCellEmpty"/> tells the two apart.
    /// </summary>
    public static AmountCell Amount(string trimmed, string? rowCurrency, bool currencyCellEmpty)
    {
        if (trimmed.Length == 0)
        {
            return default;
        }

        if (IsPlainNumber(trimmed))
        {
            if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain))
            {
                return new(null, null, ProblemSeverity.Invalid, "number too large");
            }

            if (rowCurrency is null)
            {
                return currencyCellEmpty
                    ? new(null, null, ProblemSeverity.Invalid, "amount without a currency: the row's currency cell is empty; fill it with an ISO 4217 code")
                    : new(null, null, null, null);
            }

            return new(plain, rowCurrency, null, null);
        }

        if (trimmed[0] == '=')
        {
            return new(null, null, ProblemSeverity.Invalid, "spreadsheet formula, not a value: replace it with the computed amount");
        }

        if (Symbols.ContainsKey(trimmed))
        {
            return new(null, null, ProblemSeverity.Warning, "currency symbol without an amount: read as no amount");
        }

        var m = SymbolAmount().Match(trimmed);
        if (!m.Success || (m.Groups["sym"].Length == 0 && !m.Groups["num"].Value.Contains(',', StringComparison.Ordinal)))
        {
            return new(null, null, ProblemSeverity.Invalid, "not an amount: expected digits with an optional decimal point (e.g. 1250000.50); text, ranges, abbreviations such as 1.3M and notes are not read");
        }

        var sym = m.Groups["sym"].Value;
        var num = m.Groups["num"].Value;
        if (DotThousandsOrDecimals().IsMatch(num) || (OneCommaGroup().IsMatch(num) && !EnglishNotationSymbols.Contains(sym)))
        {
            return new(null, null, ProblemSeverity.Invalid, "ambiguous amount: the separator may mark thousands or decimals; write the amount as plain digits with '.' for decimals");
        }

        var value = decimal.Parse(num.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var normalised = value.ToString(CultureInfo.InvariantCulture);
        if (sym.Length == 0)
        {
            if (rowCurrency is null)
            {
                return currencyCellEmpty
                    ? new(null, null, ProblemSeverity.Invalid, "amount without a currency: the row's currency cell is empty; fill it with an ISO 4217 code")
                    : new(null, null, null, null);
            }

            return new(value, rowCurrency, ProblemSeverity.Warning, $"thousands separators removed: read as {normalised} {rowCurrency}");
        }

        var candidates = Symbols[sym];
        if (rowCurrency is not null)
        {
            return candidates.Contains(rowCurrency, StringComparer.Ordinal)
                ? new(value, rowCurrency, ProblemSeverity.Warning, $"currency symbol and separators removed: read as {normalised} {rowCurrency}")
                : new(null, null, ProblemSeverity.Invalid, $"currency symbol '{sym}' does not match the row's currency {rowCurrency}");
        }

        if (!currencyCellEmpty)
        {
            return new(null, null, null, null);
        }

        return candidates.Length == 1
            ? new(value, candidates[0], ProblemSeverity.Warning, $"currency symbol and separators removed: read as {normalised} {candidates[0]} (currency from the symbol; the currency cell is empty)")
            : new(null, null, ProblemSeverity.Invalid, $"currency symbol '{sym}' is used by several currencies ({string.Join(", ", candidates)}) and the row's currency cell is empty: fill it with an ISO 4217 code");
    }

    /// <summary>Reads a whole non-negative number (counts of people).</summary>
    public static int? WholeNumber(string trimmed) =>
        trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit) && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex(@"^(?<sym>US\$|C\$|A\$|NZ\$|\$|£|€|¥|CHF)? ?(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolAmount();

    [GeneratedRegex(@"^[0-9]{1,3}\.[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DotThousandsOrDecimals();

    [GeneratedRegex(@"^[0-9]{1,3},[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex OneCommaGroup();
}

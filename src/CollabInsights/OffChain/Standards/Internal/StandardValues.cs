using System.Globalization;
using CollabInsights.Domain;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>Parsing of the values the standards share: amounts, currencies, dates.</summary>
internal static class StandardValues
{
    /// <summary>A decimal written with invariant culture (optional sign, digits, optional fraction, optional exponent); null when not a number.</summary>
    public static decimal? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>
    /// A date from ISO 8601 text (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, or a date-time whose first ten characters are
    /// a date); <paramref name="dayFirst"/> also accepts <c>DD/MM/YYYY</c> (with an optional time), which old 360Giving files use.
    /// Returns the date and, for a day-first date, a note for a warning; an unreadable date gives an error text.
    /// </summary>
    public static (PartialDate? Date, string? Note, string? Error) Date(string? text, bool dayFirst = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, null);
        }

        var t = text.Trim();
        if (t.Length > 10 && (t[10] == 'T' || t[10] == ' ') && t[4] == '-')
        {
            t = t[..10];
        }

        if (PartialDate.TryParse(t, out var date, out var error))
        {
            return (date, null, null);
        }

        if (dayFirst)
        {
            var head = t.Split(' ')[0];
            if (DateOnly.TryParseExact(head, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (PartialDate.FromDate(d), "not an ISO 8601 date: read as day/month/year", null);
            }
        }

        return (null, null, error + (dayFirst ? " (or DD/MM/YYYY)" : string.Empty));
    }
}

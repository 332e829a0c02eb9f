using System.Globalization;

namespace CollabInsights.Domain;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A date known to a year, a month or a day, as INDIGO records them (<c>YYYY</c>,
/// <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>). The precision is kept: <c>2019</c> is not 1 January 2019.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day the value covers (1 January for a year, the 1st for a month).</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day the value covers (31 December for a year, the month's last day for a month).</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Day => new DateOnly(Year, Month!.Value, Day!.Value),
        DatePrecision.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month!.Value)),
        _ => new DateOnly(Year, 12, 31),
    };

    public static PartialDate OfYear(int year) => Create(year, null, null);

    public static PartialDate OfMonth(int year, int month) => Create(year, month, null);

    public static PartialDate OfDay(int year, int month, int day) => Create(year, month, day);

    public static PartialDate FromDate(DateOnly date) => OfDay(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; throws <see cref="FormatException"/> with the reason.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>
    /// Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>. On failure <paramref name="error"/>
    /// says what was expected (for example "month 13 does not exist").
    /// </summary>
    public static bool TryParse(string? text, out PartialDate value, out string? error)
    {
        value = default;
        error = null;
        var s = text?.Trim() ?? string.Empty;
        var parts = s.Split('-');
        if (s.Length == 0 || parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) || parts.Any(p => !p.All(char.IsAsciiDigit)))
        {
            error = $"'{text}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year < 1)
        {
            error = $"'{text}': year {year} is out of range";
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = $"'{text}': month {month} does not exist (expected 01 to 12)";
            return false;
        }

        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            error = $"'{text}': day {day} does not exist in {year:D4}-{month:D2}";
            return false;
        }

        value = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>Orders by the first day covered, then by precision (year before month before day).</summary>
    public int CompareTo(PartialDate other)
    {
        var c = FirstDay.CompareTo(other.FirstDay);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <summary>The value at its own precision: <c>2019</c>, <c>2019-07</c> or <c>2019-07-15</c>.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    private static PartialDate Create(int year, int? month, int? day)
    {
        var text = day is not null ? $"{year:D4}-{month:D2}-{day:D2}" : month is not null ? $"{year:D4}-{month:D2}" : $"{year:D4}";
        return TryParse(text, out var value, out var error) ? value : throw new ArgumentOutOfRangeException(nameof(year), error);
    }
}

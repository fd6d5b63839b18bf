using System.Collections.Concurrent;

namespace OneStop.Workflows.Calendar;

/// <summary>A date of the Vietnamese lunar calendar (âm lịch).</summary>
/// <param name="Year">The lunar year, numbered as the Gregorian year in which its first day (Tết) falls.</param>
/// <param name="Month">The month, 1–12.</param>
/// <param name="Day">The day of the month, 1–30.</param>
/// <param name="IsLeapMonth">True in an intercalary (leap, nhuận) month, which repeats the number of the month before it.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false);

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7: a month starts on the local
/// day of the new moon; month 11 contains the December solstice; in a year with thirteen months between two month 11s
/// the first month without a major solar term (a multiple of 30° of solar longitude) is the leap month. Using UTC+7
/// rather than China's UTC+8 is what makes, for example, Tết 1985 fall on 21 January rather than 20 February.
/// </summary>
/// <remarks>
/// Vietnam adopted the UTC+7 meridian for the lunar calendar in 1968 (the North) and 1976 (the whole country);
/// earlier dates are computed at UTC+7 too, so they may differ from what was printed at the time.
/// </remarks>
public static class LunarCalendar
{
    /// <summary>The first lunar year this implementation answers for.</summary>
    public const int MinYear = 1800;

    /// <summary>The last lunar year this implementation answers for.</summary>
    public const int MaxYear = 2200;

    private const double TimeZoneHours = 7.0;
    private const double SynodicMonth = 29.530588861;
    private const double NewMoonEpoch = 2451550.09766;

    // JDN of 0001-01-01 (proleptic Gregorian) is the offset between DateOnly.DayNumber and the Julian day number.
    private const int JulianDayOfDayZero = 1721426;

    private static readonly ConcurrentDictionary<int, LunarYear> Years = new();

    /// <summary>The first day (Tết Nguyên đán, 1/1 lunar) of lunar year <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => YearOf(year).Months[0].Start;

    /// <summary>The leap month of a lunar year (the number it repeats), or 0 when the year has twelve months.</summary>
    public static int LeapMonth(int year)
    {
        foreach (var month in YearOf(year).Months)
        {
            if (month.IsLeap)
            {
                return month.Number;
            }
        }
        return 0;
    }

    /// <summary>The number of days (29 or 30) in a lunar month.</summary>
    public static int DaysInMonth(int year, int month, bool isLeapMonth = false) =>
        FindMonth(YearOf(year), month, isLeapMonth) is { } found
            ? found.Length
            : throw new ArgumentOutOfRangeException(nameof(month), $"Lunar year {year} has no {(isLeapMonth ? "leap " : "")}month {month}.");

    /// <summary>Converts a Gregorian date to the lunar calendar.</summary>
    public static LunarDate FromGregorian(DateOnly date)
    {
        var year = date < NewYear(date.Year) ? date.Year - 1 : date.Year;
        foreach (var month in YearOf(year).Months)
        {
            if (date >= month.Start && date < month.Start.AddDays(month.Length))
            {
                return new LunarDate(year, month.Number, date.DayNumber - month.Start.DayNumber + 1, month.IsLeap);
            }
        }
        throw new InvalidOperationException($"No lunar month contains {date:yyyy-MM-dd}.");
    }

    /// <summary>Converts a lunar date to the Gregorian calendar; false when that lunar date does not exist.</summary>
    public static bool TryToGregorian(LunarDate date, out DateOnly gregorian)
    {
        gregorian = default;
        if (date.Day < 1 || FindMonth(YearOf(date.Year), date.Month, date.IsLeapMonth) is not { } month || date.Day > month.Length)
        {
            return false;
        }
        gregorian = month.Start.AddDays(date.Day - 1);
        return true;
    }

    /// <summary>Converts a lunar date to the Gregorian calendar or throws when it does not exist (e.g. a 30th in a 29-day month).</summary>
    public static DateOnly ToGregorian(LunarDate date) =>
        TryToGregorian(date, out var gregorian)
            ? gregorian
            : throw new ArgumentOutOfRangeException(nameof(date), $"The lunar date {date} does not exist.");

    private static LunarMonth? FindMonth(LunarYear year, int number, bool isLeap)
    {
        foreach (var month in year.Months)
        {
            if (month.Number == number && month.IsLeap == isLeap)
            {
                return month;
            }
        }
        return null;
    }

    private static LunarYear YearOf(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Lunar years {MinYear}–{MaxYear} are supported.");
        }
        return Years.GetOrAdd(year, BuildYear);
    }

    // Lunar year Y runs from month 1 inside the solstice period ending in December Y to month 1 inside the next one.
    private static LunarYear BuildYear(int year)
    {
        var months = new List<LunarMonth>(13);
        var current = LabelPeriod(year);
        var next = LabelPeriod(year + 1);
        months.AddRange(current.Skip(current.FindIndex(IsFirstMonth)));
        months.AddRange(next.Take(next.FindIndex(IsFirstMonth)));
        return new LunarYear(months);

        static bool IsFirstMonth(LunarMonth m) => m.Number == 1 && !m.IsLeap;
    }

    // The months from month 11 of Gregorian year Y−1 up to (not including) month 11 of year Y.
    private static List<LunarMonth> LabelPeriod(int year)
    {
        var first = Month11Index(year - 1);
        var last = Month11Index(year);
        var leapOffset = last - first == 13 ? LeapOffset(first) : -1;
        var months = new List<LunarMonth>(13);
        var number = 11;
        for (var offset = 0; offset < last - first; offset++)
        {
            var isLeap = offset == leapOffset;
            if (offset > 0 && !isLeap)
            {
                number = number % 12 + 1;
            }
            var start = NewMoonDay(first + offset);
            months.Add(new LunarMonth(number, isLeap, start, NewMoonDay(first + offset + 1).DayNumber - start.DayNumber));
        }
        return months;
    }

    // The new moon index of the month that contains the December solstice of Gregorian year Y.
    private static int Month11Index(int year)
    {
        var december31 = new DateOnly(year, 12, 31);
        var k = (int)Math.Floor((december31.DayNumber + JulianDayOfDayZero - NewMoonEpoch) / SynodicMonth);
        while (NewMoonDay(k + 1) <= december31)
        {
            k++;
        }
        while (NewMoonDay(k) > december31)
        {
            k--;
        }
        // Sector 9 (270°) already reached at the start of that month's first day: the solstice lies in the month before.
        return SunSectorAtStartOf(NewMoonDay(k)) >= 9 ? k - 1 : k;
    }

    // In a thirteen-month period the leap month is the first after month 11 in which no major term begins,
    // i.e. the sun's 30° sector is the same at its start and at the start of the following month.
    private static int LeapOffset(int month11Index)
    {
        for (var offset = 1; offset < 13; offset++)
        {
            if (SunSectorAtStartOf(NewMoonDay(month11Index + offset)) == SunSectorAtStartOf(NewMoonDay(month11Index + offset + 1)))
            {
                return offset;
            }
        }
        return 12;
    }

    private static DateOnly NewMoonDay(int k) =>
        DateOnly.FromDayNumber((int)Math.Floor(Astronomy.NewMoon(k) + 0.5 + TimeZoneHours / 24.0) - JulianDayOfDayZero);

    private static int SunSectorAtStartOf(DateOnly localDay)
    {
        var localMidnight = localDay.DayNumber + JulianDayOfDayZero - 0.5 - TimeZoneHours / 24.0;
        return (int)(Astronomy.SunLongitude(localMidnight) / 30.0);
    }

    private sealed record LunarMonth(int Number, bool IsLeap, DateOnly Start, int Length);

    private sealed record LunarYear(IReadOnlyList<LunarMonth> Months);
}

using System.Globalization;
using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(1968, "1968-01-29")] // Tết Mậu Thân: the North already on UTC+7, a day before the South
    [InlineData(1985, "1985-01-21")] // China (UTC+8): 1985-02-20
    [InlineData(2000, "2000-02-05")]
    [InlineData(2007, "2007-02-17")] // China: 2007-02-18
    [InlineData(2020, "2020-01-25")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")] // new moon 2030-02-02 16:07 UT = 23:07 in Hà Nội, 00:07 on 03/02 in Beijing
    public void Tet_falls_on_the_Vietnamese_date(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), LunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2023, "2023-04-29")] // after leap month 2
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    [InlineData(2028, "2028-04-04")]
    public void Hung_Kings_day_is_the_10th_of_the_third_lunar_month(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), LunarCalendar.ToGregorian(new LunarDate(year, 3, 10)));

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2026, 0)]
    [InlineData(2028, 5)]
    [InlineData(2033, 11)]
    public void Leap_month_is_the_first_month_without_a_major_solar_term(int year, int leapMonth) =>
        Assert.Equal(leapMonth, LunarCalendar.LeapMonth(year));

    [Theory]
    [InlineData(1985)]
    [InlineData(2007)]
    public void Differs_from_the_Chinese_calendar_where_the_new_moon_falls_between_midnight_at_UTC7_and_UTC8(int year)
    {
        var chinese = new ChineseLunisolarCalendar();
        var chineseNewYear = DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));

        Assert.NotEqual(chineseNewYear, LunarCalendar.NewYear(year));
    }

    [Fact]
    public void The_day_before_Tet_2026_is_the_last_day_of_the_lunar_year_2025()
    {
        var eve = LunarCalendar.FromGregorian(new DateOnly(2026, 2, 16));

        Assert.Equal(new LunarDate(2025, 12, LunarCalendar.DaysInMonth(2025, 12)), eve);
        Assert.Equal(new LunarDate(2026, 1, 1), LunarCalendar.FromGregorian(new DateOnly(2026, 2, 17)));
    }

    [Fact]
    public void A_leap_month_follows_the_month_it_repeats()
    {
        var leap = LunarCalendar.ToGregorian(new LunarDate(2025, 6, 1, IsLeapMonth: true));
        var regular = LunarCalendar.ToGregorian(new LunarDate(2025, 6, 1));

        Assert.Equal(regular.AddDays(LunarCalendar.DaysInMonth(2025, 6)), leap);
        Assert.Equal(new LunarDate(2025, 6, 1, true), LunarCalendar.FromGregorian(leap));
    }

    [Fact]
    public void Dates_that_do_not_exist_are_refused()
    {
        var shortMonth = Enumerable.Range(1, 12).First(m => LunarCalendar.DaysInMonth(2026, m) == 29);

        Assert.False(LunarCalendar.TryToGregorian(new LunarDate(2026, shortMonth, 30), out _));
        Assert.False(LunarCalendar.TryToGregorian(new LunarDate(2026, 3, 1, IsLeapMonth: true), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToGregorian(new LunarDate(2026, 13, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.NewYear(LunarCalendar.MaxYear + 1));
    }

    [Fact]
    public void Every_day_from_1900_to_2100_converts_both_ways_and_follows_the_day_before()
    {
        var previous = LunarCalendar.FromGregorian(new DateOnly(1900, 3, 1));
        for (var date = new DateOnly(1900, 3, 2); date.Year <= 2100; date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromGregorian(date);

            Assert.Equal(date, LunarCalendar.ToGregorian(lunar));
            var nextDayOfMonth = lunar == previous with { Day = previous.Day + 1 };
            var newMonth = lunar.Day == 1 && previous.Day == LunarCalendar.DaysInMonth(previous.Year, previous.Month, previous.IsLeapMonth);
            Assert.True(nextDayOfMonth || newMonth, $"{date:yyyy-MM-dd}: {previous} then {lunar}");
            previous = lunar;
        }
    }

    [Fact]
    public void Every_supported_year_has_twelve_or_thirteen_months_and_Tet_between_21_January_and_20_February()
    {
        for (var year = LunarCalendar.MinYear; year <= LunarCalendar.MaxYear; year++)
        {
            var tet = LunarCalendar.NewYear(year);
            var length = LunarCalendar.NewYear(Math.Min(year + 1, LunarCalendar.MaxYear)).DayNumber - tet.DayNumber;

            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
            if (year < LunarCalendar.MaxYear)
            {
                Assert.Contains(length, LunarCalendar.LeapMonth(year) == 0 ? new[] { 353, 354, 355 } : [383, 384, 385]);
            }
        }
    }
}

using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

public class VietnameseHolidaysTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamDefault;

    [Fact]
    public void The_2026_days_off_are_the_statutory_holidays_with_the_published_Tet_and_a_compensatory_Monday()
    {
        var days = Calendar.SpecialDaysIn(2026).Select(d => (d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Kind));

        Assert.Equal(
        [
            ("01-01", SpecialDayKind.Holiday),
            ("02-16", SpecialDayKind.Holiday), ("02-17", SpecialDayKind.Holiday), ("02-18", SpecialDayKind.Holiday),
            ("02-19", SpecialDayKind.Holiday), ("02-20", SpecialDayKind.Holiday),
            ("04-26", SpecialDayKind.Holiday), ("04-27", SpecialDayKind.CompensatoryDayOff),
            ("04-30", SpecialDayKind.Holiday), ("05-01", SpecialDayKind.Holiday),
            ("09-02", SpecialDayKind.Holiday), ("09-03", SpecialDayKind.Holiday),
        ], days);
    }

    [Fact]
    public void The_Tet_2026_break_runs_from_14_to_22_February_as_published()
    {
        for (var date = new DateOnly(2026, 2, 14); date <= new DateOnly(2026, 2, 22); date = date.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(date), date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 13)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
        var tet = Calendar.DayOf(new DateOnly(2026, 2, 17)).Special;
        Assert.NotNull(tet);
        Assert.Contains("Bính Ngọ 2026", tet.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Hung_Kings_day_on_Sunday_26_April_2026_gives_Monday_27_April_off()
    {
        var monday = Calendar.DayOf(new DateOnly(2026, 4, 27));

        Assert.False(monday.IsWorkingDay);
        Assert.Equal(SpecialDayKind.CompensatoryDayOff, monday.Special?.Kind);
        Assert.Equal(VietnameseHolidays.HungKings, monday.Special?.Rule);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 4, 28)));
    }

    [Fact]
    public void Tet_days_on_a_weekend_are_made_up_on_the_next_working_days()
    {
        // Tết 2027 is Saturday 06/02: default days Fri 05 to Tue 09, with Saturday and Sunday taken on Wed 10 and Thu 11.
        var off = Calendar.SpecialDaysIn(2027).Where(d => d.Date.Month == 2).Select(d => (d.Date.Day, d.Kind));

        Assert.Equal(
        [
            (5, SpecialDayKind.Holiday), (6, SpecialDayKind.Holiday), (7, SpecialDayKind.Holiday), (8, SpecialDayKind.Holiday),
            (9, SpecialDayKind.Holiday), (10, SpecialDayKind.CompensatoryDayOff), (11, SpecialDayKind.CompensatoryDayOff),
        ], off);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 2, 12)));
    }

    [Theory]
    [InlineData(2021, 3)]
    [InlineData(2022, 1)]
    [InlineData(2023, 1)]
    [InlineData(2024, 3)]
    [InlineData(2025, 1)]
    public void The_day_beside_2_September_joins_the_break_to_the_weekend_as_the_government_chose(int year, int day)
    {
        Assert.Equal(new DateOnly(year, 9, day), VietnameseHolidays.AdjacentDay(new DateOnly(year, 9, 2)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(year, 9, day)));
    }

    [Fact]
    public void National_day_on_Saturday_2023_gives_Monday_4_September_off()
    {
        Assert.Equal(SpecialDayKind.CompensatoryDayOff, Calendar.DayOf(new DateOnly(2023, 9, 4)).Special?.Kind);
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2023, 9, 5)));
    }

    [Fact]
    public void New_Year_on_Saturday_2028_gives_Monday_3_January_off()
    {
        Assert.Equal(SpecialDayKind.CompensatoryDayOff, Calendar.DayOf(new DateOnly(2028, 1, 3)).Special?.Kind);
    }

    [Fact]
    public void A_new_holiday_rule_is_data_in_force_from_its_effective_date()
    {
        var cultureDay = new HolidayRule
        {
            Code = "culture-day", Name = "Ngày Văn hóa Việt Nam", Month = 11, Day = 24,
            EffectiveFrom = new DateOnly(2026, 1, 1), Source = "test data",
        };
        var calendar = new WorkingCalendar(CalendarDefinition.VietnamDefault with
        {
            HolidayRules = [.. VietnameseHolidays.LabourCode2019, cultureDay],
        });

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 11, 24)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 24)));
        Assert.Equal(SpecialDayKind.CompensatoryDayOff, calendar.DayOf(new DateOnly(2029, 11, 26)).Special?.Kind);
        Assert.True(WorkingCalendar.VietnamDefault.IsWorkingDay(new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void A_rule_stops_generating_after_its_end_date()
    {
        var calendar = new WorkingCalendar(CalendarDefinition.VietnamDefault with
        {
            HolidayRules = [.. VietnameseHolidays.LabourCode2019.Select(r => r.Code == VietnameseHolidays.LabourDay ? r with { EffectiveTo = new DateOnly(2026, 12, 31) } : r)],
        });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 5, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2029, 5, 1)));
        // With 1/5 no longer a holiday, Sunday 30/04/2028 is made up on Monday 01/05.
        Assert.Equal(SpecialDayKind.CompensatoryDayOff, calendar.DayOf(new DateOnly(2028, 5, 1)).Special?.Kind);
    }

    [Fact]
    public void Tet_days_set_by_the_government_replace_the_generated_ones_for_that_year_only()
    {
        var set = Enumerable.Range(0, 5)
            .Select(i => new SpecialDay(new DateOnly(2027, 2, 3).AddDays(i), SpecialDayKind.Holiday, "Tết Đinh Mùi", "test data", VietnameseHolidays.Tet))
            .ToArray();
        var calendar = new WorkingCalendar(CalendarDefinition.VietnamDefault with { SpecialDays = set });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 3)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 1, 26)));
    }

    [Fact]
    public void Without_the_published_entries_Tet_2026_is_generated_on_the_same_days()
    {
        var generated = new WorkingCalendar(CalendarDefinition.VietnamDefault with { SpecialDays = [] });

        var days = generated.SpecialDaysIn(2026).Where(d => d.Date.Month == 2).ToList();

        Assert.Equal(Enumerable.Range(16, 5), days.Select(d => d.Date.Day));
        Assert.All(days, d => Assert.Contains("Điều 112", d.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_listed_twice_is_refused()
    {
        var twice = new SpecialDay(new DateOnly(2026, 3, 2), SpecialDayKind.SwappedDayOff, "x", "test data");

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(CalendarDefinition.VietnamDefault with { SpecialDays = [twice, twice with { Name = "y" }] }));
    }

    [Fact]
    public void A_definition_stored_as_JSON_rebuilds_the_same_calendar()
    {
        var definition = CalendarTestData.WithTet2025Swap().Definition;

        var json = System.Text.Json.JsonSerializer.Serialize(definition);
        var restored = new WorkingCalendar(System.Text.Json.JsonSerializer.Deserialize<CalendarDefinition>(json)!);

        Assert.Equal(CalendarTestData.WithTet2025Swap().SpecialDaysIn(2025), restored.SpecialDaysIn(2025));
        Assert.Equal(CalendarTestData.Vn(2025, 2, 8, 9, 0), restored.AddWorkingTime(CalendarTestData.Vn(2025, 2, 7, 9, 0), IsoDuration.Parse("P1D")));
    }
}

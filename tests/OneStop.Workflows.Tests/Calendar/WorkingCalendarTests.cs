using System.Diagnostics;
using OneStop.Workflows.Calendar;
using static OneStop.Workflows.Tests.Calendar.CalendarTestData;

namespace OneStop.Workflows.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamDefault;

    [Fact]
    public void Receipt_on_Friday_27_October_2023_at_0932_plus_5_working_days_is_due_Friday_3_November()
    {
        var due = Calendar.AddWorkingTime(Vn(2023, 10, 27, 9, 32), IsoDuration.Parse("P5D"));

        Assert.Equal(Vn(2023, 11, 3, 9, 32), due);
    }

    [Fact]
    public void The_same_receipt_given_in_UTC_is_due_at_the_same_instant()
    {
        var due = Calendar.AddWorkingTime(new DateTimeOffset(2023, 10, 27, 2, 32, 0, TimeSpan.Zero), IsoDuration.Parse("P5D"));

        Assert.Equal(new DateTimeOffset(2023, 11, 3, 2, 32, 0, TimeSpan.Zero), due);
        Assert.Equal(Vietnam, due.Offset);
    }

    [Fact]
    public void Time_that_runs_out_exactly_at_the_close_is_due_at_the_close_not_the_next_morning()
    {
        // Found by the property test (seed 6Kf31CRVPic1): the time up to Thursday 07:00 was already all spent at
        // Wednesday 17:00, and a deadline says "by the end of Wednesday", not "at the opening on Thursday".
        var start = Vn(2028, 6, 27, 9, 0);
        var time = Calendar.WorkingTimeBetween(start, Vn(2028, 6, 29, 7, 0));

        Assert.Equal(Vn(2028, 6, 28, 17, 0), Calendar.AddWorkingTime(start, time));
    }

    [Fact]
    public void A_deadline_across_Tet_2026_skips_the_whole_break()
    {
        // Thu 12/02 from 09:00 gives 6 hours, Fri 13/02 8; 14–22/02 are off; Mon 23 to Wed 25 give 24, Thu 26 the last 2.
        var due = Calendar.AddWorkingTime(Vn(2026, 2, 12, 9, 0), IsoDuration.Parse("P5D"));

        Assert.Equal(Vn(2026, 2, 26, 9, 0), due);
        Assert.Equal(TimeSpan.FromHours(40), Calendar.WorkingTimeBetween(Vn(2026, 2, 12, 9, 0), due));
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day()
    {
        var swapped = WithTet2025Swap();

        Assert.Equal(Vn(2025, 2, 8, 9, 0), swapped.AddWorkingTime(Vn(2025, 2, 7, 9, 0), IsoDuration.Parse("P1D")));
        Assert.Equal(Vn(2025, 2, 10, 9, 0), Calendar.AddWorkingTime(Vn(2025, 2, 7, 9, 0), IsoDuration.Parse("P1D")));
        Assert.Equal(TimeSpan.FromHours(8), swapped.WorkingTimeBetween(Vn(2025, 2, 8, 0, 0), Vn(2025, 2, 9, 0, 0)));
    }

    [Fact]
    public void A_swapped_day_off_and_the_Tet_holidays_are_skipped_with_the_compensation_for_Saturday_1_February_2025()
    {
        // Off: Mon 27/01 (swap), 28/01–01/02 (Tết, the Saturday made up on Mon 03/02).
        var due = WithTet2025Swap().AddWorkingTime(Vn(2025, 1, 24, 9, 0), IsoDuration.Parse("P1D"));

        Assert.Equal(Vn(2025, 2, 4, 9, 0), due);
    }

    [Fact]
    public void Half_a_day_is_four_working_hours_across_the_lunch_break()
    {
        // 10:00–11:30 gives 1.5 hours, 13:30–16:00 the other 2.5.
        var start = Vn(2023, 10, 30, 10, 0);

        Assert.Equal(Vn(2023, 10, 30, 16, 0), Calendar.AddWorkingTime(start, IsoDuration.Parse("P0.5D")));
        Assert.Equal(Vn(2023, 10, 30, 16, 0), Calendar.AddWorkingTime(start, IsoDuration.Parse("PT4H")));
        Assert.Equal(Vn(2023, 10, 30, 15, 30), Calendar.AddWorkingTime(Vn(2023, 10, 30, 9, 30), IsoDuration.Parse("P0.5D")));
        Assert.Equal(TimeSpan.FromHours(4), Calendar.WorkingTimeBetween(start, Vn(2023, 10, 30, 16, 0)));
    }

    [Fact]
    public void A_quarter_day_is_two_working_hours()
    {
        Assert.Equal(Vn(2023, 10, 30, 14, 30), Calendar.AddWorkingTime(Vn(2023, 10, 30, 10, 30), IsoDuration.Parse("P0.25D")));
    }

    [Fact]
    public void Receipt_at_1730_starts_the_next_working_morning()
    {
        Assert.Equal(Vn(2023, 10, 31, 7, 0), Calendar.NextWorkingInstant(Vn(2023, 10, 30, 17, 30)));
        Assert.Equal(Vn(2023, 10, 31, 8, 0), Calendar.AddWorkingTime(Vn(2023, 10, 30, 17, 30), IsoDuration.Parse("PT1H")));
        Assert.Equal(Vn(2023, 10, 30, 7, 0), Calendar.NextWorkingInstant(Vn(2023, 10, 27, 17, 30)));
    }

    [Fact]
    public void Receipt_during_the_lunch_break_starts_at_1330()
    {
        Assert.Equal(Vn(2023, 10, 30, 13, 30), Calendar.NextWorkingInstant(Vn(2023, 10, 30, 12, 15)));
    }

    [Fact]
    public void A_full_day_from_opening_is_due_at_closing_the_same_day()
    {
        var due = Calendar.AddWorkingTime(Vn(2023, 10, 30, 7, 0), IsoDuration.Parse("P1D"));

        Assert.Equal(Vn(2023, 10, 30, 17, 0), due);
        Assert.True(Calendar.IsWorkingInstant(due));
        Assert.False(Calendar.IsWorkingInstant(Vn(2023, 10, 30, 17, 1)));
        Assert.False(Calendar.IsWorkingInstant(Vn(2023, 10, 30, 12, 0)));
        Assert.False(Calendar.IsWorkingInstant(Vn(2023, 10, 28, 9, 0)));
    }

    [Fact]
    public void Working_time_between_reversed_instants_is_negative()
    {
        Assert.Equal(TimeSpan.FromHours(-4), Calendar.WorkingTimeBetween(Vn(2023, 10, 30, 16, 0), Vn(2023, 10, 30, 10, 0)));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(Vn(2023, 10, 28, 8, 0), Vn(2023, 10, 29, 16, 0)));
    }

    [Fact]
    public void Calendar_days_count_every_day_but_a_due_date_on_a_day_off_moves_to_the_next_working_day()
    {
        // Mon 20/04/2026 + 6 days = Sun 26/04 (Hùng Kings), Mon 27/04 compensatory → Tue 28/04.
        Assert.Equal(Vn(2026, 4, 28, 9, 0), Calendar.AddCalendarDays(Vn(2026, 4, 20, 9, 0), 6));
        Assert.Equal(Vn(2026, 4, 23, 9, 0), Calendar.AddCalendarDays(Vn(2026, 4, 20, 9, 0), 3));
    }

    [Fact]
    public void Months_move_the_calendar_then_land_on_working_time()
    {
        Assert.Equal(Vn(2023, 11, 27, 9, 32), Calendar.AddWorkingTime(Vn(2023, 10, 27, 9, 32), IsoDuration.Parse("P1M")));
        Assert.Equal(Vn(2024, 1, 29, 7, 0), Calendar.AddWorkingTime(Vn(2023, 12, 27, 9, 32), IsoDuration.Parse("P1M")));
    }

    [Fact]
    public void A_centre_open_on_Saturday_mornings_counts_them()
    {
        var calendar = WithSaturdayMornings();

        Assert.Equal(Vn(2023, 10, 28, 8, 0), calendar.AddWorkingTime(Vn(2023, 10, 27, 16, 0), IsoDuration.Parse("PT2H")));
        Assert.False(calendar.IsWorkingInstant(Vn(2023, 10, 28, 14, 0)));
        Assert.Equal(TimeSpan.FromHours(8), calendar.Definition.Schedules[0].WorkingDayLength);
    }

    [Fact]
    public void A_new_schedule_takes_over_from_its_effective_date()
    {
        var saturdays = WithSaturdayMornings().Definition.Schedules[0] with { EffectiveFrom = new DateOnly(2024, 1, 1) };
        var calendar = new WorkingCalendar(CalendarDefinition.VietnamDefault with { Schedules = [new WorkSchedule(), saturdays] });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2023, 12, 30)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 1, 6)));
    }

    [Fact]
    public void A_working_day_lasts_as_long_as_the_office_hours()
    {
        var sevenHours = new WorkSchedule
        {
            OfficeHours = [new OfficeWindow(new TimeOnly(7, 30), new TimeOnly(11, 30)), new OfficeWindow(new TimeOnly(13, 0), new TimeOnly(16, 0))],
        };
        var calendar = new WorkingCalendar(CalendarDefinition.VietnamDefault with { Schedules = [sevenHours] });

        Assert.Equal(TimeSpan.FromHours(7), sevenHours.WorkingDayLength);
        Assert.Equal(Vn(2023, 10, 31, 9, 0), calendar.AddWorkingTime(Vn(2023, 10, 30, 9, 0), IsoDuration.Parse("P1D")));
        Assert.Equal(Vn(2023, 10, 30, 14, 0), calendar.AddWorkingTime(Vn(2023, 10, 30, 9, 0), IsoDuration.Parse("P0.5D")));
    }

    [Fact]
    public void Overlapping_or_empty_office_hours_are_refused()
    {
        var overlapping = new WorkSchedule
        {
            OfficeHours = [new OfficeWindow(new TimeOnly(7, 0), new TimeOnly(12, 0)), new OfficeWindow(new TimeOnly(11, 0), new TimeOnly(17, 0))],
        };

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(CalendarDefinition.VietnamDefault with { Schedules = [overlapping] }));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(CalendarDefinition.VietnamDefault with { Schedules = [new WorkSchedule { WorkingDays = [] }] }));
    }

    [Fact]
    public void The_Vietnamese_time_zone_is_UTC_plus_7_with_or_without_the_host_database()
    {
        Assert.Equal(Vietnam, Calendar.TimeZone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(Vietnam, WorkingCalendar.ResolveTimeZone(WorkingCalendar.VietnamTimeZoneId).BaseUtcOffset);
    }

    [Fact]
    public void Fifteen_working_days_are_added_day_by_day_not_minute_by_minute()
    {
        var start = Vn(2026, 1, 5, 9, 0);
        var fifteenDays = IsoDuration.Parse("P15D");
        Calendar.AddWorkingTime(start, fifteenDays);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            Calendar.AddWorkingTime(start.AddMinutes(i), fifteenDays);
        }

        // Minute steps would walk ~30,000 calendar minutes per call (300 million in all); window steps are ~45.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"10,000 additions took {watch.Elapsed}.");
    }
}

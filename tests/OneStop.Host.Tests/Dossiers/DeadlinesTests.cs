using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Workflows.Calendar;
using static OneStop.Host.Tests.Infrastructure.FakeClock;

namespace OneStop.Host.Tests.Dossiers;

/// <summary>The dossier clock of the domain notes ("Deadlines") on the default Vietnamese calendar: Mon–Fri, 07:00–11:30 and 13:30–17:00.</summary>
public sealed class DeadlinesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamDefault;

    private static ProcedureDuration Days(decimal value, DurationUnit unit = DurationUnit.WorkingDays) => new() { Value = value, Unit = unit };

    [Fact]
    public void The_real_receipt_of_Friday_27_10_2023_at_09_32_plus_5_working_days_is_due_Friday_03_11_2023_at_09_32()
    {
        var start = Deadlines.ClockStart(Calendar, Vn(2023, 10, 27, 9, 32), DossierChannel.Counter);

        Assert.Equal(Vn(2023, 10, 27, 9, 32), start);
        Assert.Equal(Vn(2023, 11, 3, 9, 32), Deadlines.Due(Calendar, start, Days(5)));
    }

    [Theory]
    [InlineData(DossierChannel.Counter)]
    [InlineData(DossierChannel.Post)]
    public void Paper_received_after_15_00_starts_the_next_working_morning(DossierChannel channel)
    {
        Assert.Equal(Vn(2026, 3, 4, 7, 0), Deadlines.ClockStart(Calendar, Vn(2026, 3, 3, 15, 30), channel));
        Assert.Equal(Vn(2026, 3, 9, 7, 0), Deadlines.ClockStart(Calendar, Vn(2026, 3, 6, 16, 0), channel));
        Assert.Equal(Vn(2026, 3, 3, 15, 0), Deadlines.ClockStart(Calendar, Vn(2026, 3, 3, 15, 0), channel));
    }

    [Fact]
    public void Online_received_after_15_00_starts_at_once_and_after_17_00_the_next_morning()
    {
        Assert.Equal(Vn(2026, 3, 3, 15, 30), Deadlines.ClockStart(Calendar, Vn(2026, 3, 3, 15, 30), DossierChannel.Online));
        Assert.Equal(Vn(2026, 3, 4, 7, 0), Deadlines.ClockStart(Calendar, Vn(2026, 3, 3, 18, 0), DossierChannel.Online));
    }

    [Theory]
    [InlineData(DossierChannel.Counter)]
    [InlineData(DossierChannel.Online)]
    public void A_receipt_at_lunch_starts_at_13_30(DossierChannel channel) =>
        Assert.Equal(Vn(2026, 3, 3, 13, 30), Deadlines.ClockStart(Calendar, Vn(2026, 3, 3, 12, 5), channel));

    [Fact]
    public void Tet_2026_is_skipped_by_working_days()
    {
        var start = Deadlines.ClockStart(Calendar, Vn(2026, 2, 13, 9, 0), DossierChannel.Counter);

        Assert.Equal(Vn(2026, 2, 24, 9, 0), Deadlines.Due(Calendar, start, Days(2)));
    }

    [Fact]
    public void Same_day_is_due_at_the_close_of_the_day_and_after_15_00_at_the_close_of_the_next_working_day()
    {
        Assert.Equal(Vn(2026, 3, 3, 17, 0), Due(Vn(2026, 3, 3, 10, 0), DossierChannel.Counter));
        Assert.Equal(Vn(2026, 3, 4, 17, 0), Due(Vn(2026, 3, 3, 15, 30), DossierChannel.Counter));
        Assert.Equal(Vn(2026, 3, 4, 17, 0), Due(Vn(2026, 3, 3, 15, 30), DossierChannel.Online));
        Assert.Equal(Vn(2026, 3, 9, 17, 0), Due(Vn(2026, 3, 6, 16, 0), DossierChannel.Online));

        static DateTimeOffset Due(DateTimeOffset received, DossierChannel channel) =>
            Deadlines.Due(Calendar, Deadlines.ClockStart(Calendar, received, channel), Days(0, DurationUnit.SameDay));
    }

    [Fact]
    public void Calendar_days_count_every_day_but_a_due_date_on_a_day_off_moves_to_the_next_working_day()
    {
        // Wednesday + 4 days = Sunday 08/03 → Monday 09/03, same time of day.
        Assert.Equal(Vn(2026, 3, 9, 9, 0), Deadlines.Due(Calendar, Vn(2026, 3, 4, 9, 0), Days(4, DurationUnit.CalendarDays)));
        Assert.Equal(Vn(2026, 3, 6, 9, 0), Deadlines.Due(Calendar, Vn(2026, 3, 4, 9, 0), Days(2, DurationUnit.CalendarDays)));
        // Landing on 30/4/2026 (Thursday): 30/4 and 1/5 are holidays, then the weekend → Monday 04/05.
        Assert.Equal(Vn(2026, 5, 4, 9, 0), Deadlines.Due(Calendar, Vn(2026, 4, 20, 9, 0), Days(10, DurationUnit.CalendarDays)));
    }

    [Fact]
    public void Working_hours_count_office_time_only()
    {
        // 10:00 + 4 working hours: 1h30 to lunch, then 2h30 from 13:30.
        Assert.Equal(Vn(2026, 3, 3, 16, 0), Deadlines.Due(Calendar, Vn(2026, 3, 3, 10, 0), Days(4, DurationUnit.WorkingHours)));
    }

    [Fact]
    public void Classification_compares_the_local_day_finished_with_the_local_day_due()
    {
        var tz = Calendar.TimeZone;
        var due = Vn(2026, 3, 9, 9, 0);

        Assert.Equal(Timeliness.Early, Deadlines.Classify(tz, Vn(2026, 3, 6, 16, 0), due));
        Assert.Equal(Timeliness.OnTime, Deadlines.Classify(tz, Vn(2026, 3, 9, 16, 59), due));
        Assert.Equal(Timeliness.Late, Deadlines.Classify(tz, Vn(2026, 3, 10, 7, 0), due));
        // 23:30 UTC on the 8th is 06:30 on the 9th in Vietnam: on time, though the UTC date is a day earlier.
        Assert.Equal(Timeliness.OnTime, Deadlines.Classify(tz, new DateTimeOffset(2026, 3, 8, 23, 30, 0, TimeSpan.Zero), due));
        // 23:30 UTC on the 9th is the 10th in Vietnam: late, though the UTC date is the due day.
        Assert.Equal(Timeliness.Late, Deadlines.Classify(tz, new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero), due));
    }

    [Fact]
    public void A_pause_moves_the_due_time_by_the_working_time_waited()
    {
        var due = Vn(2026, 3, 9, 9, 0);

        // Requested Tuesday 09:00, received Friday 09:00: three working days.
        var after = Deadlines.AfterSupplement(Calendar, SupplementRule.Pause, due, Vn(2026, 3, 3, 9, 0), Vn(2026, 3, 6, 9, 0),
            DossierChannel.Counter, Days(5));
        // Over a weekend only the working time counts: Friday 15:00 to Monday 09:00 is 4 working hours.
        var overWeekend = Deadlines.AfterSupplement(Calendar, SupplementRule.Pause, due, Vn(2026, 3, 6, 15, 0), Vn(2026, 3, 9, 9, 0),
            DossierChannel.Counter, Days(5));

        Assert.Equal(Vn(2026, 3, 12, 9, 0), after);
        Assert.Equal(Vn(2026, 3, 9, 15, 0), overWeekend);
    }

    [Fact]
    public void A_restart_counts_the_full_duration_from_the_supplement_with_the_paper_rule()
    {
        var due = Vn(2026, 3, 9, 9, 0);

        var morning = Deadlines.AfterSupplement(Calendar, SupplementRule.Restart, due, Vn(2026, 3, 3, 9, 0), Vn(2026, 3, 6, 9, 0),
            DossierChannel.Counter, Days(5));
        var afternoon = Deadlines.AfterSupplement(Calendar, SupplementRule.Restart, due, Vn(2026, 3, 3, 9, 0), Vn(2026, 3, 6, 15, 30),
            DossierChannel.Counter, Days(5));

        Assert.Equal(Vn(2026, 3, 13, 9, 0), morning);
        // After 15:00 the clock restarts Monday 07:00; five working days end at the close of Friday.
        Assert.Equal(Vn(2026, 3, 13, 17, 0), afternoon);
    }

    [Fact]
    public void Due_soon_means_at_most_one_working_day_left_and_remaining_is_negative_when_overdue()
    {
        var due = Vn(2026, 3, 10, 9, 0);

        Assert.False(Deadlines.IsDueSoon(Calendar, Vn(2026, 3, 9, 8, 0), due));
        Assert.True(Deadlines.IsDueSoon(Calendar, Vn(2026, 3, 9, 9, 0), due));
        // Friday 16:00 to Monday 09:00 is 3 working hours, the weekend does not count.
        Assert.True(Deadlines.IsDueSoon(Calendar, Vn(2026, 3, 6, 16, 0), Vn(2026, 3, 9, 9, 0)));
        Assert.False(Deadlines.IsDueSoon(Calendar, Vn(2026, 3, 10, 9, 1), due));
        Assert.Equal(TimeSpan.FromHours(8), Deadlines.Remaining(Calendar, Vn(2026, 3, 9, 9, 0), due));
        Assert.Equal(TimeSpan.FromHours(-1), Deadlines.Remaining(Calendar, Vn(2026, 3, 10, 10, 0), due));
    }
}

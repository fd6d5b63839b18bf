using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

/// <summary>Instants and calendars shared by the calendar tests.</summary>
internal static class CalendarTestData
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>A local Vietnamese wall-clock instant.</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Vietnam);

    /// <summary>The default calendar plus the government's swap around Tết 2025 (Monday 27/01 off, Saturday 08/02 worked).</summary>
    public static WorkingCalendar WithTet2025Swap() => new(CalendarDefinition.VietnamDefault with
    {
        SpecialDays =
        [
            .. VietnameseHolidays.PublishedSchedules,
            new SpecialDay(new DateOnly(2025, 1, 27), SpecialDayKind.SwappedDayOff, "Hoán đổi Tết Ất Tỵ", "test data"),
            new SpecialDay(new DateOnly(2025, 2, 8), SpecialDayKind.MakeUpWorkday, "Làm bù Tết Ất Tỵ", "test data"),
        ],
    });

    /// <summary>A centre that also receives on Saturday mornings.</summary>
    public static WorkingCalendar WithSaturdayMornings() => new(CalendarDefinition.VietnamDefault with
    {
        Schedules =
        [
            new WorkSchedule
            {
                ShortDays = [new WeekdayHours(DayOfWeek.Saturday, [new OfficeWindow(new TimeOnly(7, 0), new TimeOnly(11, 30))])],
            },
        ],
    });
}

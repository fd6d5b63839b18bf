using System.Text.Json.Serialization;

namespace OneStop.Workflows.Calendar;

/// <summary>An office-hour window of a working day, local time; both ends count as working instants.</summary>
/// <param name="Start">The opening time.</param>
/// <param name="End">The closing time, after <paramref name="Start"/>.</param>
public sealed record OfficeWindow(TimeOnly Start, TimeOnly End)
{
    /// <summary>The length of the window.</summary>
    [JsonIgnore]
    public TimeSpan Length => End - Start;
}

/// <summary>Office hours for one day of the week that differ from the full day, e.g. Saturday mornings.</summary>
/// <param name="Day">The day of the week.</param>
/// <param name="Windows">Its windows, in order.</param>
public sealed record WeekdayHours(DayOfWeek Day, IReadOnlyList<OfficeWindow> Windows);

/// <summary>The weekly pattern and office hours of a centre, in force from a date.</summary>
public sealed record WorkSchedule
{
    /// <summary>The first date the schedule applies to; a later schedule in the list takes over from its own date.</summary>
    public DateOnly EffectiveFrom { get; init; } = DateOnly.MinValue;

    /// <summary>The windows of a full working day (07:00–11:30 and 13:30–17:00 by default); make-up workdays use them too.</summary>
    public IReadOnlyList<OfficeWindow> OfficeHours { get; init; } =
    [
        new(new TimeOnly(7, 0), new TimeOnly(11, 30)),
        new(new TimeOnly(13, 30), new TimeOnly(17, 0)),
    ];

    /// <summary>The days of the week worked with the full <see cref="OfficeHours"/> (Monday–Friday by default).</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Days of the week worked with other windows (e.g. Saturday 07:00–11:30); none by default.</summary>
    public IReadOnlyList<WeekdayHours> ShortDays { get; init; } = [];

    /// <summary>The working time of one working day (P1D): the sum of <see cref="OfficeHours"/>, 8 hours by default.</summary>
    [JsonIgnore]
    public TimeSpan WorkingDayLength => OfficeHours.Aggregate(TimeSpan.Zero, (sum, window) => sum + window.Length);

    /// <summary>The windows of a day of the week that is not special; empty on a rest day.</summary>
    public IReadOnlyList<OfficeWindow> WindowsOn(DayOfWeek day)
    {
        foreach (var shortDay in ShortDays)
        {
            if (shortDay.Day == day)
            {
                return shortDay.Windows;
            }
        }
        return WorkingDays.Contains(day) ? OfficeHours : [];
    }
}

/// <summary>Which calendar a holiday rule's month and day are in.</summary>
public enum HolidayDateSystem
{
    /// <summary>The Gregorian (solar, dương lịch) calendar.</summary>
    Gregorian,

    /// <summary>The Vietnamese lunar calendar (âm lịch), see <see cref="LunarCalendar"/>.</summary>
    Lunar,
}

/// <summary>A recurring public holiday, generated for every year in which it is in force.</summary>
public sealed record HolidayRule
{
    /// <summary>A stable code, e.g. <c>tet</c>; special-day entries name it to replace a year's generated days.</summary>
    public required string Code { get; init; }

    /// <summary>The holiday's name.</summary>
    public required string Name { get; init; }

    /// <summary>The calendar of <see cref="Month"/> and <see cref="Day"/>.</summary>
    public HolidayDateSystem DateSystem { get; init; } = HolidayDateSystem.Gregorian;

    /// <summary>The month of the anchor day.</summary>
    public required int Month { get; init; }

    /// <summary>The day of the anchor day.</summary>
    public required int Day { get; init; }

    /// <summary>Days off immediately before the anchor day (Tết: 1, the last day of the lunar year).</summary>
    public int DaysBefore { get; init; }

    /// <summary>Days off immediately after the anchor day (Tết: 3).</summary>
    public int DaysAfter { get; init; }

    /// <summary>
    /// One more day off adjacent to the anchor, before or after as <see cref="VietnameseHolidays.AdjacentDay"/>
    /// chooses (2/9 in the Labour Code 2019).
    /// </summary>
    public bool PlusAdjacentDay { get; init; }

    /// <summary>The rule applies to anchor days on or after this date.</summary>
    public DateOnly EffectiveFrom { get; init; } = DateOnly.MinValue;

    /// <summary>The rule applies to anchor days on or before this date; null while in force.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>The legal basis.</summary>
    public string Source { get; init; } = "";

    /// <summary>True when the rule is in force for an anchor day.</summary>
    public bool AppliesTo(DateOnly anchor) => anchor >= EffectiveFrom && (EffectiveTo is null || anchor <= EffectiveTo);
}

/// <summary>
/// Everything a <see cref="WorkingCalendar"/> is built from, as plain data, so that a host can store it, let an
/// administrator edit it and rebuild the calendar.
/// </summary>
public sealed record CalendarDefinition
{
    /// <summary>The IANA time zone of the centre.</summary>
    public string TimeZoneId { get; init; } = "Asia/Ho_Chi_Minh";

    /// <summary>Weekly patterns with the dates they take effect; at least one.</summary>
    public IReadOnlyList<WorkSchedule> Schedules { get; init; } = [new WorkSchedule()];

    /// <summary>Recurring holidays generated for every year, with compensatory days when they fall on a rest day.</summary>
    public IReadOnlyList<HolidayRule> HolidayRules { get; init; } = VietnameseHolidays.LabourCode2019;

    /// <summary>Dated entries (government-set Tết days, swaps, make-up workdays, one-off holidays); they win over generated days.</summary>
    public IReadOnlyList<SpecialDay> SpecialDays { get; init; } = VietnameseHolidays.PublishedSchedules;

    /// <summary>The default Vietnamese calendar: Mon–Fri, 07:00–11:30 and 13:30–17:00, Labour Code 2019 holidays.</summary>
    public static CalendarDefinition VietnamDefault { get; } = new();
}

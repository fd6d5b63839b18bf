namespace OneStop.Workflows.Calendar;

/// <summary>One local calendar day as the working calendar sees it.</summary>
/// <param name="Date">The date.</param>
/// <param name="Windows">Its office-hour windows; empty on a day off.</param>
/// <param name="Special">The special day that makes it differ from the weekly pattern, if any.</param>
public sealed record CalendarDay(DateOnly Date, IReadOnlyList<OfficeWindow> Windows, SpecialDay? Special)
{
    /// <summary>True when some office hours fall on the day.</summary>
    public bool IsWorkingDay => Windows.Count > 0;
}

/// <summary>
/// The working-day calendar of a centre (Vietnamese by default): working time is office hours on working days, in the
/// centre's time zone. Working days are the weekly pattern, less holidays, compensatory and swapped days off, plus
/// make-up workdays. Both ends of an office-hour window are working instants, so a deadline can fall at 17:00 of the
/// day it is due instead of sliding to the next morning.
/// </summary>
/// <remarks>
/// Thread-safe; each year's special days are computed once. Lunar holiday rules limit the dates to the years of
/// <see cref="LunarCalendar"/> (1801–2200); outside them the methods throw <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public sealed class WorkingCalendar : IBusinessCalendar
{
    /// <summary>The IANA id of Vietnam's time zone.</summary>
    public const string VietnamTimeZoneId = "Asia/Ho_Chi_Minh";

    // A run of days off longer than this means the data leaves no working time at all.
    private const int MaxDaysWithoutWork = 3660;

    private readonly WorkSchedule[] schedules;
    private readonly SpecialDayTable specialDays;

    /// <summary>Builds a calendar from its definition; throws <see cref="ArgumentException"/> when the data is inconsistent.</summary>
    public WorkingCalendar(CalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        TimeZone = ResolveTimeZone(definition.TimeZoneId);
        schedules = [.. definition.Schedules.OrderBy(s => s.EffectiveFrom)];
        Validate(schedules);
        specialDays = new SpecialDayTable(definition, ScheduleOn);
    }

    /// <summary>The default Vietnamese calendar (<see cref="CalendarDefinition.VietnamDefault"/>).</summary>
    public static WorkingCalendar VietnamDefault { get; } = new(CalendarDefinition.VietnamDefault);

    /// <summary>The data the calendar was built from.</summary>
    public CalendarDefinition Definition { get; }

    /// <summary>The centre's time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// Adds working time. Days count <see cref="WorkSchedule.WorkingDayLength"/> each (P0.5D = 4 working hours by
    /// default); years and months move the calendar first, as the law counts them in calendar months. The result is the
    /// first instant at which that much office time has passed, counted from the next working instant.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, IsoDuration duration)
    {
        var from = start;
        var months = duration.Years * 12m + duration.Months;
        if (months != 0)
        {
            var local = ToLocal(start);
            var wholeMonths = (int)decimal.Truncate(months);
            var shifted = local.AddMonths(wholeMonths).AddDays((double)((months - wholeMonths) * 30m));
            from = FromLocal(DateOnly.FromDateTime(shifted), TimeOnly.FromDateTime(shifted));
        }
        var dayLength = ScheduleOn(LocalDate(from)).WorkingDayLength;
        var ticks = duration.Days * dayLength.Ticks
            + duration.Hours * TimeSpan.TicksPerHour
            + duration.Minutes * TimeSpan.TicksPerMinute
            + duration.Seconds * TimeSpan.TicksPerSecond;
        return AddWorkingTime(from, TimeSpan.FromTicks((long)decimal.Round(ticks)));
    }

    /// <summary>Adds an amount of office time (not negative) to an instant.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var local = ToLocal(start);
        var date = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        var remaining = workingTime;
        for (var idle = 0; idle <= MaxDaysWithoutWork; date = date.AddDays(1), time = TimeSpan.Zero)
        {
            var windows = WindowsOn(date);
            idle = windows.Count == 0 ? idle + 1 : 0;
            foreach (var window in windows)
            {
                var end = window.End.ToTimeSpan();
                if (time > end)
                {
                    continue;
                }
                var from = time > window.Start.ToTimeSpan() ? time : window.Start.ToTimeSpan();
                var available = end - from;
                if (remaining <= available)
                {
                    return FromLocal(date, TimeOnly.FromTimeSpan(from + remaining));
                }
                remaining -= available;
            }
        }
        throw new InvalidOperationException($"The calendar has no working day in the {MaxDaysWithoutWork} days after {date.AddDays(-MaxDaysWithoutWork):yyyy-MM-dd}.");
    }

    /// <summary>Office time between two instants; negative when <paramref name="finish"/> is before <paramref name="start"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset finish)
    {
        if (finish < start)
        {
            return -WorkingTimeBetween(finish, start);
        }
        var first = ToLocal(start);
        var last = ToLocal(finish);
        var lastDate = DateOnly.FromDateTime(last);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(first); date <= lastDate; date = date.AddDays(1))
        {
            var from = date == DateOnly.FromDateTime(first) ? first.TimeOfDay : TimeSpan.Zero;
            var to = date == lastDate ? last.TimeOfDay : TimeSpan.FromDays(1);
            foreach (var window in WindowsOn(date))
            {
                var overlap = Min(to, window.End.ToTimeSpan()) - Max(from, window.Start.ToTimeSpan());
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }
        return total;
    }

    /// <summary>
    /// The first working instant at or after <paramref name="instant"/>: a receipt after 17:00 starts the next working
    /// morning at 07:00, one during the lunch break at 13:30.
    /// </summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => AddWorkingTime(instant, TimeSpan.Zero);

    /// <summary>True when the instant falls within office hours of a working day (window ends included).</summary>
    public bool IsWorkingInstant(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = local.TimeOfDay;
        return WindowsOn(DateOnly.FromDateTime(local)).Any(w => time >= w.Start.ToTimeSpan() && time <= w.End.ToTimeSpan());
    }

    /// <summary>
    /// Adds calendar days (for procedures whose duration is in ngày, not ngày làm việc): every day counts, but a due
    /// date that lands on a day off moves to the next working day, keeping the time of day.
    /// </summary>
    public DateTimeOffset AddCalendarDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = ToLocal(start);
        var date = DateOnly.FromDateTime(local).AddDays(days);
        for (var idle = 0; !IsWorkingDay(date); idle++, date = date.AddDays(1))
        {
            if (idle > MaxDaysWithoutWork)
            {
                throw new InvalidOperationException($"The calendar has no working day after {date:yyyy-MM-dd}.");
            }
        }
        return FromLocal(date, TimeOnly.FromDateTime(local));
    }

    /// <summary>True when the date has office hours.</summary>
    public bool IsWorkingDay(DateOnly date) => WindowsOn(date).Count > 0;

    /// <summary>A date with its office hours and, if any, the special day behind them.</summary>
    public CalendarDay DayOf(DateOnly date) => new(date, WindowsOn(date), specialDays.On(date));

    /// <summary>The special days of a year in date order: generated holidays and compensatory days, and the listed entries.</summary>
    public IReadOnlyList<SpecialDay> SpecialDaysIn(int year) => [.. specialDays.Year(year).Values.OrderBy(d => d.Date)];

    /// <summary>
    /// The centre's time zone: <paramref name="timeZoneId"/>, or a fixed UTC+7 zone when the host has no
    /// Asia/Ho_Chi_Minh entry (Vietnam has kept UTC+7 without daylight saving since 1975).
    /// </summary>
    public static TimeZoneInfo ResolveTimeZone(string timeZoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException && timeZoneId == VietnamTimeZoneId)
        {
            return TimeZoneInfo.CreateCustomTimeZone(VietnamTimeZoneId, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }

    private IReadOnlyList<OfficeWindow> WindowsOn(DateOnly date)
    {
        var schedule = ScheduleOn(date);
        return specialDays.On(date) switch
        {
            null => schedule.WindowsOn(date.DayOfWeek),
            { IsDayOff: true } => [],
            _ => schedule.OfficeHours,
        };
    }

    private WorkSchedule ScheduleOn(DateOnly date)
    {
        var current = schedules[0];
        foreach (var schedule in schedules)
        {
            if (schedule.EffectiveFrom > date)
            {
                break;
            }
            current = schedule;
        }
        return current;
    }

    private static void Validate(WorkSchedule[] schedules)
    {
        if (schedules.Length == 0)
        {
            throw new ArgumentException("A calendar needs at least one work schedule.", nameof(schedules));
        }
        foreach (var schedule in schedules)
        {
            CheckWindows(schedule.OfficeHours, schedule.EffectiveFrom);
            foreach (var shortDay in schedule.ShortDays)
            {
                CheckWindows(shortDay.Windows, schedule.EffectiveFrom);
            }
            if (schedule.OfficeHours.Count == 0 || schedule.WorkingDays.Count == 0)
            {
                throw new ArgumentException($"The schedule from {schedule.EffectiveFrom:yyyy-MM-dd} has no working day.", nameof(schedules));
            }
        }

        static void CheckWindows(IReadOnlyList<OfficeWindow> windows, DateOnly effectiveFrom)
        {
            for (var i = 0; i < windows.Count; i++)
            {
                if (windows[i].End <= windows[i].Start || (i > 0 && windows[i].Start <= windows[i - 1].End))
                {
                    throw new ArgumentException($"The office hours of the schedule from {effectiveFrom:yyyy-MM-dd} must be ordered, non-empty, separate windows.", nameof(schedules));
                }
            }
        }
    }

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    private DateTimeOffset FromLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

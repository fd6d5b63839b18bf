namespace OneStop.Workflows.Calendar;

/// <summary>
/// Duration arithmetic for deadlines and timers. The wall-clock implementation counts every hour;
/// the Vietnamese working-day calendar (part 2) counts office hours on working days only.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>Adds working time to an instant.</summary>
    DateTimeOffset AddWorkingTime(DateTimeOffset start, IsoDuration duration);

    /// <summary>The working time elapsed between two instants.</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset finish);

    /// <summary>The first working instant at or after <paramref name="instant"/>.</summary>
    DateTimeOffset NextWorkingInstant(DateTimeOffset instant);
}

/// <summary>Chooses the calendar for an element: <c>os:calendar="working"</c> or <c>"wall"</c>.</summary>
public interface IBusinessCalendarProvider
{
    /// <summary>The calendar for a calendar name (<c>working</c> or <c>wall</c>).</summary>
    IBusinessCalendar ForName(string calendarName);
}

/// <summary>Wall-clock time: every hour counts.</summary>
public sealed class WallClockCalendar : IBusinessCalendar
{
    /// <summary>The shared instance.</summary>
    public static readonly WallClockCalendar Instance = new();

    /// <inheritdoc/>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, IsoDuration duration) => duration.AddTo(start);

    /// <inheritdoc/>
    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset finish) => finish - start;

    /// <inheritdoc/>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => instant;
}

/// <summary>A provider that answers the same calendar for both names; part 1 has only the wall clock.</summary>
/// <param name="working">The calendar used for <c>working</c>.</param>
public sealed class SimpleCalendarProvider(IBusinessCalendar working) : IBusinessCalendarProvider
{
    /// <summary>Both names mean the wall clock.</summary>
    public static readonly SimpleCalendarProvider WallClock = new(WallClockCalendar.Instance);

    /// <inheritdoc/>
    public IBusinessCalendar ForName(string calendarName) =>
        string.Equals(calendarName, CalendarNames.Working, StringComparison.OrdinalIgnoreCase) ? working : WallClockCalendar.Instance;
}

/// <summary>Values of <c>os:calendar</c>.</summary>
public static class CalendarNames
{
    /// <summary>Working time (office hours on working days).</summary>
    public const string Working = "working";

    /// <summary>Wall-clock time.</summary>
    public const string Wall = "wall";
}

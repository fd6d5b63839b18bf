using OneStop.Host.Features.Catalogue;
using OneStop.Workflows.Calendar;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// The dossier clock (domain notes, "Deadlines"): when it starts, when the result is due, how supplements move it and
/// how a finished step or dossier is classified. Pure functions of the working calendar.
/// </summary>
public static class Deadlines
{
    /// <summary>
    /// Local time after which paper dossiers are forwarded to the agency the next working morning and same-day
    /// procedures are due the next working day.
    /// </summary>
    public static readonly TimeOnly PaperCutoff = new(15, 0);

    /// <summary>
    /// When the legal clock starts: the next working instant (after 17:00 → next morning, at lunch → 13:30); a paper
    /// dossier (counter or post) received after 15:00 starts the next working morning.
    /// </summary>
    public static DateTimeOffset ClockStart(WorkingCalendar calendar, DateTimeOffset receivedAt, DossierChannel channel)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = calendar.NextWorkingInstant(receivedAt);
        var local = TimeZoneInfo.ConvertTime(start, calendar.TimeZone);
        var isPaper = channel is DossierChannel.Counter or DossierChannel.Post;
        if (isPaper && TimeOnly.FromDateTime(local.DateTime) > PaperCutoff)
        {
            // The first working instant of the next day that has office hours.
            var nextDay = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
            return calendar.NextWorkingInstant(nextDay);
        }

        return start;
    }

    /// <summary>
    /// The result due time of a procedure's duration counted from the clock start. A same-day procedure is due at the
    /// close of the start day, or of the next working day when the clock starts after 15:00 (online receipts too).
    /// </summary>
    public static DateTimeOffset Due(WorkingCalendar calendar, DateTimeOffset clockStart, ProcedureDuration duration)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(duration);
        return duration.Unit switch
        {
            DurationUnit.WorkingDays => calendar.AddWorkingTime(clockStart, new IsoDuration(0, 0, duration.Value, 0, 0, 0)),
            DurationUnit.WorkingHours => calendar.AddWorkingTime(clockStart, new IsoDuration(0, 0, 0, duration.Value, 0, 0)),
            DurationUnit.CalendarDays => calendar.AddCalendarDays(clockStart, (int)decimal.Ceiling(duration.Value)),
            DurationUnit.SameDay => SameDayDue(calendar, calendar.NextWorkingInstant(clockStart)),
            _ => throw new ArgumentOutOfRangeException(nameof(duration), duration.Unit, "Unknown duration unit."),
        };
    }

    /// <summary>
    /// The due time after a supplement: <see cref="SupplementRule.Pause"/> pushes it back by the working time the dossier
    /// waited; <see cref="SupplementRule.Restart"/> counts the full duration again from the complete supplement.
    /// </summary>
    public static DateTimeOffset AfterSupplement(WorkingCalendar calendar, SupplementRule rule, DateTimeOffset dueBefore,
        DateTimeOffset requestedAt, DateTimeOffset receivedAt, DossierChannel channel, ProcedureDuration duration)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return rule switch
        {
            // A supplement recorded before its request (clock skew between nodes) waited no time.
            SupplementRule.Pause => calendar.AddWorkingTime(dueBefore, Max(calendar.WorkingTimeBetween(requestedAt, receivedAt), TimeSpan.Zero)),
            SupplementRule.Restart => Due(calendar, ClockStart(calendar, receivedAt, channel), duration),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown supplement rule."),
        };
    }

    /// <summary>Early / on time / late by day: the local day finished against the local day due.</summary>
    public static Timeliness Classify(TimeZoneInfo timeZone, DateTimeOffset finishedAt, DateTimeOffset dueAt)
    {
        var finished = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(finishedAt, timeZone).DateTime);
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dueAt, timeZone).DateTime);
        return finished < due ? Timeliness.Early : finished == due ? Timeliness.OnTime : Timeliness.Late;
    }

    /// <summary>True when <paramref name="dueAt"/> is at most one working day ahead of <paramref name="now"/> (and not past).</summary>
    public static bool IsDueSoon(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return dueAt >= now && calendar.WorkingTimeBetween(now, dueAt) <= OneWorkingDay(calendar, now);
    }

    /// <summary>The working time of one working day (P1D) under the schedule in force at <paramref name="at"/>.</summary>
    public static TimeSpan OneWorkingDay(WorkingCalendar calendar, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.TimeZone).DateTime);
        var schedules = calendar.Definition.Schedules;
        var inForce = schedules.Where(s => s.EffectiveFrom <= date).MaxBy(s => s.EffectiveFrom) ?? schedules.MinBy(s => s.EffectiveFrom)!;
        return inForce.WorkingDayLength;
    }

    /// <summary>Office time left until <paramref name="dueAt"/>; negative when overdue.</summary>
    public static TimeSpan Remaining(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingTimeBetween(now, dueAt);
    }

    /// <summary>The close of the start day; after 15:00, the close of the next working day.</summary>
    private static DateTimeOffset SameDayDue(WorkingCalendar calendar, DateTimeOffset start)
    {
        var local = TimeZoneInfo.ConvertTime(start, calendar.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) > PaperCutoff)
        {
            var nextMorning = calendar.NextWorkingInstant(new DateTimeOffset(local.Date.AddDays(1), local.Offset));
            date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nextMorning, calendar.TimeZone).DateTime);
        }

        var day = calendar.DayOf(date);
        var close = day.Date.ToDateTime(day.Windows[^1].End);
        return new DateTimeOffset(close, calendar.TimeZone.GetUtcOffset(close));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

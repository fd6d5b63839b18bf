using OneStop.Host.Features.Catalogue;
using OneStop.Workflows.Calendar;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// The dossier clock (domain notes, "Deadlines"): when it starts, when the result is due, how supplements move it and
/// how a finished step or dossier is classified. Pure functions of the working calendar.
/// </summary>
public static class Deadlines
{
    /// <summary>Paper dossiers received after this local time are forwarded to the agency the next working morning.</summary>
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

    /// <summary>The result due time of a procedure's duration counted from the clock start.</summary>
    public static DateTimeOffset Due(WorkingCalendar calendar, DateTimeOffset clockStart, ProcedureDuration duration)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(duration);
        return duration.Unit switch
        {
            DurationUnit.WorkingDays => calendar.AddWorkingTime(clockStart, new IsoDuration(0, 0, duration.Value, 0, 0, 0)),
            DurationUnit.WorkingHours => calendar.AddWorkingTime(clockStart, new IsoDuration(0, 0, 0, duration.Value, 0, 0)),
            DurationUnit.CalendarDays => calendar.AddCalendarDays(clockStart, (int)decimal.Ceiling(duration.Value)),
            DurationUnit.SameDay => EndOfWorkingDay(calendar, clockStart),
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
            SupplementRule.Pause => calendar.AddWorkingTime(dueBefore, calendar.WorkingTimeBetween(requestedAt, receivedAt)),
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
        return dueAt >= now && calendar.WorkingTimeBetween(now, dueAt) <= calendar.Definition.Schedules[0].WorkingDayLength;
    }

    /// <summary>Office time left until <paramref name="dueAt"/>; negative when overdue.</summary>
    public static TimeSpan Remaining(WorkingCalendar calendar, DateTimeOffset now, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingTimeBetween(now, dueAt);
    }

    private static DateTimeOffset EndOfWorkingDay(WorkingCalendar calendar, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, calendar.TimeZone);
        var day = calendar.DayOf(DateOnly.FromDateTime(local.DateTime));
        var close = day.Windows[^1].End;
        return new DateTimeOffset(day.Date.ToDateTime(close), local.Offset);
    }
}

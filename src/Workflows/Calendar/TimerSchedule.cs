using System.Globalization;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Calendar;

/// <summary>A parsed timer: when it first fires and how it repeats.</summary>
public sealed record TimerSchedule
{
    /// <summary>An absolute first due time (timeDate, or a cycle with a start instant).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The interval (duration or cycle period).</summary>
    public IsoDuration? Interval { get; init; }

    /// <summary>Repetitions for a cycle: null = unbounded, 1 for one-shot timers.</summary>
    public int? Repetitions { get; init; } = 1;

    /// <summary>Parses timer text of the given kind. Returns null when it does not parse.</summary>
    public static TimerSchedule? TryParse(TimerKind kind, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        switch (kind)
        {
            case TimerKind.Duration:
                return IsoDuration.TryParse(text, out var duration) ? new TimerSchedule { Interval = duration } : null;
            case TimerKind.Date:
                return TryParseInstant(text, out var at) ? new TimerSchedule { At = at } : null;
            default:
                return TryParseCycle(text);
        }
    }

    /// <summary>Parses an ISO 8601 instant; an instant without offset is taken as UTC.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out instant)
        && text.Contains('-', StringComparison.Ordinal);

    private static TimerSchedule? TryParseCycle(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
        {
            // A bare duration as cycle repeats forever.
            return IsoDuration.TryParse(text, out var bare) ? new TimerSchedule { Interval = bare, Repetitions = null } : null;
        }
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r < 1)
            {
                return null;
            }
            repetitions = r;
        }
        DateTimeOffset? start = null;
        string periodText;
        if (parts.Length == 3)
        {
            if (!TryParseInstant(parts[1], out var s))
            {
                return null;
            }
            start = s;
            periodText = parts[2];
        }
        else
        {
            periodText = parts[1];
        }
        return IsoDuration.TryParse(periodText, out var period)
            ? new TimerSchedule { At = start, Interval = period, Repetitions = repetitions }
            : null;
    }

    /// <summary>The first due time after <paramref name="now"/>.</summary>
    public DateTimeOffset FirstDue(DateTimeOffset now, IBusinessCalendar calendar) =>
        At ?? calendar.AddWorkingTime(now, Interval ?? default);

    /// <summary>The next due time of a cycle after a firing at <paramref name="fired"/>.</summary>
    public DateTimeOffset NextDue(DateTimeOffset fired, IBusinessCalendar calendar) =>
        calendar.AddWorkingTime(fired, Interval ?? default);
}

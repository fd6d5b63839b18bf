namespace OneStop.Host.Tests.Infrastructure;

/// <summary>
/// A clock the test sets: every <see cref="TimeProvider.GetUtcNow"/> reads the instant last set. Timers and delays
/// still run on real time (the Host's background loops keep polling), they just read this clock when they wake.
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => Vietnam;

    /// <summary>Sets the clock; it may go back (a test rewinding to check an earlier moment).</summary>
    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref ticks, instant.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);

    /// <summary>A local time in Vietnam (UTC+7), for readable test dates.</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}

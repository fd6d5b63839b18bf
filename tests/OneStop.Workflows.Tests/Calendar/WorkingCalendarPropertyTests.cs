using CsCheck;
using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Tests.Calendar;

public class WorkingCalendarPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly DateTimeOffset Origin = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Any second of 2019–2030, so that receipts at night, at lunch, on weekends and on holidays all occur.
    private static readonly Gen<DateTimeOffset> Instant = Gen.Int[0, 12 * 365 * 24 * 60 * 60].Select(s => Origin.AddSeconds(s));

    // Up to 30 working days, to the second.
    private static readonly Gen<TimeSpan> WorkingTime = Gen.Int[0, 30 * 8 * 60 * 60].Select(s => TimeSpan.FromSeconds(s));

    private static readonly Gen<WorkingCalendar> Calendars = Gen.OneOf(
        WorkingCalendar.VietnamDefault, CalendarTestData.WithTet2025Swap(), CalendarTestData.WithSaturdayMornings());

    [Fact]
    public void Adding_then_measuring_working_time_round_trips() =>
        Gen.Select(Calendars, Instant, WorkingTime).Sample(
            (calendar, start, amount) => calendar.WorkingTimeBetween(start, calendar.AddWorkingTime(start, amount)) == amount,
            iter: Iterations);

    [Fact]
    public void Measuring_then_adding_reaches_any_later_working_instant() =>
        Gen.Select(Calendars, Instant, Instant).Sample(
            (calendar, a, b) =>
            {
                var (start, finish) = a <= b ? (a, b) : (b, a);
                if (!calendar.IsWorkingInstant(finish))
                {
                    return true;
                }
                // "First instant at which that much office time has passed": when finish opens a working window
                // (07:00, 13:30) the same amount was already reached at the close of the window before it.
                var reached = calendar.AddWorkingTime(start, calendar.WorkingTimeBetween(start, finish));
                return reached == finish || (reached < finish && calendar.WorkingTimeBetween(reached, finish) == TimeSpan.Zero);
            },
            iter: Iterations);

    [Fact]
    public void Adding_working_time_is_monotonic_in_the_start_and_in_the_amount() =>
        Gen.Select(Calendars, Instant, Instant, Gen.Select(WorkingTime, WorkingTime)).Sample(
            (calendar, a, b, amounts) =>
            {
                var (early, late) = a <= b ? (a, b) : (b, a);
                var (small, large) = amounts.Item1 <= amounts.Item2 ? amounts : (amounts.Item2, amounts.Item1);
                return calendar.AddWorkingTime(early, small) <= calendar.AddWorkingTime(late, small)
                    && calendar.AddWorkingTime(early, small) <= calendar.AddWorkingTime(early, large);
            },
            iter: Iterations);

    [Fact]
    public void Results_are_working_instants_no_earlier_than_the_start() =>
        Gen.Select(Calendars, Instant, WorkingTime).Sample(
            (calendar, start, amount) =>
            {
                var due = calendar.AddWorkingTime(start, amount);
                var next = calendar.NextWorkingInstant(start);
                return calendar.IsWorkingInstant(due) && calendar.IsWorkingInstant(next) && due >= next && next >= start;
            },
            iter: Iterations);

    [Fact]
    public void Adding_in_two_steps_equals_adding_the_sum() =>
        Gen.Select(Calendars, Instant, WorkingTime, WorkingTime).Sample(
            (calendar, start, first, second) =>
                calendar.AddWorkingTime(calendar.AddWorkingTime(start, first), second) == calendar.AddWorkingTime(start, first + second),
            iter: Iterations);

    [Fact]
    public void Whole_and_half_working_days_measure_eight_hours_each() =>
        Gen.Select(Instant, Gen.Int[0, 40]).Sample(
            (start, halfDays) =>
            {
                var calendar = WorkingCalendar.VietnamDefault;
                var due = calendar.AddWorkingTime(start, new IsoDuration(0, 0, halfDays / 2m, 0, 0, 0));
                return calendar.WorkingTimeBetween(start, due) == TimeSpan.FromHours(4 * halfDays);
            },
            iter: Iterations);
}

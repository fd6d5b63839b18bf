using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Calendar;

namespace OneStop.Host.Features.Calendar;

/// <summary>The <c>Calendar</c> section: the centre's working week. Holidays and swapped days are data (tables).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Time zone of deadlines. Default: Asia/Ho_Chi_Minh.</summary>
    public string TimeZone { get; set; } = WorkingCalendar.VietnamTimeZoneId;

    /// <summary>Office-hour windows as "HH:mm-HH:mm". Default: 07:00-11:30 and 13:30-17:00.</summary>
    public List<string> OfficeHours { get; set; } = [];

    /// <summary>Working weekdays. Default: Monday to Friday.</summary>
    public List<DayOfWeek> WorkingDays { get; set; } = [];

    /// <summary>Weekdays with shorter hours, e.g. Saturday: ["07:00-11:30"] for centres that receive on Saturday mornings.</summary>
    public Dictionary<DayOfWeek, List<string>> ShortDays { get; set; } = [];

    /// <summary>How often a node reloads the holiday tables, for changes made on another node. Default: 5 minutes.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The working calendar of the centre, built from configuration (the week) and the database (holiday rules and
/// special days). The engine asks it for <c>os:calendar="working"</c>; every node reloads it after a change it
/// makes and periodically for changes made elsewhere.
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, IOptions<CalendarOptions> options, ILogger<CalendarService> logger)
    : BackgroundService, IBusinessCalendarProvider
{
    private volatile WorkingCalendar current = new(CalendarDefinition.VietnamDefault with { Schedules = [Schedule(options.Value)] });

    public WorkingCalendar Current => current;

    public IBusinessCalendar ForName(string calendarName) =>
        string.Equals(calendarName, CalendarNames.Working, StringComparison.OrdinalIgnoreCase) ? current : WallClockCalendar.Instance;

    /// <summary>Writes the Labour Code holidays and the published schedules when the tables are empty (first run).</summary>
    public async Task SeedDefaultsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        if (await db.CalendarHolidayRules.AnyAsync(cancellationToken) || await db.CalendarSpecialDays.AnyAsync(cancellationToken))
        {
            return;
        }

        db.CalendarHolidayRules.AddRange(VietnameseHolidays.LabourCode2019.Select(r => new CalendarHolidayRuleRow
        {
            Code = r.Code,
            Name = r.Name,
            DateSystem = r.DateSystem,
            Month = r.Month,
            Day = r.Day,
            DaysBefore = r.DaysBefore,
            DaysAfter = r.DaysAfter,
            PlusAdjacentDay = r.PlusAdjacentDay,
            EffectiveFrom = r.EffectiveFrom,
            EffectiveTo = r.EffectiveTo,
            Source = r.Source,
        }));
        db.CalendarSpecialDays.AddRange(VietnameseHolidays.PublishedSchedules.Select(d => new CalendarSpecialDayRow
        {
            Date = d.Date,
            Kind = d.Kind,
            Name = d.Name,
            Source = d.Source,
            Rule = d.Rule,
            UpdatedBy = "seed",
        }));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the Vietnamese holiday rules and published schedules");
    }

    /// <summary>Rebuilds the calendar from the tables.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var rules = await db.CalendarHolidayRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var days = await db.CalendarSpecialDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken);
        current = new WorkingCalendar(new CalendarDefinition
        {
            TimeZoneId = options.Value.TimeZone,
            Schedules = [Schedule(options.Value)],
            HolidayRules = [.. rules.Select(r => new HolidayRule
            {
                Code = r.Code,
                Name = r.Name,
                DateSystem = r.DateSystem,
                Month = r.Month,
                Day = r.Day,
                DaysBefore = r.DaysBefore,
                DaysAfter = r.DaysAfter,
                PlusAdjacentDay = r.PlusAdjacentDay,
                EffectiveFrom = r.EffectiveFrom,
                EffectiveTo = r.EffectiveTo,
                Source = r.Source,
            })],
            SpecialDays = [.. days.Select(d => new SpecialDay(d.Date, d.Kind, d.Name, d.Source, d.Rule))],
        });
    }

    /// <summary>
    /// After the tables changed: reloads, then recomputes the armed working-time timers and task deadlines of every
    /// instance that has any (each move journaled by the engine). Returns how many moved.
    /// </summary>
    public async Task<int> ApplyChangeAsync(WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        List<string> instances;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var withJobs = db.Jobs.Select(j => j.InstanceId);
            var withDeadlines = db.UserTasks.Where(t => t.Status == Engine.UserTaskStatus.Open && t.DueAt != null).Select(t => t.InstanceId);
            instances = await withJobs.Union(withDeadlines).ToListAsync(cancellationToken);
        }

        var moved = 0;
        foreach (var instanceId in instances)
        {
            moved += await engine.RecomputeWorkingTimersAsync(instanceId, cancellationToken);
        }

        logger.LogInformation("Calendar changed: {Moved} deadline(s) of {Instances} instance(s) recomputed", moved, instances.Count);
        return moved;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await NextTickAsync(timer, stoppingToken))
        {
            try
            {
                await ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning("Calendar reload failed, keeping the previous one: {Error}", ex.Message);
            }
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false; // the host is stopping
        }
    }

    private static WorkSchedule Schedule(CalendarOptions options)
    {
        var schedule = new WorkSchedule();
        return schedule with
        {
            OfficeHours = options.OfficeHours.Count == 0 ? schedule.OfficeHours : [.. options.OfficeHours.Select(Window)],
            WorkingDays = options.WorkingDays.Count == 0 ? schedule.WorkingDays : options.WorkingDays,
            ShortDays = [.. options.ShortDays.Select(d => new WeekdayHours(d.Key, [.. d.Value.Select(Window)]))],
        };
    }

    private static OfficeWindow Window(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && start < end
                ? new OfficeWindow(start, end)
                : throw new StartupException($"OS1009: Calendar office hours '{text}' must read HH:mm-HH:mm, e.g. 07:00-11:30.");
    }
}

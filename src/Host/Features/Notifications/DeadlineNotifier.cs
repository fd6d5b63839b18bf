using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Host.Engine;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notices;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notifications;

/// <summary>
/// Tells officers by e-mail when an open step of a dossier is due within one working day, and when it is overdue: one
/// message per step, kind and officer of the step's department, ever — the idempotency key (kind, task, officer) is unique,
/// so a second scan, or another node scanning at once, enqueues nothing new.
/// </summary>
public sealed class DeadlineNotifier(
    IServiceScopeFactory scopes,
    CalendarService calendars,
    NotificationChannels channels,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<DeadlineNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !channels.Email)
        {
            return;
        }

        await DatabaseRounds.RunAsync("Deadline notices", options.Value.DeadlineScanInterval, ScanOnceAsync, time, logger, stoppingToken);
    }

    /// <summary>One scan; returns how many messages it enqueued.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!channels.Email)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var now = time.GetUtcNow();
        var calendar = calendars.Current;
        // Candidates: due before the end of the next working day however many days off lie between (Tết), plus a day for a
        // step due at the very start of the next working window; the working calendar decides.
        var horizon = calendar.AddWorkingTime(now, Deadlines.OneWorkingDay(calendar, now)).AddDays(1);
        var tasks = await db.UserTasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open && t.DueAt != null && t.DueAt <= horizon && t.BusinessKey != null && t.Department != null)
            .Select(t => new { t.Id, t.Name, t.ElementId, t.BusinessKey, t.Department, t.DueAt })
            .ToListAsync(cancellationToken);
        var enqueued = 0;
        foreach (var task in tasks)
        {
            var due = task.DueAt!.Value;
            var kind = due < now ? NotificationKinds.StepOverdue : Deadlines.IsDueSoon(calendar, now, due) ? NotificationKinds.StepDueSoon : null;
            if (kind is null || task.Department!.Split('/') is not [var agency, var department])
            {
                continue;
            }

            // Officers of the step's unit with an e-mail; a locked-out account (left, suspended) is not written to.
            var officers = (await db.Users.AsNoTracking()
                .Where(u => u.Email != null && u.Agency!.Code == agency && u.Department!.Code == department)
                .Select(u => new { u.Id, u.Email, u.FullName, u.LockoutEnd })
                .ToListAsync(cancellationToken))
                .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).ToList();
            if (officers.Count == 0)
            {
                continue;
            }

            var keys = officers.ToDictionary(o => $"{kind}.{OutboxFiles.SafeName(task.Id)}.{o.Id:N}.mail", o => o);
            var existing = await db.OutboxMessages.AsNoTracking().Where(m => keys.Keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey)
                .ToListAsync(cancellationToken);
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == task.BusinessKey)
                .Select(d => new { d.Id, d.ProcedureName }).FirstOrDefaultAsync(cancellationToken);
            foreach (var (key, officer) in keys.Where(k => !existing.Contains(k.Key)))
            {
                var model = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["kind"] = kind,
                    ["code"] = task.BusinessKey,
                    ["procedure"] = dossier?.ProcedureName,
                    ["name"] = officer.FullName,
                    ["step"] = task.Name ?? task.ElementId,
                    ["due"] = VietnameseText.TimeAndDate(due),
                    ["status"] = null,
                    ["status_name"] = null,
                    ["received"] = null,
                    ["appointment"] = null,
                    ["time"] = VietnameseText.TimeAndDate(now),
                    ["reason"] = null,
                });
                var message = OutboxInterceptor.New(NotificationChannel.Email, officer.Email!, kind, dossier?.Id, model, key[..^".mail".Length], now, null);
                db.OutboxMessages.Add(message);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    enqueued++;
                }
                catch (DbUpdateException)
                {
                    // Another node enqueued the same key first: the unique index keeps one.
                    db.Entry(message).State = EntityState.Detached;
                }
            }
        }

        return enqueued;
    }
}

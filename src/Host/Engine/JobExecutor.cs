using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Host.Persistence;
using OneStop.Workflows;

namespace OneStop.Host.Engine;

/// <summary>
/// Runs due engine jobs on every node. A job is claimed by a conditional UPDATE that only one node wins (its lease);
/// the engine command that fires it deletes or re-arms the row in the instance's own transaction, so a job's effect
/// happens once even if a node dies between claiming and finishing: its lease expires and another node claims it,
/// and the instance row version refuses a second firing. The loop sleeps until the next due time (capped), wakes
/// early when this node arms a job, and backs off while the database is unreachable.
/// </summary>
internal sealed partial class JobExecutor(
    IServiceScopeFactory scopes,
    WorkflowEngine engine,
    JobWakeUp wakeUp,
    TimeProvider time,
    IOptions<JobExecutorOptions> options,
    ILogger<JobExecutor> logger) : BackgroundService
{
    /// <summary>The lease of a job that failed too often: it waits for an admin's retry instead of failing forever.</summary>
    public static readonly DateTimeOffset ParkedUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly JobExecutorOptions settings = options.Value;
    private readonly string node = NodeName(options.Value.NodeId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                var claimed = await ClaimAsync(stoppingToken);
                foreach (var job in claimed)
                {
                    await RunAsync(job, stoppingToken);
                }

                failures = 0;
                sleep = claimed.Count == settings.BatchSize ? TimeSpan.Zero : await UntilNextDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException { InnerException: DbException })
            {
                failures++;
                sleep = Backoff(failures, settings.MaxSleep);
                logger.LogWarning("Job executor cannot reach the database ({Failures} in a row); next try in {Delay}: {Error}", failures, sleep, ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (sleep > TimeSpan.Zero)
            {
                try
                {
                    await wakeUp.WaitAsync(sleep, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private sealed record ClaimedJob(string Id, string InstanceId, int Attempts);

    /// <summary>Claims up to a batch of due jobs whose lease is free or expired.</summary>
    private async Task<List<ClaimedJob>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var now = time.GetUtcNow();
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.DueAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.DueAt)
            .Take(settings.BatchSize)
            .Select(j => new ClaimedJob(j.Id, j.InstanceId, j.Attempts))
            .ToListAsync(cancellationToken);

        // Nodes that see the same candidates try them in different orders, so most claims do not collide.
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates));
        var leaseUntil = now + settings.LeaseDuration;
        var claimed = new List<ClaimedJob>(candidates.Count);
        foreach (var job in candidates)
        {
            var won = await db.Jobs
                .Where(j => j.InstanceId == job.InstanceId && j.Id == job.Id && j.DueAt <= now && (j.LeaseUntil == null || j.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseOwner, node).SetProperty(j => j.LeaseUntil, leaseUntil), cancellationToken);
            if (won == 1)
            {
                claimed.Add(job);
            }
        }

        return claimed;
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        try
        {
            var result = await engine.FireTimerAsync(job.InstanceId, job.Id, cancellationToken);
            switch (result)
            {
                case TimerFireResult.Dropped:
                    // Its wait state is gone (task completed, instance ended): nothing is left to do.
                    await UpdateOwnAsync(job, u => u.ExecuteDeleteAsync(cancellationToken));
                    break;
                case TimerFireResult.NotDue:
                    await UpdateOwnAsync(job, u => u.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken));
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = job.Attempts + 1;
            var parked = attempts >= settings.MaxAttempts;
            var retryAt = parked ? ParkedUntil : time.GetUtcNow() + Backoff(attempts, TimeSpan.FromHours(1), settings.RetryDelay);
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await UpdateOwnAsync(job, u => u.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Attempts, attempts)
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.LeaseUntil, retryAt), cancellationToken));
            if (parked)
            {
                logger.LogError(ex, "Job {JobId} of instance {InstanceId} failed {Attempts} times and is parked", job.Id, job.InstanceId, attempts);
            }
            else
            {
                logger.LogWarning("Job {JobId} of instance {InstanceId} failed (attempt {Attempts}); retry at {RetryAt}: {Error}", job.Id, job.InstanceId, attempts, retryAt, ex.Message);
            }
        }
    }

    /// <summary>Changes a job row only while this node still holds its lease.</summary>
    private async Task UpdateOwnAsync(ClaimedJob job, Func<IQueryable<JobRow>, Task<int>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        await change(db.Jobs.Where(j => j.InstanceId == job.InstanceId && j.Id == job.Id && j.LeaseOwner == node));
    }

    /// <summary>Time until the earliest job that could be claimed: a due time, or an expiring lease.</summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var now = time.GetUtcNow();
        var nextDue = await db.Jobs.Where(j => j.LeaseUntil == null).OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(cancellationToken);
        var nextLease = await db.Jobs.Where(j => j.LeaseUntil != null).OrderBy(j => j.LeaseUntil).Select(j => j.LeaseUntil).FirstOrDefaultAsync(cancellationToken);
        var next = new[] { nextDue, nextLease }.Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(now + settings.MaxSleep).Min();
        var wait = next - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.MaxSleep ? settings.MaxSleep : wait;
    }

    private static string NodeName(string? configured)
    {
        var name = configured ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[..100];
    }

    private static TimeSpan Backoff(int failures, TimeSpan cap, TimeSpan? first = null)
    {
        var baseDelay = first ?? TimeSpan.FromMilliseconds(500);
        var delay = baseDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        // Jitter spreads nodes that failed together.
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4);
        return delay > cap ? cap : delay;
    }
}

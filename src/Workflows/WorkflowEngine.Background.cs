using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows;

/// <summary>What <see cref="WorkflowEngine.FireTimerAsync"/> did with a timer job.</summary>
public enum TimerFireResult
{
    /// <summary>The timer fired; the instance saved the change (and re-armed a cycle under the same or a new id).</summary>
    Fired,

    /// <summary>The instance has ended or no longer holds the timer: nothing happened, the job row can be deleted.</summary>
    Dropped,

    /// <summary>The timer is still armed but due later than now (e.g. re-armed or rescheduled): try again at its due time.</summary>
    NotDue,
}

// Background commands: nobody waits on them, so a concurrency conflict is retried with jittered exponential back-off.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fires one timer job if it is still armed and due at the engine clock's current time. The job executor calls
    /// this for each job it claimed. Conflicts are retried <see cref="WorkflowEngineOptions.ConflictRetries"/> times,
    /// each with a fresh load (so a timer that went away meanwhile is <see cref="TimerFireResult.Dropped"/>).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Every retry met a conflict; the caller retries later.</exception>
    public Task<TimerFireResult> FireTimerAsync(string instanceId, string timerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(timerId);
        return WithConflictRetriesAsync(async () =>
        {
            var instance = await _store.LoadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (instance is null || instance.IsEnded || instance.Timers.Find(t => t.Id == timerId) is not { } job)
            {
                return (TimerFireResult.Dropped, null);
            }
            if (job.DueAt > _options.TimeProvider.GetUtcNow())
            {
                return (TimerFireResult.NotDue, null);
            }
            var run = await RunAsync(instance, run => Triggers.FireTimer(run, run.Instance.Timers.Find(t => t.Id == timerId)!), cancellationToken)
                .ConfigureAwait(false);
            return (TimerFireResult.Fired, run);
        }, cancellationToken);
    }

    /// <summary>
    /// Fires every timer due at the engine clock's current time, earliest first (one at a time, so a cycle rescheduled
    /// by a firing takes its place in time order), through <see cref="FireTimerAsync"/>; returns how many fired.
    /// </summary>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        // Index rows that did not fire (stale in a store that lags) are skipped rather than retried forever.
        var skipped = new HashSet<(string, string)>();
        for (var attempt = 0; attempt < _options.TimerBatchSize; attempt++)
        {
            var due = await _store.FindDueTimersAsync(_options.TimeProvider.GetUtcNow(), skipped.Count + 1, cancellationToken).ConfigureAwait(false);
            var candidate = due.FirstOrDefault(t => !skipped.Contains((t.InstanceId, t.Id)));
            if (candidate is null)
            {
                break;
            }
            if (await FireTimerAsync(candidate.InstanceId, candidate.Id, cancellationToken).ConfigureAwait(false) == TimerFireResult.Fired)
            {
                fired++;
            }
            else
            {
                skipped.Add((candidate.InstanceId, candidate.Id));
            }
        }
        return fired;
    }

    /// <summary>The earliest due time of any scheduled timer.</summary>
    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken = default) => _store.GetNextTimerDueAsync(cancellationToken);

    /// <summary>
    /// Recomputes the due times of the instance's armed working-time timers and user-task deadlines with the current
    /// calendars (call it for the affected instances after the holiday table changed). Each one that moves is journaled
    /// as <c>timer.rescheduled</c> or <c>task.rescheduled</c> with the previous and the new due time; nothing is saved
    /// when nothing moves. Absolute timers (<c>timeDate</c>) and wall-clock timers never move. Returns how many moved
    /// (0 for an ended or failed instance).
    /// </summary>
    public Task<int> RecomputeWorkingTimersAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return WithConflictRetriesAsync(async () =>
        {
            var instance = await _store.LoadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            var changes = instance is null || instance.IsEnded ? [] : WorkingTimeRecompute.Plan(instance, _options.Calendars);
            if (changes.Count == 0)
            {
                return (0, null);
            }
            var run = await RunAsync(instance!, run => WorkingTimeRecompute.Apply(run, changes), cancellationToken).ConfigureAwait(false);
            return (changes.Count, run);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs an attempt (load, change, save) until it does not meet a conflict, at most
    /// <see cref="WorkflowEngineOptions.ConflictRetries"/> more times, then applies the follow-ups of the one that
    /// committed. Follow-ups stay outside the loop so that a conflict there never repeats the committed command.
    /// </summary>
    private async Task<T> WithConflictRetriesAsync<T>(Func<Task<(T Result, ExecutionRun? Run)>> attempt, CancellationToken cancellationToken)
    {
        (T Result, ExecutionRun? Run) outcome;
        for (var retry = 0; ; retry++)
        {
            try
            {
                outcome = await attempt().ConfigureAwait(false);
                break;
            }
            catch (ConcurrencyConflictException) when (retry < _options.ConflictRetries)
            {
                await Task.Delay(ConflictBackoff(retry), cancellationToken).ConfigureAwait(false);
            }
        }
        if (outcome.Run is not null)
        {
            await FollowUpAsync(outcome.Run, cancellationToken).ConfigureAwait(false);
        }
        return outcome.Result;
    }

    // Exponential from ConflictRetryDelay, times a random factor in [0.5, 1.5) so that competing nodes spread out.
    // Real time, not the engine clock: the wait is about database contention, and a virtual clock would never move.
    private TimeSpan ConflictBackoff(int retry)
    {
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var factor = 0.5 + Random.Shared.NextDouble();
#pragma warning restore CA5394
        return _options.ConflictRetryDelay * (Math.Pow(2, Math.Min(retry, 10)) * factor);
    }
}

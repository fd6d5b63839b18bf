using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;

namespace OneStop.Workflows.Execution;

/// <summary>A due time that moves when the calendar changes: a timer or a user task's deadline.</summary>
internal sealed record DueTimeChange(string? TimerId, string? TaskId, DateTimeOffset Previous, DateTimeOffset Due);

/// <summary>
/// Recomputes working-time due times with the current calendars: every timer and task deadline that remembered its
/// start instant, duration and calendar name is counted again, and those that move are journaled.
/// </summary>
internal static class WorkingTimeRecompute
{
    public static List<DueTimeChange> Plan(InstanceState instance, IBusinessCalendarProvider calendars)
    {
        var changes = new List<DueTimeChange>();
        foreach (var timer in instance.Timers)
        {
            if (timer is { ArmedAt: { } from, Duration: { } text, Calendar: { } name } && IsoDuration.TryParse(text, out var duration)
                && calendars.ForName(name).AddWorkingTime(from, duration) is var due && due != timer.DueAt)
            {
                changes.Add(new DueTimeChange(timer.Id, null, timer.DueAt, due));
            }
        }
        foreach (var task in instance.UserTasks)
        {
            if (task is { Deadline: { } text, DeadlineCalendar: { } name, DueAt: { } previous } && IsoDuration.TryParse(text, out var duration)
                && calendars.ForName(name).AddWorkingTime(task.CreatedAt, duration) is var due && due != previous)
            {
                changes.Add(new DueTimeChange(null, task.Id, previous, due));
            }
        }
        return changes;
    }

    public static void Apply(ExecutionRun run, IReadOnlyList<DueTimeChange> changes)
    {
        foreach (var change in changes)
        {
            var data = new JsonObject { ["previousDueAt"] = IsoInstant.Format(change.Previous), ["dueAt"] = IsoInstant.Format(change.Due) };
            if (change.TimerId is { } timerId && run.Instance.Timers.Find(t => t.Id == timerId) is { } timer)
            {
                timer.DueAt = change.Due;
                data.Insert(0, "timerId", timerId);
                run.Record(JournalEvents.TimerRescheduled, run.Process.GetNode(timer.ElementId), timer.TokenId is null ? null : run.FindToken(timer.TokenId), data);
            }
            else if (change.TaskId is { } taskId && run.Instance.UserTasks.Find(t => t.Id == taskId) is { } task)
            {
                task.DueAt = change.Due;
                data.Insert(0, "taskId", taskId);
                run.Record(JournalEvents.TaskRescheduled, run.Process.GetNode(task.ElementId), run.FindToken(task.TokenId), data);
            }
        }
    }
}

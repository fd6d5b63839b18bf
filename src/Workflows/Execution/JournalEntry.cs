using System.Text.Json.Nodes;

namespace OneStop.Workflows.Execution;

/// <summary>One append-only journal event of an instance.</summary>
public sealed record JournalEntry
{
    /// <summary>Order within the instance, from 1.</summary>
    public long Sequence { get; init; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>When it happened (engine clock).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Event name, one of <see cref="JournalEvents"/>.</summary>
    public required string Event { get; init; }

    /// <summary>The element concerned.</summary>
    public string? ElementId { get; init; }

    /// <summary>Its name.</summary>
    public string? ElementName { get; init; }

    /// <summary>Its BPMN type (XML local name, <c>process</c> for the process itself).</summary>
    public string? ElementType { get; init; }

    /// <summary>The token concerned.</summary>
    public string? TokenId { get; init; }

    /// <summary>Event-specific data (outcome, user, message name, due time, variables…).</summary>
    public JsonObject? Data { get; init; }
}

/// <summary>Journal event names (stable: tests, the instance viewer and form 05 read them).</summary>
public static class JournalEvents
{
    /// <summary>A token entered an element (the process element at start).</summary>
    public const string ElementEntered = "element.entered";
    /// <summary>An element completed (the process element at the end).</summary>
    public const string ElementCompleted = "element.completed";
    /// <summary>An element was cancelled (interrupting event, terminate, cancel).</summary>
    public const string ElementCancelled = "element.cancelled";
    /// <summary>A user task was created.</summary>
    public const string TaskCreated = "task.created";
    /// <summary>A user task was completed (outcome, user).</summary>
    public const string TaskCompleted = "task.completed";
    /// <summary>A user task moved to another department (task id, from, to, user).</summary>
    public const string TaskTransferred = "task.transferred";
    /// <summary>A user task was cancelled.</summary>
    public const string TaskCancelled = "task.cancelled";
    /// <summary>A timer was scheduled (timer id, due time).</summary>
    public const string TimerScheduled = "timer.scheduled";
    /// <summary>A timer fired.</summary>
    public const string TimerFired = "timer.fired";
    /// <summary>A message was correlated.</summary>
    public const string MessageCorrelated = "message.correlated";
    /// <summary>A message was sent (send task, message throw/end event).</summary>
    public const string MessageSent = "message.sent";
    /// <summary>Variables changed.</summary>
    public const string VariablesChanged = "variables.changed";
    /// <summary>An error was thrown.</summary>
    public const string ErrorThrown = "error.thrown";
    /// <summary>An escalation was thrown.</summary>
    public const string EscalationThrown = "escalation.thrown";
    /// <summary>The <c>os:status</c> of an entered element (passed through).</summary>
    public const string StatusChanged = "status.changed";
    /// <summary>The <c>os:notice</c> of an entered element (passed through).</summary>
    public const string NoticeRequested = "notice.requested";
    /// <summary>An incident stopped the instance.</summary>
    public const string Incident = "incident";
    /// <summary>An operator retried an incident (incident id and kind); the step's re-run follows.</summary>
    public const string IncidentRetried = "incident.retried";
    /// <summary>A working-time timer's due time moved because the calendar changed (timer id, previous and new due).</summary>
    public const string TimerRescheduled = "timer.rescheduled";
    /// <summary>A user task's working-time deadline moved because the calendar changed (task id, previous and new due).</summary>
    public const string TaskRescheduled = "task.rescheduled";
}

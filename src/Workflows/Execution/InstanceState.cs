using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OneStop.Workflows.Execution;

/// <summary>Lifecycle of a process instance.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    /// <summary>A command is moving the instance.</summary>
    Running,
    /// <summary>The instance waits for a user task, message or timer.</summary>
    Waiting,
    /// <summary>The instance reached its end.</summary>
    Completed,
    /// <summary>The instance was cancelled.</summary>
    Terminated,
    /// <summary>The instance stopped on an incident.</summary>
    Failed,
}

/// <summary>
/// The whole state of one process instance as plain data. It serialises to JSON (part 2 stores it as a JSON column);
/// the wait-state lists are also written as indexed rows by the store.
/// </summary>
public sealed class InstanceState
{
    /// <summary>Instance id.</summary>
    public required string Id { get; init; }

    /// <summary>Definition key (process id).</summary>
    public required string DefinitionKey { get; init; }

    /// <summary>Definition version the instance runs on.</summary>
    public required int DefinitionVersion { get; init; }

    /// <summary>Business key (the dossier code for OneStop).</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Current status.</summary>
    public InstanceStatus Status { get; set; }

    /// <summary>When the instance started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the instance ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>For an instance started by a call activity: the calling instance.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>For an instance started by a call activity: the calling token.</summary>
    public string? ParentTokenId { get; init; }

    /// <summary>Optimistic concurrency: incremented by every save.</summary>
    public long RowVersion { get; set; }

    /// <summary>Number of journal entries written so far.</summary>
    public long JournalLength { get; set; }

    /// <summary>Counter for ids local to the instance.</summary>
    public long NextLocalId { get; set; }

    /// <summary>Variable scopes; the first is the process scope.</summary>
    public List<ScopeState> Scopes { get; init; } = [];

    /// <summary>Live tokens.</summary>
    public List<TokenState> Tokens { get; init; } = [];

    /// <summary>Open user tasks (wait-state rows).</summary>
    public List<UserTaskRecord> UserTasks { get; init; } = [];

    /// <summary>Open message subscriptions (wait-state rows).</summary>
    public List<MessageSubscription> Subscriptions { get; init; } = [];

    /// <summary>Scheduled timers (job rows).</summary>
    public List<TimerJob> Timers { get; init; } = [];

    /// <summary>Open incidents: kept until retried (<see cref="WorkflowEngine.RetryIncidentAsync"/>) or resolved by cancelling the instance.</summary>
    public List<Incident> Incidents { get; init; } = [];

    /// <summary>The process-level variables.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonNode?> Variables => Scopes.Count > 0 ? Scopes[0].Variables : new Dictionary<string, JsonNode?>();

    /// <summary>Whether the instance has ended (completed, terminated or failed).</summary>
    [JsonIgnore]
    public bool IsEnded => Status is InstanceStatus.Completed or InstanceStatus.Terminated or InstanceStatus.Failed;
}

/// <summary>A variable scope: the process, a sub-process or a multi-instance inner instance.</summary>
public sealed class ScopeState
{
    /// <summary>Scope id.</summary>
    public required string Id { get; init; }

    /// <summary>Enclosing scope; null for the process scope.</summary>
    public string? ParentId { get; init; }

    /// <summary>The process or sub-process element whose body this is.</summary>
    public required string ElementId { get; init; }

    /// <summary>The token that owns this scope (sub-process or multi-instance token).</summary>
    public string? OwnerTokenId { get; init; }

    /// <summary>Whether this scope is one inner instance of a multi-instance activity.</summary>
    public bool IsMultiInstanceInner { get; init; }

    /// <summary>Variables declared in this scope.</summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Where a token is in its life at an element.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TokenPhase>))]
public enum TokenPhase
{
    /// <summary>Queued to execute its element.</summary>
    Ready,
    /// <summary>Waiting at its element (task, event, sub-process, join).</summary>
    Waiting,
}

/// <summary>A token: the position of one thread of control.</summary>
public sealed class TokenState
{
    /// <summary>Token id (unique in the instance); also the activity instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The element the token is at.</summary>
    public required string ElementId { get; set; }

    /// <summary>The scope the token lives in.</summary>
    public required string ScopeId { get; init; }

    /// <summary>Phase at the element.</summary>
    public TokenPhase Phase { get; set; }

    /// <summary>The flow the token arrived by (used by joins).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Whether the element was entered (journaled) already.</summary>
    public bool Entered { get; set; }

    /// <summary>The inner scope this token owns (sub-process body).</summary>
    public string? ChildScopeId { get; set; }

    /// <summary>Whether this token is one inner instance of a multi-instance activity.</summary>
    public bool IsMultiInstanceInner { get; init; }

    /// <summary>Multi-instance bookkeeping for a multi-instance body token.</summary>
    public MultiInstanceState? MultiInstance { get; set; }

    /// <summary>Standard loop iteration count.</summary>
    public int LoopCounter { get; set; }

    /// <summary>The instance started by a call activity.</summary>
    public string? CalledInstanceId { get; set; }
}

/// <summary>Counters of a multi-instance body.</summary>
public sealed class MultiInstanceState
{
    /// <summary>Items of the collection (null when driven by cardinality).</summary>
    public JsonArray? Items { get; init; }

    /// <summary>nrOfInstances.</summary>
    public int Total { get; init; }

    /// <summary>nrOfCompletedInstances.</summary>
    public int Completed { get; set; }

    /// <summary>nrOfActiveInstances.</summary>
    public int Active { get; set; }

    /// <summary>Next index to start (sequential).</summary>
    public int NextIndex { get; set; }
}

/// <summary>An open user task: an inbox row.</summary>
public sealed class UserTaskRecord
{
    /// <summary>Globally unique task id.</summary>
    public required string Id { get; init; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The token waiting at the task.</summary>
    public required string TokenId { get; init; }

    /// <summary>The userTask element.</summary>
    public required string ElementId { get; init; }

    /// <summary>Element name.</summary>
    public string? Name { get; init; }

    /// <summary>Business key of the instance.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Candidate department (<c>os:department</c>); changed by <see cref="WorkflowEngine.TransferUserTaskAsync"/>.</summary>
    public string? Department { get; set; }

    /// <summary>Candidate role (<c>os:role</c>).</summary>
    public string? Role { get; init; }

    /// <summary>Assignee (evaluated <c>os:assignee</c>).</summary>
    public string? Assignee { get; init; }

    /// <summary>Outcomes the user may choose.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Created at.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Due (from <c>os:deadline</c>); moved by <see cref="WorkflowEngine.RecomputeWorkingTimersAsync"/> when the calendar changes.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The <c>os:deadline</c> duration (ISO 8601) the due time was counted with, from <see cref="CreatedAt"/>; null when it needs no recomputation (wall clock or no deadline).</summary>
    public string? Deadline { get; init; }

    /// <summary>The calendar name (<c>os:calendar</c>) the deadline counts in, kept with <see cref="Deadline"/>.</summary>
    public string? DeadlineCalendar { get; init; }

    /// <summary>Creation order within the engine.</summary>
    public long Sequence { get; init; }
}

/// <summary>An open message subscription.</summary>
public sealed class MessageSubscription
{
    /// <summary>Subscription id.</summary>
    public required string Id { get; init; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The catching element (event, receive task, boundary or event sub-process start).</summary>
    public required string ElementId { get; init; }

    /// <summary>The waiting token or the activity the boundary is attached to; null for event sub-process starts.</summary>
    public string? TokenId { get; init; }

    /// <summary>For event sub-process starts: the scope that listens.</summary>
    public string? ScopeId { get; init; }

    /// <summary>Message name.</summary>
    public required string MessageName { get; init; }

    /// <summary>Correlation key; null matches any key.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Creation order.</summary>
    public long Sequence { get; init; }
}

/// <summary>A scheduled timer (a job row).</summary>
public sealed class TimerJob
{
    /// <summary>Timer id.</summary>
    public required string Id { get; init; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The timer element (catch event, boundary or event sub-process start).</summary>
    public required string ElementId { get; init; }

    /// <summary>The waiting token or the activity the boundary is attached to; null for event sub-process starts.</summary>
    public string? TokenId { get; init; }

    /// <summary>For event sub-process starts: the scope that listens.</summary>
    public string? ScopeId { get; init; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Firings left for a cycle; null = unbounded.</summary>
    public int? RemainingRepetitions { get; set; }

    /// <summary>
    /// For a timer counted in a calendar other than the wall clock: the instant its duration is counted from (when it
    /// was armed; for a later firing of a cycle, the previous due time). With <see cref="Duration"/> and
    /// <see cref="Calendar"/> it lets the due time be recomputed when the calendar changes. Null otherwise.
    /// </summary>
    public DateTimeOffset? ArmedAt { get; init; }

    /// <summary>The duration (ISO 8601) counted from <see cref="ArmedAt"/>.</summary>
    public string? Duration { get; init; }

    /// <summary>The calendar name (<c>os:calendar</c>) the duration counts in.</summary>
    public string? Calendar { get; init; }

    /// <summary>Creation order.</summary>
    public long Sequence { get; init; }
}

/// <summary>A problem that stopped the instance.</summary>
public sealed class Incident
{
    /// <summary>Incident id.</summary>
    public required string Id { get; init; }

    /// <summary>The element where it happened.</summary>
    public string? ElementId { get; init; }

    /// <summary>The token concerned.</summary>
    public string? TokenId { get; init; }

    /// <summary>A stable kind, e.g. <c>no-matching-flow</c>, <c>unhandled-error</c>, <c>expression</c>, <c>handler</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Human-readable message.</summary>
    public required string Message { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Which step a retry re-runs (absent in older state: the element).</summary>
    public IncidentStep Step { get; init; }
}

/// <summary>The step an incident stopped, which <see cref="WorkflowEngine.RetryIncidentAsync"/> runs again.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentStep>))]
public enum IncidentStep
{
    /// <summary>The element itself (handler, script, expressions, call): it is entered again.</summary>
    Element,
    /// <summary>Choosing the outgoing flows after the element's work (no matching flow, a failing condition).</summary>
    Leave,
}

/// <summary>Stable incident kinds the engine raises.</summary>
public static class IncidentKinds
{
    /// <summary>No outgoing flow of a gateway or activity had a true condition and there was no default flow.</summary>
    public const string NoMatchingFlow = "no-matching-flow";
}

namespace OneStop.Host.Engine;

// The engine's state as database rows. The instance row holds the whole state as JSON (the engine's source of
// truth); the other rows are indexed projections of its wait states, written in the same transaction, so lookups
// (inbox, correlation, due jobs) never deserialise instances. Times are stored in UTC.

/// <summary>One version of a process definition.</summary>
public sealed class WorkflowDefinitionRow
{
    public required string Key { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public string? Name { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>The BPMN XML exactly as deployed.</summary>
    public required string Xml { get; set; }

    public DateTimeOffset DeployedAt { get; set; }

    public string? DeployedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }
}

/// <summary>A process instance; <see cref="RowVersion"/> guards every engine command.</summary>
public sealed class WorkflowInstanceRow
{
    public required string Id { get; set; }

    public required string DefinitionKey { get; set; }

    public int DefinitionVersion { get; set; }

    /// <summary>The dossier code for procedure flows.</summary>
    public string? BusinessKey { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? ParentInstanceId { get; set; }

    public required string StateJson { get; set; }

    public long RowVersion { get; set; }
}

/// <summary>A user task: open ones are the inbox; completed and cancelled ones stay for the record.</summary>
public sealed class UserTaskRow
{
    /// <summary>Insertion order, which breaks ties of equal creation times across instances.</summary>
    public long RowId { get; set; }

    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string TokenId { get; set; }

    public required string ElementId { get; set; }

    public string? Name { get; set; }

    public string? BusinessKey { get; set; }

    public string? Department { get; set; }

    public string? Role { get; set; }

    public string? Assignee { get; set; }

    /// <summary>The outcomes a user may choose, separated by a line feed.</summary>
    public string? Outcomes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? FollowUpAt { get; set; }

    public int Priority { get; set; }

    public long Sequence { get; set; }

    public UserTaskStatus Status { get; set; }

    public string? Outcome { get; set; }

    public string? CompletedBy { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public enum UserTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>A wait for a message by name and correlation key.</summary>
public sealed class MessageSubscriptionRow
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ElementId { get; set; }

    public string? TokenId { get; set; }

    public string? ScopeId { get; set; }

    public required string MessageName { get; set; }

    public string? CorrelationKey { get; set; }

    public long Sequence { get; set; }
}

/// <summary>Work due at a time (a timer), claimed by one node at a time through its lease. Keyed by instance and id.</summary>
public sealed class JobRow
{
    public required string Id { get; set; }

    public required string Kind { get; set; }

    public required string InstanceId { get; set; }

    public required string ElementId { get; set; }

    public string? TokenId { get; set; }

    public string? ScopeId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public int? RemainingRepetitions { get; set; }

    public long Sequence { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message that arrived before any subscription; kept until it expires.</summary>
public sealed class BufferedMessageRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? CorrelationKey { get; set; }

    public required string VariablesJson { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One journal event of an instance: the audit trail.</summary>
public sealed class JournalRow
{
    public required string InstanceId { get; set; }

    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string Event { get; set; }

    public string? ElementId { get; set; }

    /// <summary>The whole entry as the engine wrote it.</summary>
    public required string EntryJson { get; set; }
}

/// <summary>A problem that stopped a token, for the incidents list.</summary>
public sealed class IncidentRow
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public string? ElementId { get; set; }

    public required string Kind { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Persistence;

/// <summary>Filters for the task inbox.</summary>
public sealed record UserTaskQuery
{
    /// <summary>Only tasks of this instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Only tasks of this business key.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Only tasks for this department.</summary>
    public string? Department { get; init; }

    /// <summary>Only tasks for this role.</summary>
    public string? Role { get; init; }

    /// <summary>Only tasks assigned to this user.</summary>
    public string? Assignee { get; init; }
}

/// <summary>A message kept until a subscription for it appears.</summary>
public sealed record BufferedMessage
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Message name.</summary>
    public required string Name { get; init; }

    /// <summary>Correlation key.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Variables carried by the message.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Variables { get; init; } = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it is dropped.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>Another command changed the instance first.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// Where the engine keeps definitions and instances. Every engine command loads one instance, changes it and calls
/// <see cref="SaveInstanceAsync"/> once: the implementation writes the instance, its wait-state rows (the instance's
/// user tasks, subscriptions and timers, replaced as a set) and the new journal entries atomically, guarded by the
/// row version. Part 2 implements this with EF Core in one transaction.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>All versions of a definition key, oldest first.</summary>
    Task<IReadOnlyList<DefinitionRecord>> GetDefinitionVersionsAsync(string key, CancellationToken cancellationToken);

    /// <summary>The newest version of every key.</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or updates a definition version.</summary>
    Task SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken);

    /// <summary>Loads an instance (a private copy) or null.</summary>
    Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the instance, its wait-state rows and the journal entries atomically. Fails with
    /// <see cref="ConcurrencyConflictException"/> if the stored row version is not <paramref name="expectedRowVersion"/>
    /// (0 for a new instance); on success sets <see cref="InstanceState.RowVersion"/> to the next version.
    /// </summary>
    Task SaveInstanceAsync(InstanceState instance, long expectedRowVersion, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken);

    /// <summary>The journal of an instance in order.</summary>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Open user tasks matching the query, in creation order.</summary>
    Task<IReadOnlyList<UserTaskRecord>> FindUserTasksAsync(UserTaskQuery query, CancellationToken cancellationToken);

    /// <summary>One open user task or null.</summary>
    Task<UserTaskRecord?> FindUserTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Subscriptions for a message name whose key matches (a subscription without key matches any), oldest first.</summary>
    Task<IReadOnlyList<MessageSubscription>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken);

    /// <summary>Timers due at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<TimerJob>> FindDueTimersAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken);

    /// <summary>The earliest due time of any timer, or null.</summary>
    Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a message that no subscription took.</summary>
    Task BufferMessageAsync(BufferedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Removes and returns the oldest unexpired buffered message with this name whose key matches
    /// (<paramref name="correlationKey"/> null matches any key), or null. Expired messages are dropped.
    /// </summary>
    Task<BufferedMessage?> TakeBufferedMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken);
}

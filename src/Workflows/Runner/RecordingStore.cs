using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Runner;

/// <summary>Wraps a store and remembers every saved journal entry in commit order across instances.</summary>
internal sealed class RecordingStore(IWorkflowStore inner) : IWorkflowStore
{
    public List<JournalEntry> Saved { get; } = [];

    public HashSet<string> InstanceIds { get; } = new(StringComparer.Ordinal);

    public async Task SaveInstanceAsync(InstanceState instance, long expectedRowVersion, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        await inner.SaveInstanceAsync(instance, expectedRowVersion, journal, cancellationToken).ConfigureAwait(false);
        InstanceIds.Add(instance.Id);
        Saved.AddRange(journal);
    }

    public Task<IReadOnlyList<DefinitionRecord>> GetDefinitionVersionsAsync(string key, CancellationToken cancellationToken) => inner.GetDefinitionVersionsAsync(key, cancellationToken);
    public Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken) => inner.ListLatestDefinitionsAsync(cancellationToken);
    public Task SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken) => inner.SaveDefinitionAsync(definition, cancellationToken);
    public Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.LoadInstanceAsync(instanceId, cancellationToken);
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken) => inner.GetJournalAsync(instanceId, cancellationToken);
    public Task<IReadOnlyList<UserTaskRecord>> FindUserTasksAsync(UserTaskQuery query, CancellationToken cancellationToken) => inner.FindUserTasksAsync(query, cancellationToken);
    public Task<UserTaskRecord?> FindUserTaskAsync(string taskId, CancellationToken cancellationToken) => inner.FindUserTaskAsync(taskId, cancellationToken);
    public Task<IReadOnlyList<MessageSubscription>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken) => inner.FindSubscriptionsAsync(messageName, correlationKey, cancellationToken);
    public Task<IReadOnlyList<TimerJob>> FindDueTimersAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken) => inner.FindDueTimersAsync(dueBy, limit, cancellationToken);
    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken) => inner.GetNextTimerDueAsync(cancellationToken);
    public Task BufferMessageAsync(BufferedMessage message, CancellationToken cancellationToken) => inner.BufferMessageAsync(message, cancellationToken);
    public Task<BufferedMessage?> TakeBufferedMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken) => inner.TakeBufferedMessageAsync(messageName, correlationKey, now, cancellationToken);
}

using System.Text.Json;
using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Persistence;

/// <summary>
/// An in-memory store for tests, the headless runner and benchmarks. Instances are kept as JSON, so each command works
/// on its own copy exactly as it will with a database, and state that cannot be serialised fails here first.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DefinitionRecord>> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, string Json)> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JournalEntry>> _journal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserTaskRecord> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MessageSubscription>> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TimerJob>> _timers = new(StringComparer.Ordinal);
    private readonly List<BufferedMessage> _buffered = [];
    private readonly Dictionary<string, long> _taskOrder = new(StringComparer.Ordinal);
    private long _nextTaskOrder;

    /// <inheritdoc/>
    public Task<IReadOnlyList<DefinitionRecord>> GetDefinitionVersionsAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DefinitionRecord>>(_definitions.TryGetValue(key, out var list) ? [.. list] : []);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DefinitionRecord>>(_definitions.Values.Select(l => l[^1]).ToList());
        }
    }

    /// <inheritdoc/>
    public Task SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (!_definitions.TryGetValue(definition.Key, out var list))
            {
                _definitions[definition.Key] = list = [];
            }
            var index = list.FindIndex(d => d.Version == definition.Version);
            if (index >= 0)
            {
                list[index] = definition;
            }
            else
            {
                list.Add(definition);
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var row)
                ? JsonSerializer.Deserialize<InstanceState>(row.Json, WorkflowJson.Options)
                : null);
        }
    }

    /// <inheritdoc/>
    public Task SaveInstanceAsync(InstanceState instance, long expectedRowVersion, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(journal);
        lock (_gate)
        {
            var stored = _instances.TryGetValue(instance.Id, out var row) ? row.Version : 0;
            if (stored != expectedRowVersion)
            {
                throw new ConcurrencyConflictException($"Instance '{instance.Id}' was changed by another command (version {stored}, expected {expectedRowVersion}).");
            }
            instance.RowVersion = expectedRowVersion + 1;
            var json = JsonSerializer.Serialize(instance, WorkflowJson.Options);
            _instances[instance.Id] = (instance.RowVersion, json);
            var copy = JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options)!;
            var open = copy.IsEnded ? [] : copy.UserTasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var old in _tasks.Values.Where(t => t.InstanceId == instance.Id).ToList())
            {
                _tasks.Remove(old.Id);
                if (!open.Contains(old.Id))
                {
                    _taskOrder.Remove(old.Id);
                }
            }
            // Wait states of an ended instance are not indexed: nothing can resume it.
            var live = !copy.IsEnded;
            foreach (var task in live ? copy.UserTasks : [])
            {
                _tasks[task.Id] = task;
                // Creation order across instances (a called process's task is newer than its caller's).
                _taskOrder.TryAdd(task.Id, ++_nextTaskOrder);
            }
            _subscriptions[instance.Id] = live ? copy.Subscriptions : [];
            _timers[instance.Id] = live ? copy.Timers : [];
            if (!_journal.TryGetValue(instance.Id, out var entries))
            {
                _journal[instance.Id] = entries = [];
            }
            entries.AddRange(journal);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<JournalEntry>>(_journal.TryGetValue(instanceId, out var list) ? [.. list] : []);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<UserTaskRecord>> FindUserTasksAsync(UserTaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UserTaskRecord>>(_tasks.Values
                .Where(t => (query.InstanceId is null || t.InstanceId == query.InstanceId)
                    && (query.BusinessKey is null || t.BusinessKey == query.BusinessKey)
                    && (query.Department is null || t.Department == query.Department)
                    && (query.Role is null || t.Role == query.Role)
                    && (query.Assignee is null || t.Assignee == query.Assignee))
                .OrderBy(t => t.CreatedAt).ThenBy(t => _taskOrder[t.Id])
                .ToList());
        }
    }

    /// <inheritdoc/>
    public Task<UserTaskRecord?> FindUserTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tasks.GetValueOrDefault(taskId));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<MessageSubscription>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<MessageSubscription>>(_subscriptions.Values.SelectMany(s => s)
                .Where(s => s.MessageName == messageName && (s.CorrelationKey is null || s.CorrelationKey == correlationKey))
                .OrderBy(s => s.InstanceId, StringComparer.Ordinal).ThenBy(s => s.Sequence)
                .ToList());
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<TimerJob>> FindDueTimersAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TimerJob>>(_timers.Values.SelectMany(t => t)
                .Where(t => t.DueAt <= dueBy)
                .OrderBy(t => t.DueAt).ThenBy(t => t.InstanceId, StringComparer.Ordinal).ThenBy(t => t.Sequence)
                .Take(limit)
                .ToList());
        }
    }

    /// <inheritdoc/>
    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var all = _timers.Values.SelectMany(t => t).ToList();
            return Task.FromResult<DateTimeOffset?>(all.Count == 0 ? null : all.Min(t => t.DueAt));
        }
    }

    /// <inheritdoc/>
    public Task BufferMessageAsync(BufferedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _buffered.Add(message);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<BufferedMessage?> TakeBufferedMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _buffered.RemoveAll(m => m.ExpiresAt <= now);
            var found = _buffered.Find(m => m.Name == messageName && (correlationKey is null || m.CorrelationKey == correlationKey));
            if (found is not null)
            {
                _buffered.Remove(found);
            }
            return Task.FromResult(found);
        }
    }
}

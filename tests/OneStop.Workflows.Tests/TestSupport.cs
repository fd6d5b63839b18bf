using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests;

/// <summary>Paths of test files, found relative to the repository.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Miwg => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "bpmn", "miwg"));

    public static string Bpmn(string name) => Path.Combine(AppContext.BaseDirectory, "Bpmn", name);
}

/// <summary>An engine over an in-memory store with a fake clock, and journal helpers.</summary>
internal sealed class TestEngine
{
    public static readonly DateTimeOffset Origin = new(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7));

    public TestEngine(Action<ServiceHandlerRegistry>? handlers = null, IBusinessCalendarProvider? calendars = null, int conflictRetries = 5,
        TimeSpan? messageTimeToLive = null)
    {
        var registry = ServiceHandlerRegistry.CreateDefault();
        handlers?.Invoke(registry);
        Intercept = new InterceptingStore(Store);
        Engine = new WorkflowEngine(Intercept, new WorkflowEngineOptions
        {
            TimeProvider = Clock,
            Handlers = registry,
            Calendars = calendars ?? SimpleCalendarProvider.WallClock,
            ConflictRetries = conflictRetries,
            ConflictRetryDelay = TimeSpan.FromMilliseconds(1),
            MessageTimeToLive = messageTimeToLive ?? TimeSpan.Zero,
        });
    }

    /// <summary>The store the engine uses: <see cref="Store"/> behind a gate and simulated conflicts.</summary>
    public InterceptingStore Intercept { get; }

    public FakeTimeProvider Clock { get; } = new(Origin);

    public InMemoryWorkflowStore Store { get; } = new();

    public WorkflowEngine Engine { get; }

    public async Task DeployAsync(params string[] files)
    {
        foreach (var file in files)
        {
            var result = await Engine.DeployAsync(await File.ReadAllTextAsync(TestPaths.Bpmn(file)), new DeployOptions { Publish = true });
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
    }

    public async Task<InstanceState> StartAsync(string file, string key = "p", Dictionary<string, JsonNode?>? variables = null)
    {
        await DeployAsync(file);
        return await Engine.StartAsync(new StartInstanceRequest { Key = key, Variables = variables, BusinessKey = "HS-001" });
    }

    public async Task<InstanceState> State(string id) => (await Engine.GetInstanceAsync(id))!;

    /// <summary>The journal as "event elementId" lines, without the variable and scheduling noise unless asked.</summary>
    public async Task<string[]> Journal(string instanceId, bool all = false)
    {
        var entries = await Engine.GetJournalAsync(instanceId);
        return entries
            .Where(e => all || e.Event is not (JournalEvents.VariablesChanged or JournalEvents.TimerScheduled))
            .Select(e => $"{e.Event} {e.ElementId}")
            .ToArray();
    }

    public async Task CompleteTaskAsync(string elementId, string? outcome = null, Dictionary<string, JsonNode?>? variables = null)
    {
        var task = (await Engine.ListUserTasksAsync()).First(t => t.ElementId == elementId);
        await Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = outcome, Variables = variables, User = "tester" });
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await Engine.FireDueTimersAsync();
    }
}

/// <summary>Assertions with array-typed expectations (collection expressions with spreads cannot cross an await as spans).</summary>
internal static class Expect
{
    public static void Sequence(string[] expected, string[] actual) => Assert.Equal(expected, actual);
}

/// <summary>A store that can hold loads at a gate and answer saves with simulated conflicts, around an in-memory store.</summary>
internal sealed class InterceptingStore(IWorkflowStore inner) : IWorkflowStore
{
    private int _conflictsToRaise;
    private int _saves;

    /// <summary>Awaited after every instance read, before it is returned (e.g. to make two commands hold the same row version).</summary>
    public Func<Task>? AfterLoad { get; set; }

    /// <summary>The next this many saves fail with a conflict, without writing.</summary>
    public int ConflictsToRaise { get => Volatile.Read(ref _conflictsToRaise); set => Volatile.Write(ref _conflictsToRaise, value); }

    /// <summary>Instance saves attempted so far.</summary>
    public int Saves => Volatile.Read(ref _saves);

    public async Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await inner.LoadInstanceAsync(instanceId, cancellationToken);
        if (AfterLoad is { } gate)
        {
            await gate();
        }
        return instance;
    }

    /// <summary>The ids of every instance saved so far (e.g. to find a called instance).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> SavedInstances { get; } = new(StringComparer.Ordinal);

    public Task SaveInstanceAsync(InstanceState instance, long expectedRowVersion, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        SavedInstances.TryAdd(instance.Id, true);
        Interlocked.Increment(ref _saves);
        if (Interlocked.Decrement(ref _conflictsToRaise) >= 0)
        {
            throw new ConcurrencyConflictException($"Simulated conflict on '{instance.Id}'.");
        }
        Interlocked.Exchange(ref _conflictsToRaise, 0);
        return inner.SaveInstanceAsync(instance, expectedRowVersion, journal, cancellationToken);
    }

    public Task<IReadOnlyList<DefinitionRecord>> GetDefinitionVersionsAsync(string key, CancellationToken cancellationToken) => inner.GetDefinitionVersionsAsync(key, cancellationToken);
    public Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken) => inner.ListLatestDefinitionsAsync(cancellationToken);
    public Task SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken) => inner.SaveDefinitionAsync(definition, cancellationToken);
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken) => inner.GetJournalAsync(instanceId, cancellationToken);
    public Task<IReadOnlyList<UserTaskRecord>> FindUserTasksAsync(UserTaskQuery query, CancellationToken cancellationToken) => inner.FindUserTasksAsync(query, cancellationToken);
    public Task<UserTaskRecord?> FindUserTaskAsync(string taskId, CancellationToken cancellationToken) => inner.FindUserTaskAsync(taskId, cancellationToken);
    public Task<IReadOnlyList<MessageSubscription>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken) => inner.FindSubscriptionsAsync(messageName, correlationKey, cancellationToken);
    /// <summary>Due-timer index rows that no longer match any instance state, listed before the real ones (a lagging index).</summary>
    public List<TimerJob> StaleTimers { get; } = [];

    public async Task<IReadOnlyList<TimerJob>> FindDueTimersAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken) =>
        [.. StaleTimers.Where(t => t.DueAt <= dueBy).Concat(await inner.FindDueTimersAsync(dueBy, limit, cancellationToken)).Take(limit)];
    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken) => inner.GetNextTimerDueAsync(cancellationToken);
    public Task BufferMessageAsync(BufferedMessage message, CancellationToken cancellationToken) => inner.BufferMessageAsync(message, cancellationToken);
    public Task<BufferedMessage?> TakeBufferedMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken) => inner.TakeBufferedMessageAsync(messageName, correlationKey, now, cancellationToken);
}

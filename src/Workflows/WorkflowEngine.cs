using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Expressions;
using OneStop.Workflows.Model;
using OneStop.Workflows.Persistence;
using OneStop.Workflows.Reading;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows;

/// <summary>
/// The in-process engine API: deploy, start, complete user tasks, correlate messages, fire timers, cancel, read.
/// Every command loads one instance, runs it until it waits or ends, and saves it with its journal in one store call.
/// Commands a user waits on (start, complete, cancel, retry) raise <see cref="ConcurrencyConflictException"/> at
/// once; background commands (timers, messages, recomputation, effects on other instances) retry it first.
/// </summary>
public sealed partial class WorkflowEngine
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoVariables = new Dictionary<string, JsonNode?>();
    private readonly IWorkflowStore _store;
    private readonly WorkflowEngineOptions _options;
    private readonly EngineServices _services;
    private readonly DefinitionCatalog _definitions;

    /// <summary>Creates an engine over a store.</summary>
    public WorkflowEngine(IWorkflowStore store, WorkflowEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new WorkflowEngineOptions();
        _services = new EngineServices(new ExpressionEvaluator(_options.ExpressionLimits), _options.Handlers, _options.Calendars);
        _definitions = new DefinitionCatalog(store, _options.TimeProvider, _options.Handlers.Contains);
    }

    /// <summary>The handler registry (register custom <c>os:handler</c> keys here).</summary>
    public ServiceHandlerRegistry Handlers => _options.Handlers;

    /// <summary>Reads and validates a document without deploying it.</summary>
    public (BpmnModel? Model, IReadOnlyList<ValidationProblem> Problems) Validate(string xml) => _definitions.Validate(BpmnReader.Read(xml));

    /// <summary>Reads and validates a document given as bytes (its declared encoding is honoured).</summary>
    public (BpmnModel? Model, IReadOnlyList<ValidationProblem> Problems) Validate(byte[] content) => _definitions.Validate(BpmnReader.Read(content));

    /// <summary>Starts an instance of the latest published version (or the requested version) of a key.</summary>
    /// <exception cref="KeyNotFoundException">The key has no published version, or the requested version does not exist.</exception>
    /// <exception cref="InvalidOperationException">The requested version is retired.</exception>
    public Task<InstanceState> StartAsync(StartInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StartCoreAsync(request, Guid.CreateVersion7().ToString("N"), null, null, null, cancellationToken);
    }

    private async Task<InstanceState> StartCoreAsync(StartInstanceRequest request, string instanceId, string? parentInstanceId, string? parentTokenId,
        (string Event, JsonObject Data)? trigger, CancellationToken cancellationToken)
    {
        var definition = await _definitions.StartableAsync(request.Key, request.Version, cancellationToken).ConfigureAwait(false);
        var process = _definitions.GetProcess(definition);
        var start = request.StartEventId is { } startId
            ? process.Scope.StartEvents.FirstOrDefault(s => s.Id == startId) ?? throw new ArgumentException($"'{startId}' is not a start event of '{process.Id}'.", nameof(request))
            : process.Scope.StartEvents.FirstOrDefault(s => s.Event.Trigger == EventTrigger.None)
                ?? throw new InvalidOperationException($"Process '{process.Id}' has no none start event; start it by message or timer.");
        var now = _options.TimeProvider.GetUtcNow();
        var instance = new InstanceState
        {
            Id = instanceId,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = request.BusinessKey,
            Status = InstanceStatus.Running,
            StartedAt = now,
            ParentInstanceId = parentInstanceId,
            ParentTokenId = parentTokenId,
        };
        var run = new ExecutionRun(instance, process, _services, now, 0, cancellationToken) { StartTrigger = trigger };
        run.Begin(start, request.Variables ?? NoVariables);
        await run.RunAsync().ConfigureAwait(false);
        await SaveAsync(run, 0, cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(run, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>Open user tasks matching the query, in creation order.</summary>
    public Task<IReadOnlyList<UserTaskRecord>> ListUserTasksAsync(UserTaskQuery? query = null, CancellationToken cancellationToken = default)
        => _store.FindUserTasksAsync(query ?? new UserTaskQuery(), cancellationToken);

    /// <summary>
    /// Completes a user task with an outcome and variables. Two completions of one task: the first to commit wins;
    /// the other raises <see cref="ConcurrencyConflictException"/> when both loaded the same state, or
    /// <see cref="TaskNotOpenException"/> when it started after the first had committed.
    /// </summary>
    /// <exception cref="TaskNotOpenException">The task is not (or no longer) open.</exception>
    /// <exception cref="ConcurrencyConflictException">Another command changed the instance meanwhile.</exception>
    /// <exception cref="ArgumentException">The outcome is not one the task declares.</exception>
    public async Task<InstanceState> CompleteUserTaskAsync(string taskId, CompleteUserTaskRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new CompleteUserTaskRequest();
        var found = await _store.FindUserTaskAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotOpenException(taskId);
        if (request.Outcome is { } outcome && found.Outcomes.Count > 0 && !found.Outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Outcome '{outcome}' is not one of {string.Join(", ", found.Outcomes)}.", nameof(request));
        }
        var instance = await _store.LoadInstanceAsync(found.InstanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.IsEnded || !instance.UserTasks.Exists(t => t.Id == taskId))
        {
            throw new TaskNotOpenException(taskId);
        }
        var run = await RunAsync(instance, run => Triggers.CompleteUserTask(run, run.Instance.UserTasks.Find(t => t.Id == taskId)!,
            request.Outcome, request.Variables ?? NoVariables, request.User), cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(run, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>
    /// Delivers a message to the oldest matching subscription (name and correlation key), or starts an instance of a
    /// published process with a matching message start event. A background command: conflicts are retried.
    /// </summary>
    public Task<CorrelationResult> CorrelateMessageAsync(string messageName, string? correlationKey = null,
        IReadOnlyDictionary<string, JsonNode?>? variables = null, CancellationToken cancellationToken = default)
        => CorrelateMessageAsync(messageName, correlationKey, variables, allowStart: true, keepUnmatched: true, cancellationToken);

    /// <summary>
    /// Correlates a message; <paramref name="allowStart"/> false delivers to waiting instances only, and
    /// <paramref name="keepUnmatched"/> false never buffers (the runner keeps its scheduled messages itself).
    /// </summary>
    internal async Task<CorrelationResult> CorrelateMessageAsync(string messageName, string? correlationKey,
        IReadOnlyDictionary<string, JsonNode?>? variables, bool allowStart, bool keepUnmatched, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageName);
        var subscriptions = await _store.FindSubscriptionsAsync(messageName, correlationKey, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in subscriptions)
        {
            if (await DeliverAsync(candidate.InstanceId, candidate.Id, variables ?? NoVariables, cancellationToken).ConfigureAwait(false))
            {
                return new CorrelationResult(true, candidate.InstanceId);
            }
        }
        foreach (var definition in allowStart ? await _definitions.PublishedAsync(cancellationToken).ConfigureAwait(false) : [])
        {
            var start = _definitions.GetProcess(definition).Scope.StartEvents
                .FirstOrDefault(s => s.Event.Trigger == EventTrigger.Message && s.Event.MessageName == messageName);
            if (start is null)
            {
                continue;
            }
            var data = new JsonObject { ["messageName"] = messageName };
            if (correlationKey is not null)
            {
                data["correlationKey"] = correlationKey;
            }
            var instance = await StartCoreAsync(new StartInstanceRequest
            {
                Key = definition.Key, Version = definition.Version, BusinessKey = correlationKey, Variables = variables, StartEventId = start.Id,
            }, Guid.CreateVersion7().ToString("N"), null, null, (JournalEvents.MessageCorrelated, data), cancellationToken).ConfigureAwait(false);
            return new CorrelationResult(true, instance.Id);
        }
        if (keepUnmatched && _options.MessageTimeToLive > TimeSpan.Zero)
        {
            var now = _options.TimeProvider.GetUtcNow();
            await _store.BufferMessageAsync(new BufferedMessage
            {
                Id = Guid.CreateVersion7().ToString("N"),
                Name = messageName,
                CorrelationKey = correlationKey,
                Variables = new Dictionary<string, JsonNode?>(variables ?? NoVariables),
                ReceivedAt = now,
                ExpiresAt = now + _options.MessageTimeToLive,
            }, cancellationToken).ConfigureAwait(false);
            return new CorrelationResult(false, null, Buffered: true);
        }
        return new CorrelationResult(false, null);
    }

    // Delivers to one subscription if it is still there (it may have gone since it was found); retries conflicts.
    private Task<bool> DeliverAsync(string instanceId, string subscriptionId, IReadOnlyDictionary<string, JsonNode?> variables, CancellationToken cancellationToken)
        => WithConflictRetriesAsync(async () =>
        {
            var instance = await _store.LoadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (instance is null || instance.IsEnded || !instance.Subscriptions.Exists(s => s.Id == subscriptionId))
            {
                return (false, null);
            }
            var run = await RunAsync(instance, run => Triggers.CorrelateMessage(run, run.Instance.Subscriptions.Find(s => s.Id == subscriptionId)!, variables),
                cancellationToken).ConfigureAwait(false);
            return (true, run);
        }, cancellationToken);

    // A subscription created by this command may take a message that arrived before it. The caller passes the state
    // it saved; effects applied since may have changed the instance (a message it sent to itself), so it is then read
    // again, and a message that still finds no subscription goes back to the buffer.
    private async Task DeliverBufferedMessagesAsync(InstanceState saved, bool reload, CancellationToken cancellationToken)
    {
        if (_options.MessageTimeToLive <= TimeSpan.Zero)
        {
            return;
        }
        var instance = reload ? await _store.LoadInstanceAsync(saved.Id, cancellationToken).ConfigureAwait(false) : saved;
        if (instance is null || instance.IsEnded)
        {
            return;
        }
        foreach (var subscription in instance.Subscriptions.OrderBy(s => s.Sequence).ToList())
        {
            var message = await _store.TakeBufferedMessageAsync(subscription.MessageName, subscription.CorrelationKey,
                _options.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                continue;
            }
            if (!await DeliverAsync(instance.Id, subscription.Id, message.Variables, cancellationToken).ConfigureAwait(false))
            {
                await _store.BufferMessageAsync(message, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
    }

    /// <summary>Starts an instance through a timer start event (the caller decides when it is due).</summary>
    public Task<InstanceState> StartByTimerAsync(StartInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StartCoreAsync(request, Guid.CreateVersion7().ToString("N"), null, null,
            (JournalEvents.TimerFired, new JsonObject()), cancellationToken);
    }

    /// <summary>Reads an instance's state, or null.</summary>
    public Task<InstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
        => _store.LoadInstanceAsync(instanceId, cancellationToken);

    /// <summary>Reads an instance's journal in order.</summary>
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default)
        => _store.GetJournalAsync(instanceId, cancellationToken);

    // A user command on an instance that is running or waiting (or failed, when allowFailed): no retry on conflict.
    private async Task<InstanceState> ExecuteAsync(string instanceId, Action<ExecutionRun> action, CancellationToken cancellationToken, bool allowFailed = false)
    {
        var instance = await LoadActiveAsync(instanceId, allowFailed, cancellationToken).ConfigureAwait(false);
        var run = await RunAsync(instance, action, cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(run, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    // The same as a background command: conflicts are retried with a fresh load.
    private Task<InstanceState> ExecuteWithRetriesAsync(string instanceId, Action<ExecutionRun> action, CancellationToken cancellationToken)
        => WithConflictRetriesAsync(async () =>
        {
            var instance = await LoadActiveAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
            return (instance, await RunAsync(instance, action, cancellationToken).ConfigureAwait(false));
        }, cancellationToken);

    private async Task<InstanceState> LoadActiveAsync(string instanceId, bool allowFailed, CancellationToken cancellationToken)
    {
        var instance = await _store.LoadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Instance '{instanceId}' does not exist.");
        if (instance.IsEnded && !(allowFailed && instance.Status == InstanceStatus.Failed))
        {
            throw new InvalidOperationException($"Instance '{instanceId}' has ended ({instance.Status}).");
        }
        return instance;
    }

    /// <summary>Applies one command to a loaded instance, runs it to quiescence and saves it (effects are not applied yet).</summary>
    private async Task<ExecutionRun> RunAsync(InstanceState instance, Action<ExecutionRun> action, CancellationToken cancellationToken)
    {
        var process = await _definitions.GetProcessAsync(instance.DefinitionKey, instance.DefinitionVersion, cancellationToken).ConfigureAwait(false);
        var expected = instance.RowVersion;
        instance.Status = InstanceStatus.Running;
        var run = new ExecutionRun(instance, process, _services, _options.TimeProvider.GetUtcNow(), instance.JournalLength, cancellationToken);
        try
        {
            action(run);
        }
        catch (ExpressionException ex)
        {
            run.RaiseIncident(null, null, "expression", ex.Message);
        }
        await run.RunAsync().ConfigureAwait(false);
        await SaveAsync(run, expected, cancellationToken).ConfigureAwait(false);
        return run;
    }

    private Task SaveAsync(ExecutionRun run, long expectedRowVersion, CancellationToken cancellationToken)
    {
        run.Instance.JournalLength = run.JournalSequence;
        return _store.SaveInstanceAsync(run.Instance, expectedRowVersion, run.Journal, cancellationToken);
    }
}

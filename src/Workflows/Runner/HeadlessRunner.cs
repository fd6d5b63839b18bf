using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Model;
using OneStop.Workflows.Persistence;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Runner;

/// <summary>
/// The headless runner behind <c>bpmn run FILE [options]</c>: runs a BPMN file in memory on a virtual clock and prints
/// the journal as JSON lines, then a summary line. Exit codes: 0 completed, 2 waiting, 3 failed, 4 invalid model,
/// 64 bad usage.
/// </summary>
public static class HeadlessRunner
{
    /// <summary>The instance completed.</summary>
    public const int ExitCompleted = 0;
    /// <summary>The instance is still waiting when nothing can move any more.</summary>
    public const int ExitWaiting = 2;
    /// <summary>The instance failed (incident).</summary>
    public const int ExitFailed = 3;
    /// <summary>The model has errors.</summary>
    public const int ExitInvalidModel = 4;
    /// <summary>The command line is wrong.</summary>
    public const int ExitUsage = 64;

    // Most steps a run may take; protects against models that loop without waiting.
    private const int MaxSteps = 100_000;

    private static readonly JsonSerializerOptions LineOptions = new()
    {
        // Keeps Vietnamese names readable in the output; the lines are data, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs the arguments that follow <c>bpmn run</c>.</summary>
    /// <param name="args">FILE and options.</param>
    /// <param name="output">Receives the JSON lines.</param>
    /// <param name="error">Receives usage and file errors.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (options, usageError) = RunnerOptions.Parse(args);
        if (options is null)
        {
            await error.WriteLineAsync($"bpmn run: {usageError}").ConfigureAwait(false);
            await error.WriteLineAsync(RunnerOptions.Usage).ConfigureAwait(false);
            return ExitUsage;
        }
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(options.File, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"bpmn run: cannot read '{options.File}': {ex.Message}").ConfigureAwait(false);
            return ExitUsage;
        }

        var clock = new VirtualClock(options.Start ?? TimeProvider.System.GetUtcNow());
        var store = new RecordingStore(new InMemoryWorkflowStore());
        // Working-time timers and deadlines count in the default Vietnamese calendar, from the --start instant on.
        var calendars = new SimpleCalendarProvider(WorkingCalendar.VietnamDefault);
        // Messages thrown by the model's own instances wait for their receiver for the whole run.
        var origin = clock.Now;
        var engine = new WorkflowEngine(store, new WorkflowEngineOptions
        {
            TimeProvider = clock, Calendars = calendars, MessageTimeToLive = options.MaxTime.AddTo(origin) - origin,
        });
        var (model, problems) = engine.Validate(content);
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        foreach (var warning in problems.Where(p => p.Severity == ProblemSeverity.Warning))
        {
            await error.WriteLineAsync(ProblemLine(warning)).ConfigureAwait(false);
        }
        var process = model is null ? null : options.ProcessId is { } id ? model.FindProcess(id) : FirstStartable(model, options);
        if (model is not null && options.ProcessId is not null && process is null)
        {
            await error.WriteLineAsync($"bpmn run: the file has no process '{options.ProcessId}'.").ConfigureAwait(false);
            return ExitUsage;
        }
        if (model is null || process is null || errors.Count > 0)
        {
            foreach (var problem in errors.Count > 0 ? errors : problems)
            {
                await output.WriteLineAsync(ProblemLine(problem)).ConfigureAwait(false);
            }
            return ExitInvalidModel;
        }
        await engine.DeployAsync(model.Xml, new DeployOptions { Publish = true }, cancellationToken).ConfigureAwait(false);

        var session = new RunnerSession(engine, store, calendars, clock, options, process);
        string? instanceId;
        try
        {
            instanceId = await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An engine defect must still honour the contract: print what happened, then a failed summary.
            foreach (var entry in store.Saved)
            {
                await output.WriteLineAsync(JournalLine(entry)).ConfigureAwait(false);
            }
            await error.WriteLineAsync($"bpmn run: the engine failed: {ex}").ConfigureAwait(false);
            var failed = new JsonObject
            {
                ["time"] = Instant(clock.Now),
                ["event"] = "instance.failed",
                ["variables"] = new JsonObject(),
                ["incidents"] = new JsonArray(new JsonObject { ["kind"] = "engine", ["message"] = ex.Message }),
            };
            await output.WriteLineAsync(failed.ToJsonString(LineOptions)).ConfigureAwait(false);
            return ExitFailed;
        }
        foreach (var entry in store.Saved)
        {
            await output.WriteLineAsync(JournalLine(entry)).ConfigureAwait(false);
        }
        var instance = instanceId is null ? null : await engine.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        // The run's top-level instances: the started one and those its messages started (called instances answer
        // to their call activity, so their outcome is already in their parent's).
        var roots = new List<InstanceState>();
        foreach (var rootId in store.InstanceIds)
        {
            if (await engine.GetInstanceAsync(rootId, cancellationToken).ConfigureAwait(false) is { ParentInstanceId: null } root)
            {
                roots.Add(root);
            }
        }
        var (eventName, exitCode) = instance is null ? ("instance.waiting", ExitWaiting)
            : roots.Exists(r => r.Status is InstanceStatus.Failed or InstanceStatus.Terminated) ? ("instance.failed", ExitFailed)
            : roots.TrueForAll(r => r.Status == InstanceStatus.Completed) ? ("instance.completed", ExitCompleted)
            : ("instance.waiting", ExitWaiting);
        var summary = new JsonObject
        {
            ["time"] = Instant(clock.Now),
            ["event"] = eventName,
            ["instanceId"] = instance?.Id,
            ["variables"] = Variables(instance),
            ["incidents"] = new JsonArray(roots.SelectMany(r => r.Incidents.Select(i => (JsonNode?)new JsonObject
            {
                ["elementId"] = i.ElementId,
                ["kind"] = i.Kind,
                ["message"] = i.Message,
                ["instanceId"] = r.Id,
            })).ToArray()),
        };
        await output.WriteLineAsync(summary.ToJsonString(LineOptions)).ConfigureAwait(false);
        return exitCode;
    }

    // The first executable process, unless nothing can start it (only message starts and no --message for them) while
    // another pool has a none start event: in a collaboration the pool that begins is not always written first.
    private static ProcessModel? FirstStartable(BpmnModel model, RunnerOptions options)
    {
        var first = model.DefaultProcess;
        bool CanStart(ProcessModel p) => p.Scope.StartEvents.Any(s => s.Event.Trigger is EventTrigger.None or EventTrigger.Timer
            || (s.Event.Trigger == EventTrigger.Message && options.Messages.Exists(m => m.Name == s.Event.MessageName)));
        if (first is null || CanStart(first))
        {
            return first;
        }
        return model.Processes.Where(p => p.IsExecutable).FirstOrDefault(p => p.Scope.StartEvents.Any(s => s.Event.Trigger == EventTrigger.None)) ?? first;
    }

    private static JsonObject Variables(InstanceState? instance)
    {
        var result = new JsonObject();
        foreach (var (name, value) in instance?.Variables ?? new Dictionary<string, JsonNode?>())
        {
            result[name] = value?.DeepClone();
        }
        return result;
    }

    private static string Instant(DateTimeOffset time) => IsoInstant.Format(time);

    private static string JournalLine(JournalEntry entry)
    {
        var line = new JsonObject
        {
            ["time"] = Instant(entry.Time),
            ["event"] = entry.Event,
            ["elementId"] = entry.ElementId,
            ["elementName"] = entry.ElementName,
            ["elementType"] = entry.ElementType,
            ["instanceId"] = entry.InstanceId,
        };
        if (entry.TokenId is not null)
        {
            line["tokenId"] = entry.TokenId;
        }
        foreach (var (key, value) in entry.Data ?? [])
        {
            if (!line.ContainsKey(key))
            {
                line[key] = value?.DeepClone();
            }
        }
        return line.ToJsonString(LineOptions);
    }

    private static string ProblemLine(ValidationProblem problem) => new JsonObject
    {
        ["event"] = "problem",
        ["code"] = problem.Code,
        ["severity"] = problem.Severity == ProblemSeverity.Error ? "error" : "warning",
        ["elementId"] = problem.ElementId,
        ["line"] = problem.Line,
        ["column"] = problem.Column,
        ["message"] = problem.MessageEn,
        ["messageVi"] = problem.MessageVi,
    }.ToJsonString(LineOptions);

    /// <summary>The loop that moves one run: tasks, messages, then the clock.</summary>
    private sealed class RunnerSession(WorkflowEngine engine, RecordingStore store, IBusinessCalendarProvider calendars, VirtualClock clock,
        RunnerOptions options, ProcessModel process)
    {
        private readonly DateTimeOffset _origin = clock.Now;
        private readonly List<(ScheduledMessage Message, DateTimeOffset Due)> _pending = [];
        private string? _instanceId;

        public async Task<string?> RunAsync(CancellationToken cancellationToken)
        {
            var limit = options.MaxTime.AddTo(_origin);
            _pending.AddRange(options.Messages.Select(m => (m, m.Delay.AddTo(_origin))).OrderBy(p => p.Item2).ThenBy(p => p.m.Order));
            await StartAsync(cancellationToken).ConfigureAwait(false);
            for (var step = 0; step < MaxSteps; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_instanceId is not null && await AllEndedAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
                if (options.AutoComplete && await CompleteFirstTaskAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
                if (await DeliverDueMessageAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
                if (!await AdvanceClockAsync(limit, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            return _instanceId;
        }

        // Every instance of the run, including those started by a message another one threw (a collaboration's pools).
        private async Task<bool> AllEndedAsync(CancellationToken cancellationToken)
        {
            foreach (var id in store.InstanceIds.ToList())
            {
                if (await engine.GetInstanceAsync(id, cancellationToken).ConfigureAwait(false) is { IsEnded: false })
                {
                    return false;
                }
            }
            return true;
        }

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            var starts = process.Scope.StartEvents.ToList();
            if (starts.Exists(s => s.Event.Trigger == EventTrigger.None))
            {
                var instance = await engine.StartAsync(new StartInstanceRequest { Key = process.Id, Variables = options.Variables }, cancellationToken).ConfigureAwait(false);
                _instanceId = instance.Id;
                return;
            }
            var timerStart = starts.Find(s => s.Event.Trigger == EventTrigger.Timer);
            var messageNames = starts.Where(s => s.Event.Trigger == EventTrigger.Message).Select(s => s.Event.MessageName).ToHashSet();
            if (timerStart is not null && !_pending.Exists(p => messageNames.Contains(p.Message.Name))
                && TimerSchedule.TryParse(timerStart.Event.TimerKind, timerStart.Event.TimerExpression) is { } schedule)
            {
                var due = schedule.FirstDue(clock.Now, calendars.ForName(timerStart.Os.Calendar ?? CalendarNames.Wall));
                if (due <= options.MaxTime.AddTo(_origin))
                {
                    if (due > clock.Now)
                    {
                        clock.Now = due;
                    }
                    var instance = await engine.StartByTimerAsync(new StartInstanceRequest { Key = process.Id, Variables = options.Variables, StartEventId = timerStart.Id }, cancellationToken).ConfigureAwait(false);
                    _instanceId = instance.Id;
                }
            }
            // Otherwise a --message starts it through its message start event.
        }

        private async Task<bool> CompleteFirstTaskAsync(CancellationToken cancellationToken)
        {
            var tasks = await engine.ListUserTasksAsync(null, cancellationToken).ConfigureAwait(false);
            if (tasks.Count == 0)
            {
                return false;
            }
            var task = tasks[0];
            await engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest
            {
                Outcome = task.Outcomes.Count > 0 ? task.Outcomes[0] : null,
                User = "runner",
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task<bool> DeliverDueMessageAsync(CancellationToken cancellationToken)
        {
            foreach (var pending in _pending.Where(p => p.Due <= clock.Now).ToList())
            {
                var starts = _instanceId is null && StartsProcess(pending.Message.Name);
                var result = await engine.CorrelateMessageAsync(pending.Message.Name, pending.Message.CorrelationKey,
                    starts ? options.Variables : null, allowStart: starts, keepUnmatched: false, cancellationToken).ConfigureAwait(false);
                if (result.Correlated)
                {
                    _pending.Remove(pending);
                    _instanceId ??= result.InstanceId;
                    return true;
                }
            }
            return false;
        }

        private bool StartsProcess(string messageName) =>
            process.Scope.StartEvents.Any(s => s.Event.Trigger == EventTrigger.Message && s.Event.MessageName == messageName);

        private async Task<bool> AdvanceClockAsync(DateTimeOffset limit, CancellationToken cancellationToken)
        {
            var nextTimer = await engine.GetNextTimerDueAsync(cancellationToken).ConfigureAwait(false);
            DateTimeOffset? nextMessage = _pending.Where(p => p.Due > clock.Now).Select(p => (DateTimeOffset?)p.Due).Min();
            var next = new[] { nextTimer, nextMessage }.Where(t => t is not null).Min();
            if (next is null || next > limit)
            {
                return false;
            }
            if (next > clock.Now)
            {
                clock.Now = next.Value;
            }
            await engine.FireDueTimersAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}

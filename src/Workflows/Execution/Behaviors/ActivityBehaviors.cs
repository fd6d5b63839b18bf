using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution.Behaviors;

/// <summary>User tasks: an inbox row; the token waits until the task is completed.</summary>
internal sealed class UserTaskBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        var variables = run.VariablesFor(token.ScopeId);
        var assignee = node.Os.Assignee is { } expression ? run.Services.Evaluator.EvaluateString(expression, variables) : null;
        var department = node.Os.DepartmentExpression is { } unit ? run.Services.Evaluator.EvaluateString(unit, variables) : node.Os.Department;
        var calendarName = WaitStates.DeadlineCalendarNameFor(node);
        IsoDuration? deadline = node.Os.Deadline is { } text && IsoDuration.TryParse(text, out var duration) ? duration : null;
        DateTimeOffset? due = deadline is { } d ? run.Services.Calendars.ForName(calendarName).AddWorkingTime(run.Now, d) : null;
        // Kept so that a calendar change can recompute the due time (wall-clock deadlines never move).
        var remember = deadline is not null && !WaitStates.IsWallClock(calendarName);
        var task = new UserTaskRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            InstanceId = run.Instance.Id,
            TokenId = token.Id,
            ElementId = node.Id,
            Name = node.Name,
            BusinessKey = run.Instance.BusinessKey,
            Department = string.IsNullOrWhiteSpace(department) ? null : department,
            Role = node.Os.Role,
            Assignee = string.IsNullOrEmpty(assignee) ? null : assignee,
            Outcomes = node.Os.Outcomes,
            CreatedAt = run.Now,
            DueAt = due,
            Deadline = remember ? deadline!.Value.ToString() : null,
            DeadlineCalendar = remember ? calendarName : null,
            Sequence = run.Instance.NextLocalId,
        };
        run.Instance.UserTasks.Add(task);
        var data = new JsonObject { ["taskId"] = task.Id };
        if (task.Assignee is not null) data["assignee"] = task.Assignee;
        if (task.Department is not null) data["department"] = task.Department;
        if (task.Role is not null) data["role"] = task.Role;
        if (due is not null) data["dueAt"] = IsoInstant.Format(due.Value);
        if (task.Outcomes.Count > 0) data["outcomes"] = new JsonArray(task.Outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        run.Record(JournalEvents.TaskCreated, node, token, data);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Service, send and business rule tasks: run the handler named by <c>os:handler</c>.</summary>
internal sealed class ServiceTaskBehavior : IElementBehavior
{
    public async ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        if (node.Kind == ElementKind.SendTask)
        {
            if (!await MessageSending.SendAsync(run, token, node).ConfigureAwait(false))
            {
                return;
            }
        }
        else if (node.Os.Handler is not null && !await InvokeHandlerAsync(run, token, node).ConfigureAwait(false))
        {
            return;
        }
        ActivityLifecycle.Complete(run, token, node);
    }

    /// <summary>Runs the handler; false when it raised a BPMN error or an incident.</summary>
    public static async ValueTask<bool> InvokeHandlerAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        if (!run.Services.Handlers.TryGet(node.Os.Handler!, out var handler))
        {
            run.RaiseIncident(token, node, "handler", $"No handler is registered for key '{node.Os.Handler}'.");
            return false;
        }
        var context = new ServiceTaskContext(run.Instance.Id, run.Instance.BusinessKey, node.Id, node.Name, node.XmlType, run.VariablesFor(token.ScopeId));
        try
        {
            var result = await handler.ExecuteAsync(context, run.CancellationToken).ConfigureAwait(false);
            run.SetVariables(token.ScopeId, result.Variables, node, token);
            return true;
        }
        catch (BpmnErrorException ex)
        {
            ThrowPropagation.Throw(run, EventTrigger.Error, ex.ErrorCode, node, token, token.ScopeId, activityToken: node.IsActivity ? token : null);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.RaiseIncident(token, node, "handler", $"Handler '{node.Os.Handler}' failed: {ex.Message}");
            return false;
        }
    }
}

/// <summary>Receive tasks wait for their message.</summary>
internal sealed class ReceiveTaskBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Waits.Subscribe(node, token.Id, null, token.ScopeId);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Script tasks: a Scriban script whose assignments update process variables.</summary>
internal sealed class ScriptTaskBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        var changes = run.Services.Evaluator.RunScript(node.Script ?? string.Empty, run.VariablesFor(token.ScopeId));
        run.SetVariables(token.ScopeId, changes, node, token);
        ActivityLifecycle.Complete(run, token, node);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Embedded sub-processes: a child scope started at its none start event.</summary>
internal sealed class SubProcessBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        var scope = run.NewScope(token.ScopeId, node.Id, token.Id);
        token.ChildScopeId = scope.Id;
        var starts = node.SubScope!.StartEvents.Where(s => s.Event.Trigger == EventTrigger.None).ToList();
        run.ActivateScope(scope, node.SubScope, starts);
        if (starts.Count == 0)
        {
            run.CheckScope(scope.Id);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Call activities: start the latest published version of the called process with mapped variables.</summary>
internal sealed class CallActivityBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        var visible = run.VariablesFor(token.ScopeId);
        var input = node.InMappings.Count == 0
            ? visible
            : VariableMappings.Apply(run, node.InMappings, visible);
        var childId = Guid.CreateVersion7().ToString("N");
        token.CalledInstanceId = childId;
        run.Effects.Add(new StartCalledInstance(childId, run.Instance.Id, token.Id, node.CalledElement!, input, run.Instance.BusinessKey));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Applies <c>os:in</c> / <c>os:out</c> mappings.</summary>
internal static class VariableMappings
{
    public static Dictionary<string, JsonNode?> Apply(ExecutionRun run, IEnumerable<VariableMapping> mappings, IReadOnlyDictionary<string, JsonNode?> source)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            result[mapping.Target] = mapping.IsExpression
                ? run.Services.Evaluator.Evaluate(mapping.Source, source)
                : source.GetValueOrDefault(mapping.Source)?.DeepClone();
        }
        return result;
    }
}

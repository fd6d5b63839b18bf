using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Model;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Execution;

// Wait states (timers, subscriptions, user tasks) and cancellation: the rows a run creates and removes.
internal sealed partial class ExecutionRun
{
    public TimerJob? ScheduleTimer(FlowNode timerNode, string? tokenId, string? scopeId, int? remainingOverride = null, DateTimeOffset? after = null)
    {
        var variablesScope = scopeId ?? FindToken(tokenId!)?.ScopeId ?? RootScope.Id;
        var schedule = ParseTimer(timerNode, variablesScope);
        if (schedule is null)
        {
            RaiseIncident(tokenId is null ? null : FindToken(tokenId), timerNode, "timer",
                $"Timer '{timerNode.Event.TimerExpression}' of {timerNode} is not a valid ISO 8601 value.");
            return null;
        }
        var calendar = CalendarFor(timerNode);
        var due = after is { } previous ? schedule.NextDue(previous, calendar) : schedule.FirstDue(Now, calendar);
        var job = new TimerJob
        {
            Id = NewLocalId("j"),
            InstanceId = Instance.Id,
            ElementId = timerNode.Id,
            TokenId = tokenId,
            ScopeId = scopeId,
            DueAt = due,
            RemainingRepetitions = remainingOverride ?? schedule.Repetitions,
            Sequence = Instance.NextLocalId,
        };
        Instance.Timers.Add(job);
        Record(JournalEvents.TimerScheduled, timerNode, tokenId is null ? null : FindToken(tokenId),
            new JsonObject { ["timerId"] = job.Id, ["dueAt"] = due.ToString("O", CultureInfo.InvariantCulture) });
        return job;
    }

    private TimerSchedule? ParseTimer(FlowNode node, string scopeId)
    {
        var text = node.Event.TimerExpression;
        var schedule = TimerSchedule.TryParse(node.Event.TimerKind, text);
        if (schedule is null && text is not null && BpmnValidator.IsExpressionSyntax(text))
        {
            schedule = TimerSchedule.TryParse(node.Event.TimerKind, Services.Evaluator.EvaluateString(text, VariablesFor(scopeId)));
        }
        return schedule;
    }

    private IBusinessCalendar CalendarFor(FlowNode node) =>
        Services.Calendars.ForName(node.Os.Calendar ?? node.AttachedTo?.Os.Calendar ?? CalendarNames.Wall);

    public IBusinessCalendar DeadlineCalendarFor(FlowNode node) =>
        Services.Calendars.ForName(node.Os.Calendar ?? CalendarNames.Working);

    public void Subscribe(FlowNode catchNode, string? tokenId, string? scopeId, string variablesScopeId)
    {
        var key = catchNode.Event.CorrelationKey is { } expression
            ? Services.Evaluator.EvaluateString(expression, VariablesFor(variablesScopeId))
            : null;
        Instance.Subscriptions.Add(new MessageSubscription
        {
            Id = NewLocalId("m"),
            InstanceId = Instance.Id,
            ElementId = catchNode.Id,
            TokenId = tokenId,
            ScopeId = scopeId,
            MessageName = catchNode.Event.MessageName ?? catchNode.Id,
            CorrelationKey = key,
            Sequence = Instance.NextLocalId,
        });
    }

    /// <summary>Removes the timers and subscriptions held for a token (its catch, its boundaries, its event gateway).</summary>
    public void RemoveWaits(string tokenId)
    {
        Instance.Timers.RemoveAll(t => t.TokenId == tokenId);
        Instance.Subscriptions.RemoveAll(s => s.TokenId == tokenId);
    }

    public void RemoveScopeWaits(string scopeId)
    {
        Instance.Timers.RemoveAll(t => t.ScopeId == scopeId);
        Instance.Subscriptions.RemoveAll(s => s.ScopeId == scopeId);
    }

    /// <summary>Cancels a token and everything inside it: child scopes, tasks, waits and called instances.</summary>
    public void CancelToken(TokenState token)
    {
        foreach (var scope in Instance.Scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            CancelScopeContents(scope);
            Instance.Scopes.Remove(scope);
        }
        if (token.CalledInstanceId is { } child)
        {
            Effects.Add(new CancelCalledInstance(child));
        }
        var node = Process.GetNode(token.ElementId);
        foreach (var task in Instance.UserTasks.Where(t => t.TokenId == token.Id).ToList())
        {
            Instance.UserTasks.Remove(task);
            Record(JournalEvents.TaskCancelled, node, token, new JsonObject { ["taskId"] = task.Id });
        }
        RemoveWaits(token.Id);
        Instance.Tokens.Remove(token);
        if (token.Entered)
        {
            Record(JournalEvents.ElementCancelled, node, token);
        }
    }

    /// <summary>Cancels every token of a scope (deepest first) and the scope's own listeners.</summary>
    public void CancelScopeContents(ScopeState scope, TokenState? except = null)
    {
        foreach (var token in Instance.Tokens.Where(t => t.ScopeId == scope.Id && t != except).ToList())
        {
            if (Instance.Tokens.Contains(token))
            {
                CancelToken(token);
            }
        }
        RemoveScopeWaits(scope.Id);
    }
}

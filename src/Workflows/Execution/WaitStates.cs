using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Model;
using OneStop.Workflows.Validation;

namespace OneStop.Workflows.Execution;

/// <summary>Wait states (timers, subscriptions, user tasks) and cancellation: the rows a run creates and removes.</summary>
internal sealed class WaitStates(ExecutionRun run)
{
    public TimerJob? ScheduleTimer(FlowNode timerNode, string? tokenId, string? scopeId, int? remainingOverride = null, DateTimeOffset? after = null)
    {
        var variablesScope = scopeId ?? run.FindToken(tokenId!)?.ScopeId ?? run.RootScope.Id;
        var schedule = ParseTimer(timerNode, variablesScope);
        if (schedule is null)
        {
            run.RaiseIncident(tokenId is null ? null : run.FindToken(tokenId), timerNode, "timer",
                $"Timer '{timerNode.Event.TimerExpression}' of {timerNode} is not a valid ISO 8601 value.");
            return null;
        }
        var calendarName = CalendarNameFor(timerNode);
        var calendar = run.Services.Calendars.ForName(calendarName);
        var due = after is { } previous ? schedule.NextDue(previous, calendar) : schedule.FirstDue(run.Now, calendar);
        // A duration counted in a business calendar is remembered, so a calendar change can recompute the due time.
        var countedFrom = after ?? (schedule.At is null ? run.Now : null);
        var remember = countedFrom is not null && schedule.Interval is not null && !IsWallClock(calendarName);
        var job = new TimerJob
        {
            Id = run.NewLocalId("j"),
            InstanceId = run.Instance.Id,
            ElementId = timerNode.Id,
            TokenId = tokenId,
            ScopeId = scopeId,
            DueAt = due,
            RemainingRepetitions = remainingOverride ?? schedule.Repetitions,
            Sequence = run.Instance.NextLocalId,
            ArmedAt = remember ? countedFrom : null,
            Duration = remember ? schedule.Interval!.Value.ToString() : null,
            Calendar = remember ? calendarName : null,
        };
        run.Instance.Timers.Add(job);
        run.Record(JournalEvents.TimerScheduled, timerNode, tokenId is null ? null : run.FindToken(tokenId),
            new JsonObject { ["timerId"] = job.Id, ["dueAt"] = IsoInstant.Format(due) });
        return job;
    }

    private TimerSchedule? ParseTimer(FlowNode node, string scopeId)
    {
        var text = node.Event.TimerExpression;
        var schedule = TimerSchedule.TryParse(node.Event.TimerKind, text);
        if (schedule is null && text is not null && BpmnValidator.IsExpressionSyntax(text))
        {
            schedule = TimerSchedule.TryParse(node.Event.TimerKind, run.Services.Evaluator.EvaluateString(text, run.VariablesFor(scopeId)));
        }
        return schedule;
    }

    private static string CalendarNameFor(FlowNode node) => node.Os.Calendar ?? node.AttachedTo?.Os.Calendar ?? CalendarNames.Wall;

    /// <summary>The calendar name of a user task's deadline (working time unless <c>os:calendar</c> says otherwise).</summary>
    public static string DeadlineCalendarNameFor(FlowNode node) => node.Os.Calendar ?? CalendarNames.Working;

    public static bool IsWallClock(string calendarName) => string.Equals(calendarName, CalendarNames.Wall, StringComparison.OrdinalIgnoreCase);

    public void Subscribe(FlowNode catchNode, string? tokenId, string? scopeId, string variablesScopeId)
    {
        var key = catchNode.Event.CorrelationKey is { } expression
            ? run.Services.Evaluator.EvaluateString(expression, run.VariablesFor(variablesScopeId))
            : null;
        run.Instance.Subscriptions.Add(new MessageSubscription
        {
            Id = run.NewLocalId("m"),
            InstanceId = run.Instance.Id,
            ElementId = catchNode.Id,
            TokenId = tokenId,
            ScopeId = scopeId,
            MessageName = catchNode.Event.MessageName ?? catchNode.Id,
            CorrelationKey = key,
            Sequence = run.Instance.NextLocalId,
        });
    }

    /// <summary>Removes the timers and subscriptions held for a token (its catch, its boundaries, its event gateway).</summary>
    public void RemoveWaits(string tokenId)
    {
        run.Instance.Timers.RemoveAll(t => t.TokenId == tokenId);
        run.Instance.Subscriptions.RemoveAll(s => s.TokenId == tokenId);
    }

    public void RemoveScopeWaits(string scopeId)
    {
        run.Instance.Timers.RemoveAll(t => t.ScopeId == scopeId);
        run.Instance.Subscriptions.RemoveAll(s => s.ScopeId == scopeId);
    }

    /// <summary>Cancels a token and everything inside it: child scopes, tasks, waits and called instances.</summary>
    public void CancelToken(TokenState token)
    {
        foreach (var scope in run.Instance.Scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            CancelScopeContents(scope);
            run.Instance.Scopes.Remove(scope);
        }
        if (token.CalledInstanceId is { } child)
        {
            run.Effects.Add(new CancelCalledInstance(child));
        }
        var node = run.Process.GetNode(token.ElementId);
        foreach (var task in run.Instance.UserTasks.Where(t => t.TokenId == token.Id).ToList())
        {
            run.Instance.UserTasks.Remove(task);
            run.Record(JournalEvents.TaskCancelled, node, token, new JsonObject { ["taskId"] = task.Id });
        }
        RemoveWaits(token.Id);
        run.Instance.Tokens.Remove(token);
        if (token.Entered)
        {
            run.Record(JournalEvents.ElementCancelled, node, token);
        }
    }

    /// <summary>Cancels every token of a scope (deepest first) and the scope's own listeners.</summary>
    public void CancelScopeContents(ScopeState scope, TokenState? except = null)
    {
        foreach (var token in run.Instance.Tokens.Where(t => t.ScopeId == scope.Id && t != except).ToList())
        {
            if (run.Instance.Tokens.Contains(token))
            {
                CancelToken(token);
            }
        }
        RemoveScopeWaits(scope.Id);
    }
}

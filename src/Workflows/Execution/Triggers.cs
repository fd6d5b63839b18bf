using System.Text.Json.Nodes;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution;

/// <summary>What happens when a wait state is resolved: a timer fires, a message arrives, a user completes a task.</summary>
internal static class Triggers
{
    public static void FireTimer(ExecutionRun run, TimerJob job)
    {
        var node = run.Process.GetNode(job.ElementId);
        run.Instance.Timers.Remove(job);
        void Record(TokenState? token) => run.Record(JournalEvents.TimerFired, node, token, new JsonObject { ["timerId"] = job.Id });
        var repeats = job.RemainingRepetitions is null || job.RemainingRepetitions > 1;
        var keepsListening = node.Kind == ElementKind.BoundaryEvent ? !node.CancelActivity
            : node.Kind == ElementKind.StartEvent && !node.CancelActivity;
        Dispatch(run, node, job.TokenId, job.ScopeId, Record);
        if (repeats && keepsListening && !run.Halted
            && (job.TokenId is null ? run.FindScope(job.ScopeId!) is not null : run.FindToken(job.TokenId) is not null))
        {
            run.Waits.ScheduleTimer(node, job.TokenId, job.ScopeId, job.RemainingRepetitions - 1, after: job.DueAt);
        }
    }

    public static void CorrelateMessage(ExecutionRun run, MessageSubscription subscription, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var node = run.Process.GetNode(subscription.ElementId);
        var keepsListening = (node.Kind == ElementKind.BoundaryEvent || node.Kind == ElementKind.StartEvent) && !node.CancelActivity;
        if (!keepsListening)
        {
            run.Instance.Subscriptions.Remove(subscription);
        }
        void Record(TokenState? token)
        {
            var data = new JsonObject { ["messageName"] = subscription.MessageName };
            if (subscription.CorrelationKey is not null)
            {
                data["correlationKey"] = subscription.CorrelationKey;
            }
            run.Record(JournalEvents.MessageCorrelated, node, token, data);
            var scopeId = token?.ScopeId ?? subscription.ScopeId ?? run.RootScope.Id;
            run.SetVariables(run.FindScope(scopeId) is null ? run.RootScope.Id : scopeId, variables, node, token);
        }
        Dispatch(run, node, subscription.TokenId, subscription.ScopeId, Record);
    }

    public static void CompleteUserTask(ExecutionRun run, UserTaskRecord task, string? outcome, IReadOnlyDictionary<string, JsonNode?> variables, string? user)
    {
        var token = run.FindToken(task.TokenId) ?? throw new InvalidOperationException($"Task '{task.Id}' has no waiting token.");
        var node = run.Process.GetNode(task.ElementId);
        run.Instance.UserTasks.Remove(task);
        var data = new JsonObject { ["taskId"] = task.Id };
        if (outcome is not null) data["outcome"] = outcome;
        if (user is not null) data["user"] = user;
        run.Record(JournalEvents.TaskCompleted, node, token, data);
        var values = new Dictionary<string, JsonNode?>(variables, StringComparer.Ordinal);
        if (outcome is not null)
        {
            values["outcome"] = outcome;
        }
        run.SetVariables(token.ScopeId, values, node, token);
        ActivityLifecycle.Complete(run, token, node);
    }

    private static void Dispatch(ExecutionRun run, FlowNode node, string? tokenId, string? scopeId, Action<TokenState?> record)
    {
        if (node.Kind == ElementKind.BoundaryEvent)
        {
            if (run.FindToken(tokenId!) is { } activity)
            {
                FireBoundary(run, activity, node, record);
            }
            return;
        }
        if (scopeId is not null)
        {
            if (run.FindScope(scopeId) is { } scope)
            {
                StartEventSubProcess(run, scope, node, node.CancelActivity, record);
            }
            return;
        }
        if (run.FindToken(tokenId!) is not { } token)
        {
            return;
        }
        if (token.ElementId != node.Id)
        {
            // The token waits at an event-based gateway: this event wins, the others are dropped.
            var gateway = run.Process.GetNode(token.ElementId);
            record(token);
            run.Record(JournalEvents.ElementCompleted, gateway, token);
            run.Waits.RemoveWaits(token.Id);
            run.Instance.Tokens.Remove(token);
            var via = gateway.Outgoing.First(f => f.Target == node).Id;
            var winner = run.NewToken(node.Id, token.ScopeId, via, enqueue: false);
            run.Enter(winner, node);
            run.Leave(winner, node);
            return;
        }
        record(token);
        run.Waits.RemoveWaits(token.Id);
        if (node.IsActivity)
        {
            ActivityLifecycle.Complete(run, token, node);
        }
        else
        {
            run.Leave(token, node);
        }
    }

    public static void FireBoundary(ExecutionRun run, TokenState activity, FlowNode boundary, Action<TokenState?>? record)
    {
        record?.Invoke(activity);
        var token = run.NewToken(boundary.Id, activity.ScopeId, enqueue: false);
        if (boundary.CancelActivity)
        {
            run.Waits.CancelToken(activity);
        }
        run.Enter(token, boundary);
        run.Leave(token, boundary);
    }

    public static void StartEventSubProcess(ExecutionRun run, ScopeState scope, FlowNode start, bool interrupting, Action<TokenState?>? record)
    {
        record?.Invoke(null);
        var eventSub = start.Scope.Owner!;
        var token = run.NewToken(eventSub.Id, scope.Id, enqueue: false);
        if (interrupting)
        {
            run.Waits.CancelScopeContents(scope, except: token);
        }
        run.Enter(token, eventSub);
        var inner = run.NewScope(scope.Id, eventSub.Id, token.Id);
        token.ChildScopeId = inner.Id;
        run.ActivateScope(inner, eventSub.SubScope!, []);
        var startToken = run.NewToken(start.Id, inner.Id, enqueue: false);
        run.Enter(startToken, start);
        run.Leave(startToken, start);
    }
}

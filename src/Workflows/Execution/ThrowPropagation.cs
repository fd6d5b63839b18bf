using System.Text.Json.Nodes;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution;

/// <summary>
/// Error and escalation propagation: from the throwing activity's boundary events outwards through the enclosing
/// scopes (event sub-processes first, then the boundary events of the owning sub-process), to the calling instance
/// (an uncaught error ends the called instance; an uncaught escalation is thrown again at the call activity).
/// </summary>
internal static class ThrowPropagation
{
    public static void Throw(ExecutionRun run, EventTrigger kind, string? code, FlowNode throwNode, TokenState? throwToken, string scopeId, TokenState? activityToken)
    {
        var data = new JsonObject { ["code"] = code };
        run.Record(kind == EventTrigger.Error ? JournalEvents.ErrorThrown : JournalEvents.EscalationThrown, throwNode, throwToken, data);
        string? current = scopeId;
        if (activityToken is not null)
        {
            var body = activityToken.IsMultiInstanceInner ? run.FindToken(run.Scope(activityToken.ScopeId).OwnerTokenId!)! : activityToken;
            if (TryBoundary(run, body, kind, code))
            {
                return;
            }
            current = body.ScopeId;
        }
        while (current is not null && run.FindScope(current) is { } scope)
        {
            if (run.FlowScopeOf(scope) is { } flowScope)
            {
                var starts = flowScope.EventSubProcesses.Select(es => es.SubScope?.StartEvents.FirstOrDefault()).OfType<FlowNode>();
                if (Best(starts, kind, code) is { } start)
                {
                    Triggers.StartEventSubProcess(run, scope, start, interrupting: kind == EventTrigger.Error || start.CancelActivity, record: null);
                    return;
                }
            }
            if (scope.OwnerTokenId is not null && run.FindToken(scope.OwnerTokenId) is { IsMultiInstanceInner: false } owner
                && TryBoundary(run, owner, kind, code))
            {
                return;
            }
            current = scope.ParentId;
        }
        if (run.Instance.ParentInstanceId is not null && kind == EventTrigger.Escalation)
        {
            // Non-interrupting here: the child goes on; the parent's catch decides whether the call activity (and so
            // this instance) is cancelled.
            run.Effects.Add(new CalledInstanceEscalated(run.Instance.ParentInstanceId, run.Instance.ParentTokenId!, run.Instance.Id, code));
            return;
        }
        if (kind != EventTrigger.Error)
        {
            return;
        }
        if (run.Instance.ParentInstanceId is not null)
        {
            PropagateToCaller(run, code);
            return;
        }
        run.RaiseIncident(throwToken, throwNode, "unhandled-error", $"Error '{code}' thrown at {throwNode} was not caught.");
    }

    private static void PropagateToCaller(ExecutionRun run, string? code)
    {
        run.Waits.CancelScopeContents(run.RootScope);
        run.RecordProcess(JournalEvents.ElementCancelled, new JsonObject { ["errorCode"] = code });
        run.Instance.Status = InstanceStatus.Terminated;
        run.Instance.EndedAt = run.Now;
        run.Effects.Add(new CalledInstanceEnded(run.Instance.ParentInstanceId!, run.Instance.ParentTokenId!, run.Instance.Id, false, code ?? string.Empty,
            $"Error '{code}' was not caught in the called process.", []));
    }

    private static bool TryBoundary(ExecutionRun run, TokenState activity, EventTrigger kind, string? code)
    {
        var node = run.Process.GetNode(activity.ElementId);
        if (Best(node.Boundaries, kind, code) is not { } boundary)
        {
            return false;
        }
        Triggers.FireBoundary(run, activity, boundary, record: null);
        return true;
    }

    // A catch with the same code wins over a catch-all one.
    private static FlowNode? Best(IEnumerable<FlowNode> candidates, EventTrigger kind, string? code)
    {
        var matching = candidates.Where(c => c.Event.Trigger == kind).ToList();
        return matching.Find(c => c.Event.Code is not null && c.Event.Code == code) ?? matching.Find(c => c.Event.Code is null);
    }
}

using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution.Behaviors;

/// <summary>Parallel gateway: a join waits for a token on every incoming flow; a fork takes all outgoing flows.</summary>
internal sealed class ParallelGatewayBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            var waiting = run.Instance.Tokens
                .Where(t => t.ElementId == node.Id && t.ScopeId == token.ScopeId && !t.Entered && t.Phase == TokenPhase.Waiting)
                .ToList();
            var perFlow = new List<TokenState>();
            foreach (var flow in node.Incoming)
            {
                var arrived = flow.Id == token.ArrivedVia ? token : waiting.Find(t => t.ArrivedVia == flow.Id && t != token);
                if (arrived is null)
                {
                    return ValueTask.CompletedTask;
                }
                perFlow.Add(arrived);
            }
            foreach (var consumed in perFlow.Where(t => t != token))
            {
                run.Instance.Tokens.Remove(consumed);
            }
        }
        run.Enter(token, node);
        run.Leave(token, node);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Inclusive gateway: a fork takes every true flow; a join waits (see <see cref="InclusiveJoin"/>).</summary>
internal sealed class InclusiveGatewayBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        if (node.Incoming.Count <= 1)
        {
            run.Enter(token, node);
            run.Leave(token, node);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Fires inclusive joins once no other token of the scope can still reach them. Checked whenever the run queue is
/// empty, so a join also fires when a branch dies elsewhere.
/// </summary>
internal static class InclusiveJoin
{
    public static bool TryFireOne(ExecutionRun run)
    {
        var waiting = run.Instance.Tokens
            .Where(t => !t.Entered && t.Phase == TokenPhase.Waiting)
            .Select(t => (Token: t, Node: run.Process.GetNode(t.ElementId)))
            .Where(x => x.Node.Kind == ElementKind.InclusiveGateway && x.Node.Incoming.Count > 1)
            .ToList();
        foreach (var group in waiting.GroupBy(x => (x.Token.ElementId, x.Token.ScopeId)))
        {
            var gateway = group.First().Node;
            var others = run.Instance.Tokens.Where(t => t.ScopeId == group.Key.ScopeId && t.ElementId != gateway.Id);
            if (others.Any(t => CanReach(run.Process.GetNode(t.ElementId), gateway)))
            {
                continue;
            }
            var survivor = group.First().Token;
            foreach (var (token, _) in group.Skip(1))
            {
                run.Instance.Tokens.Remove(token);
            }
            run.Enter(survivor, gateway);
            run.Leave(survivor, gateway);
            return true;
        }
        return false;
    }

    private static bool CanReach(FlowNode from, FlowNode target)
    {
        var seen = new HashSet<FlowNode>();
        var pending = new Stack<FlowNode>();
        pending.Push(from);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }
            foreach (var flow in node.Outgoing)
            {
                if (flow.Target == target)
                {
                    return true;
                }
                if (flow.Target is not null)
                {
                    pending.Push(flow.Target);
                }
            }
            foreach (var boundary in node.Boundaries)
            {
                pending.Push(boundary);
            }
        }
        return false;
    }
}

/// <summary>Event-based gateway: listens for every following catch event; the first to happen wins.</summary>
internal sealed class EventGatewayBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Enter(token, node);
        foreach (var target in node.Outgoing.Select(f => f.Target!))
        {
            if (target.Event.Trigger == EventTrigger.Timer)
            {
                run.Waits.ScheduleTimer(target, token.Id, null);
            }
            else
            {
                run.Waits.Subscribe(target, token.Id, null, token.ScopeId);
            }
        }
        return ValueTask.CompletedTask;
    }
}

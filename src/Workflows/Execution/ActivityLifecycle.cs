using System.Text.Json.Nodes;
using OneStop.Workflows.Execution.Behaviors;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution;

/// <summary>What every activity shares: boundary listeners, multi-instance and standard loops around the kind's behaviour.</summary>
internal static class ActivityLifecycle
{
    public static async Task EnterAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        var firstIteration = token.LoopCounter == 0;
        run.Enter(token, node, firstIteration ? null : new JsonObject { ["loopCounter"] = token.LoopCounter });
        if (!token.IsMultiInstanceInner && firstIteration)
        {
            foreach (var boundary in node.Boundaries)
            {
                if (boundary.Event.Trigger == EventTrigger.Timer)
                {
                    run.Waits.ScheduleTimer(boundary, token.Id, null);
                }
                else if (boundary.Event.Trigger == EventTrigger.Message)
                {
                    run.Waits.Subscribe(boundary, token.Id, null, token.ScopeId);
                }
            }
            if (run.Halted)
            {
                return;
            }
            if (node.Loop is { IsMultiInstance: true })
            {
                MultiInstance.Start(run, token, node);
                return;
            }
            if (node.Loop is { IsMultiInstance: false, TestBefore: true } && !LoopContinues(run, token, node))
            {
                run.Leave(token, node);
                return;
            }
        }
        await ElementBehaviors.For(node.Kind).ExecuteAsync(run, token, node).ConfigureAwait(false);
    }

    /// <summary>The activity's own work is done: loop again or leave.</summary>
    public static void Complete(ExecutionRun run, TokenState token, FlowNode node)
    {
        if (!token.IsMultiInstanceInner && node.Loop is { IsMultiInstance: false })
        {
            token.LoopCounter++;
            if (LoopContinues(run, token, node))
            {
                run.Record(JournalEvents.ElementCompleted, node, token, new JsonObject { ["loopCounter"] = token.LoopCounter - 1 });
                run.Requeue(token);
                return;
            }
        }
        run.Leave(token, node);
    }

    private static bool LoopContinues(ExecutionRun run, TokenState token, FlowNode node)
    {
        var loop = node.Loop!;
        if (loop.LoopCondition is null || (loop.LoopMaximum is { } max && token.LoopCounter >= max))
        {
            return false;
        }
        var variables = run.VariablesFor(token.ScopeId);
        variables["loopCounter"] = token.LoopCounter;
        return run.Services.Evaluator.EvaluateCondition(loop.LoopCondition, variables);
    }
}

/// <summary>Multi-instance bodies: one inner instance (scope + token) per item, parallel or sequential.</summary>
internal static class MultiInstance
{
    public static void Start(ExecutionRun run, TokenState body, FlowNode node)
    {
        var loop = node.Loop!;
        var variables = run.VariablesFor(body.ScopeId);
        JsonArray? items = null;
        int total;
        if (loop.Collection is not null)
        {
            var value = run.Services.Evaluator.Evaluate(loop.Collection, variables);
            if (value is not JsonArray array)
            {
                run.RaiseIncident(body, node, "multi-instance", $"The collection '{loop.Collection}' of {node} is not a list.");
                return;
            }
            items = (JsonArray)array.DeepClone();
            total = array.Count;
        }
        else
        {
            var value = run.Services.Evaluator.Evaluate(loop.Cardinality!, variables);
            if (value is not JsonValue number || !number.TryGetValue<long>(out var count) || count < 0)
            {
                run.RaiseIncident(body, node, "multi-instance", $"The loopCardinality '{loop.Cardinality}' of {node} is not a non-negative whole number.");
                return;
            }
            total = (int)count;
        }
        body.MultiInstance = new MultiInstanceState { Items = items, Total = total };
        if (total == 0)
        {
            run.Leave(body, node);
            return;
        }
        var start = loop.IsSequential ? 1 : total;
        for (var i = 0; i < start; i++)
        {
            SpawnInner(run, body, node);
        }
    }

    private static void SpawnInner(ExecutionRun run, TokenState body, FlowNode node)
    {
        var state = body.MultiInstance!;
        var index = state.NextIndex++;
        state.Active++;
        var scope = run.NewScope(body.ScopeId, node.Id, body.Id, multiInstanceInner: true);
        // loopCounter counts from 0, like the item index.
        scope.Variables["loopCounter"] = index;
        if (node.Loop!.ElementVariable is { } name)
        {
            scope.Variables[name] = state.Items?[index]?.DeepClone() ?? JsonValue.Create(index);
        }
        run.NewToken(node.Id, scope.Id, multiInstanceInner: true);
    }

    public static void InnerCompleted(ExecutionRun run, TokenState body, FlowNode node)
    {
        var state = body.MultiInstance!;
        state.Active--;
        state.Completed++;
        var done = state.Completed >= state.Total;
        if (!done && node.Loop!.CompletionCondition is { } condition)
        {
            var variables = run.VariablesFor(body.ScopeId);
            variables["nrOfInstances"] = state.Total;
            variables["nrOfCompletedInstances"] = state.Completed;
            variables["nrOfActiveInstances"] = state.Active;
            done = run.Services.Evaluator.EvaluateCondition(condition, variables);
        }
        if (done)
        {
            foreach (var scope in run.Instance.Scopes.Where(s => s.OwnerTokenId == body.Id).ToList())
            {
                run.Waits.CancelScopeContents(scope);
                run.Instance.Scopes.Remove(scope);
            }
            run.Leave(body, node);
        }
        else if (node.Loop!.IsSequential)
        {
            SpawnInner(run, body, node);
        }
    }
}

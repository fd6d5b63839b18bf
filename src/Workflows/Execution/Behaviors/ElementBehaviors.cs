using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution.Behaviors;

/// <summary>Executes one kind of element for a token that has arrived at it.</summary>
internal interface IElementBehavior
{
    /// <summary>Runs the element: completes it at once, or leaves the token waiting with a wait state.</summary>
    ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node);
}

/// <summary>The registry: one behaviour per element kind. Adding an element touches this folder only.</summary>
internal static class ElementBehaviors
{
    private static readonly Dictionary<ElementKind, IElementBehavior> Registry = new()
    {
        [ElementKind.StartEvent] = new StartEventBehavior(),
        [ElementKind.EndEvent] = new EndEventBehavior(),
        [ElementKind.IntermediateCatchEvent] = new CatchEventBehavior(),
        [ElementKind.IntermediateThrowEvent] = new ThrowEventBehavior(),
        [ElementKind.BoundaryEvent] = new PassThroughEventBehavior(),
        [ElementKind.Task] = new PassThroughTaskBehavior(),
        [ElementKind.ManualTask] = new PassThroughTaskBehavior(),
        [ElementKind.UserTask] = new UserTaskBehavior(),
        [ElementKind.ServiceTask] = new ServiceTaskBehavior(),
        [ElementKind.SendTask] = new ServiceTaskBehavior(),
        [ElementKind.BusinessRuleTask] = new ServiceTaskBehavior(),
        [ElementKind.ReceiveTask] = new ReceiveTaskBehavior(),
        [ElementKind.ScriptTask] = new ScriptTaskBehavior(),
        [ElementKind.SubProcess] = new SubProcessBehavior(),
        [ElementKind.CallActivity] = new CallActivityBehavior(),
        [ElementKind.ExclusiveGateway] = new PassThroughEventBehavior(),
        [ElementKind.ParallelGateway] = new ParallelGatewayBehavior(),
        [ElementKind.InclusiveGateway] = new InclusiveGatewayBehavior(),
        [ElementKind.EventBasedGateway] = new EventGatewayBehavior(),
    };

    public static IElementBehavior For(ElementKind kind) => Registry.TryGetValue(kind, out var behavior)
        ? behavior
        : throw new InvalidOperationException($"No behaviour for {kind}; validation should have rejected the model.");
}

/// <summary>Events and gateways that just pass the token on (exclusive gateway selection happens when leaving).</summary>
internal sealed class PassThroughEventBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Enter(token, node);
        run.Leave(token, node);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Abstract and manual tasks: nothing to do.</summary>
internal sealed class PassThroughTaskBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        ActivityLifecycle.Complete(run, token, node);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Start events; a message or timer start journals its trigger.</summary>
internal sealed class StartEventBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Enter(token, node);
        if (run.StartTrigger is { } trigger && node.Event.Trigger != EventTrigger.None)
        {
            run.Record(trigger.Event, node, token, trigger.Data);
            run.StartTrigger = null;
        }
        run.Leave(token, node);
        return ValueTask.CompletedTask;
    }
}

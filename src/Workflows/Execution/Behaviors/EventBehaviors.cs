using System.Text.Json.Nodes;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution.Behaviors;

/// <summary>End events: none, terminate, error, escalation, message.</summary>
internal sealed class EndEventBehavior : IElementBehavior
{
    public async ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Enter(token, node);
        switch (node.Event.Trigger)
        {
            case EventTrigger.Terminate:
                run.Record(JournalEvents.ElementCompleted, node, token);
                run.Instance.Tokens.Remove(token);
                var scope = run.Scope(token.ScopeId);
                run.Waits.CancelScopeContents(scope);
                run.CheckScope(scope.Id);
                return;
            case EventTrigger.Error or EventTrigger.Escalation:
                run.Record(JournalEvents.ElementCompleted, node, token);
                run.Instance.Tokens.Remove(token);
                ThrowPropagation.Throw(run, node.Event.Trigger, node.Event.Code, node, token, token.ScopeId, activityToken: null);
                run.CheckScope(token.ScopeId);
                return;
            case EventTrigger.Message:
                if (!await MessageSending.SendAsync(run, token, node).ConfigureAwait(false))
                {
                    return;
                }
                break;
        }
        run.Record(JournalEvents.ElementCompleted, node, token);
        run.EndToken(token);
    }
}

/// <summary>Intermediate throw events: none, message, escalation, link.</summary>
internal sealed class ThrowEventBehavior : IElementBehavior
{
    public async ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Enter(token, node);
        switch (node.Event.Trigger)
        {
            case EventTrigger.Message:
                if (!await MessageSending.SendAsync(run, token, node).ConfigureAwait(false))
                {
                    return;
                }
                break;
            case EventTrigger.Escalation:
                ThrowPropagation.Throw(run, EventTrigger.Escalation, node.Event.Code, node, token, token.ScopeId, activityToken: null);
                if (!run.Instance.Tokens.Contains(token) || run.Halted)
                {
                    return;
                }
                break;
            case EventTrigger.Link:
                var target = node.Scope.Nodes.First(n => n.Kind == ElementKind.IntermediateCatchEvent
                    && n.Event.Trigger == EventTrigger.Link && n.Event.LinkName == node.Event.LinkName);
                run.Record(JournalEvents.ElementCompleted, node, token);
                run.Instance.Tokens.Remove(token);
                run.NewToken(target.Id, token.ScopeId);
                return;
        }
        run.Leave(token, node);
    }
}

/// <summary>Intermediate catch events: timer and message wait; link passes on.</summary>
internal sealed class CatchEventBehavior : IElementBehavior
{
    public ValueTask ExecuteAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        run.Enter(token, node);
        switch (node.Event.Trigger)
        {
            case EventTrigger.Timer:
                run.Waits.ScheduleTimer(node, token.Id, null);
                break;
            case EventTrigger.Message:
                run.Waits.Subscribe(node, token.Id, null, token.ScopeId);
                break;
            default:
                run.Leave(token, node);
                break;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Sending a message (send task, message throw and end events): runs the optional handler, journals
/// <c>message.sent</c> and asks the engine to correlate the message once this command has committed — to a waiting
/// subscription of any instance, else a message start event, else the buffer. The message name comes from
/// <c>messageRef</c> (else the element name), the key from <c>os:correlationKey</c>, the variables it carries from
/// <c>os:in</c> mappings (none without them).
/// </summary>
internal static class MessageSending
{
    /// <summary>Returns false when the handler failed (incident or BPMN error already handled).</summary>
    public static async ValueTask<bool> SendAsync(ExecutionRun run, TokenState token, FlowNode node)
    {
        if (node.Os.Handler is not null && !await ServiceTaskBehavior.InvokeHandlerAsync(run, token, node).ConfigureAwait(false))
        {
            return false;
        }
        var name = node.Event.MessageName ?? node.Name ?? node.Id;
        var visible = run.VariablesFor(token.ScopeId);
        var key = node.Event.CorrelationKey is { } expression ? run.Services.Evaluator.EvaluateString(expression, visible) : null;
        var payload = VariableMappings.Apply(run, node.InMappings, visible);
        var data = new JsonObject { ["messageName"] = name };
        if (key is not null)
        {
            data["correlationKey"] = key;
        }
        run.Record(JournalEvents.MessageSent, node, token, data);
        run.Effects.Add(new SendMessage(name, key, payload));
        return true;
    }
}

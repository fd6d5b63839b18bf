using OneStop.Workflows.Execution;
using OneStop.Workflows.Model;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows;

// Effects on other instances, applied after the command that asked for them committed: call activities (start, return,
// escalation, cancel) and messages thrown to the engine's own correlation. Each is its own background command.
public sealed partial class WorkflowEngine
{
    // After a command committed: its effects on other instances and buffered messages, each its own background command.
    private async Task FollowUpAsync(ExecutionRun run, CancellationToken cancellationToken)
    {
        foreach (var effect in run.Effects)
        {
            await ApplyAsync(effect, cancellationToken).ConfigureAwait(false);
        }
        await DeliverBufferedMessagesAsync(run.Instance, reload: run.Effects.Count > 0, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(EngineEffect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case StartCalledInstance start:
                var versions = await _store.GetDefinitionVersionsAsync(start.ProcessKey, cancellationToken).ConfigureAwait(false);
                if (!versions.Any(v => v.Status == DefinitionStatus.Published))
                {
                    await ExecuteWithRetriesAsync(start.ParentInstanceId, run =>
                    {
                        if (run.FindToken(start.ParentTokenId) is { } token)
                        {
                            run.RaiseIncident(token, run.Process.GetNode(token.ElementId), "call-activity", $"No published process with key '{start.ProcessKey}'.");
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    return;
                }
                await StartCoreAsync(new StartInstanceRequest { Key = start.ProcessKey, BusinessKey = start.BusinessKey, Variables = start.Variables },
                    start.ChildInstanceId, start.ParentInstanceId, start.ParentTokenId, null, cancellationToken).ConfigureAwait(false);
                break;
            case CalledInstanceEnded ended:
                if (await _store.LoadInstanceAsync(ended.ParentInstanceId, cancellationToken).ConfigureAwait(false) is not { IsEnded: false })
                {
                    return;
                }
                await ExecuteWithRetriesAsync(ended.ParentInstanceId, run => CallActivityReturned(run, ended), cancellationToken).ConfigureAwait(false);
                break;
            case CalledInstanceEscalated escalated:
                if (await _store.LoadInstanceAsync(escalated.ParentInstanceId, cancellationToken).ConfigureAwait(false) is not { IsEnded: false })
                {
                    return;
                }
                await ExecuteWithRetriesAsync(escalated.ParentInstanceId, run => CallActivityEscalated(run, escalated), cancellationToken).ConfigureAwait(false);
                break;
            case SendMessage send:
                // The engine's own correlation, as if the message came through the API: a waiting subscription (the
                // sender's included), else a message start event, else the buffer (MessageTimeToLive).
                await CorrelateMessageAsync(send.MessageName, send.CorrelationKey, send.Variables, allowStart: true, keepUnmatched: true,
                    cancellationToken).ConfigureAwait(false);
                break;
            case CancelCalledInstance cancel:
                if (await _store.LoadInstanceAsync(cancel.ChildInstanceId, cancellationToken).ConfigureAwait(false) is { IsEnded: false })
                {
                    await ExecuteWithRetriesAsync(cancel.ChildInstanceId, run => run.CancelInstance("The calling activity was cancelled.", null),
                        cancellationToken).ConfigureAwait(false);
                }
                break;
        }
    }

    private static void CallActivityReturned(ExecutionRun run, CalledInstanceEnded ended)
    {
        if (run.FindToken(ended.ParentTokenId) is not { } token || token.CalledInstanceId != ended.ChildInstanceId)
        {
            return;
        }
        var node = run.Process.GetNode(token.ElementId);
        token.CalledInstanceId = null;
        if (ended.Completed)
        {
            var output = node.OutMappings.Count == 0 ? ended.Variables : Execution.Behaviors.VariableMappings.Apply(run, node.OutMappings, ended.Variables);
            run.SetVariables(token.ScopeId, output, node, token);
            ActivityLifecycle.Complete(run, token, node);
        }
        else if (ended.ErrorCode is not null)
        {
            ThrowPropagation.Throw(run, EventTrigger.Error, ended.ErrorCode, node, token, token.ScopeId, activityToken: token);
        }
        else
        {
            run.RaiseIncident(token, node, "called-instance-failed", ended.Message ?? "The called instance failed.");
        }
    }

    // The called instance threw an escalation it did not catch: it is thrown again at the call activity (BPMN 2.0
    // §10.5.4), whose boundary events and the parent's event sub-processes may catch it; uncaught it goes further up.
    private static void CallActivityEscalated(ExecutionRun run, CalledInstanceEscalated escalated)
    {
        if (run.FindToken(escalated.ParentTokenId) is not { } token || token.CalledInstanceId != escalated.ChildInstanceId)
        {
            return;
        }
        var node = run.Process.GetNode(token.ElementId);
        ThrowPropagation.Throw(run, EventTrigger.Escalation, escalated.Code, node, token, token.ScopeId, activityToken: token);
    }
}

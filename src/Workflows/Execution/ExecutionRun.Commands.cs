using System.Text.Json.Nodes;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution;

// The instance-level commands (start, cancel) and the hooks behaviours use to re-run or annotate a start.
internal sealed partial class ExecutionRun
{
    public void Begin(FlowNode startEvent, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var root = NewScope(null, Process.Id, null);
        RecordProcess(JournalEvents.ElementEntered);
        if (variables.Count > 0)
        {
            var changed = new JsonObject();
            foreach (var (name, value) in variables)
            {
                root.Variables[name] = value?.DeepClone();
                changed[name] = value?.DeepClone();
            }
            RecordProcess(JournalEvents.VariablesChanged, new JsonObject { ["variables"] = changed });
        }
        ActivateScope(root, Process.Scope, [startEvent]);
    }

    public void CancelInstance(string? reason)
    {
        Waits.CancelScopeContents(RootScope);
        RecordProcess(JournalEvents.ElementCancelled, reason is null ? null : new JsonObject { ["reason"] = reason });
        Instance.Status = InstanceStatus.Terminated;
        Instance.EndedAt = Now;
    }

    /// <summary>Queues a token to execute its element again (next loop iteration).</summary>
    public void Requeue(TokenState token)
    {
        token.Phase = TokenPhase.Ready;
        _ready.Enqueue(token);
    }

    /// <summary>A trigger to journal on the start event of a message- or timer-started instance.</summary>
    public (string Event, JsonObject Data)? StartTrigger { get; set; }
}

using System.Text.Json.Nodes;
using OneStop.Workflows.Model;

namespace OneStop.Workflows.Execution;

// The instance-level commands: start and cancel.
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
        CancelScopeContents(RootScope);
        RecordProcess(JournalEvents.ElementCancelled, reason is null ? null : new JsonObject { ["reason"] = reason });
        Instance.Status = InstanceStatus.Terminated;
        Instance.EndedAt = Now;
    }
}

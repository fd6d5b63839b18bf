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

    public void CancelInstance(string? reason, string? user)
    {
        Waits.CancelScopeContents(RootScope);
        var data = new JsonObject();
        if (reason is not null) data["reason"] = reason;
        if (user is not null) data["user"] = user;
        RecordProcess(JournalEvents.ElementCancelled, data.Count == 0 ? null : data);
        // Cancelling resolves the incidents of a failed instance: nothing is left to retry.
        Instance.Incidents.Clear();
        Instance.Status = InstanceStatus.Terminated;
        Instance.EndedAt = Now;
    }

    /// <summary>Resolves an incident by re-running the step that failed (the caller checked that its token exists).</summary>
    public void RetryIncident(Incident incident, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var token = FindToken(incident.TokenId!)!;
        var node = Process.GetNode(token.ElementId);
        Instance.Incidents.Remove(incident);
        Instance.EndedAt = null;
        Record(JournalEvents.IncidentRetried, node, token, new JsonObject { ["incidentId"] = incident.Id, ["kind"] = incident.Kind });
        SetVariables(token.ScopeId, variables, node, token);
        if (incident.Step == IncidentStep.Leave || incident.Kind == IncidentKinds.NoMatchingFlow)
        {
            // The element's work was done; only choosing the outgoing flows failed.
            Leave(token, node);
            return;
        }
        // Re-enter: listeners armed at a failed first entry are dropped, as entering arms them again (later loop
        // iterations do not re-arm them, so they stay).
        if (token.LoopCounter == 0)
        {
            Waits.RemoveWaits(token.Id);
        }
        token.CalledInstanceId = null;
        Requeue(token);
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

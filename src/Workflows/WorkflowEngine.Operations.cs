using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows;

// Operator commands: definition versions, cancellation and incidents. All are user commands (no conflict retry).
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Deploys every process of a document as a new draft version of its key. Nothing is deployed when the document
    /// has errors. No duplicate is made when the content hash equals that of the key's latest version or of its
    /// published version: that version is returned (and published when asked, if it is a draft). Content equal only
    /// to a retired version becomes a new version, since retiring is not silently undone.
    /// </summary>
    public Task<DeploymentResult> DeployAsync(string xml, DeployOptions? options = null, CancellationToken cancellationToken = default)
        => _definitions.DeployAsync(xml, options, cancellationToken);

    /// <summary>Publishes a draft version; the previously published version is retired. Running instances keep their version.</summary>
    public Task<DefinitionRecord> PublishAsync(string key, int version, CancellationToken cancellationToken = default)
        => _definitions.PublishAsync(key, version, null, cancellationToken);

    /// <summary>
    /// Publishes a draft version and records who did it (<see cref="DefinitionRecord.PublishedBy"/>); the previously
    /// published version is retired. Publishing a published version returns it unchanged; a retired one is refused.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The version does not exist.</exception>
    /// <exception cref="InvalidOperationException">The version is retired.</exception>
    public Task<DefinitionRecord> PublishAsync(string key, int version, string? user, CancellationToken cancellationToken = default)
        => _definitions.PublishAsync(key, version, user, cancellationToken);

    /// <summary>
    /// Retires a version: it starts no new instances (neither by key nor by explicit version, nor through call
    /// activities and message starts); its running instances continue on it. Retiring a retired version does nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The version does not exist.</exception>
    public Task<DefinitionRecord> RetireAsync(string key, int version, CancellationToken cancellationToken = default)
        => _definitions.RetireAsync(key, version, cancellationToken);

    /// <summary>All versions of a key, oldest first, with their status and who deployed and published them when.</summary>
    public Task<IReadOnlyList<DefinitionRecord>> GetDefinitionVersionsAsync(string key, CancellationToken cancellationToken = default)
        => _store.GetDefinitionVersionsAsync(key, cancellationToken);

    /// <summary>
    /// Transfers an open user task to another department (chuyển phòng): the same step with the same due time, now in
    /// <paramref name="department"/>'s inbox; journaled as <c>task.transferred</c> with both departments and the user.
    /// A user command: a concurrent change raises <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    /// <exception cref="TaskNotOpenException">The task is not (or no longer) open.</exception>
    /// <exception cref="ArgumentException">The department is blank or the task's own.</exception>
    public async Task<InstanceState> TransferUserTaskAsync(string taskId, string department, string? user = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        var found = await _store.FindUserTaskAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotOpenException(taskId);
        if (string.Equals(found.Department, department, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Task '{taskId}' is in '{department}' already.", nameof(department));
        }
        var instance = await _store.LoadInstanceAsync(found.InstanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.IsEnded || !instance.UserTasks.Exists(t => t.Id == taskId))
        {
            throw new TaskNotOpenException(taskId);
        }
        await RunAsync(instance, run =>
        {
            var task = run.Instance.UserTasks.Find(t => t.Id == taskId)!;
            var data = new JsonObject { ["taskId"] = task.Id, ["to"] = department };
            if (task.Department is not null) data["from"] = task.Department;
            if (user is not null) data["user"] = user;
            task.Department = department;
            run.Record(JournalEvents.TaskTransferred, run.Process.GetNode(task.ElementId), run.FindToken(task.TokenId), data);
        }, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>
    /// Cancels a running, waiting or failed instance (and the instances its call activities started). Journaled as
    /// <c>element.cancelled</c> of the process with the reason; its open incidents are resolved by the cancellation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instance has completed or was cancelled already.</exception>
    public Task<InstanceState> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
        => CancelAsync(instanceId, reason, null, cancellationToken);

    /// <summary>Cancels an instance as <see cref="CancelAsync(string, string?, CancellationToken)"/>, journaling who did it.</summary>
    public Task<InstanceState> CancelAsync(string instanceId, string? reason, string? user, CancellationToken cancellationToken = default)
        => ExecuteAsync(instanceId, run => run.CancelInstance(reason, user), cancellationToken, allowFailed: true);

    /// <summary>
    /// Retries an open incident of a failed instance: journals <c>incident.retried</c>, sets the given variables (to
    /// correct the data that made it fail), then re-runs the step that failed. A failed flow selection (no matching
    /// flow, a condition that did not evaluate) selects the outgoing flows again; any other failure re-enters the
    /// element (its handler, expressions, boundary timers and called instance start afresh). The instance goes on, or
    /// stops on a new incident. Incidents stay in <see cref="InstanceState.Incidents"/> until retried or cancelled.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The instance or the incident does not exist.</exception>
    /// <exception cref="InvalidOperationException">The incident stopped no token that still exists (e.g. an uncaught error end event); cancel the instance instead.</exception>
    public async Task<InstanceState> RetryIncidentAsync(string instanceId, string incidentId, IReadOnlyDictionary<string, JsonNode?>? variables = null,
        CancellationToken cancellationToken = default)
    {
        var instance = await _store.LoadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Instance '{instanceId}' does not exist.");
        var incident = instance.Incidents.Find(i => i.Id == incidentId)
            ?? throw new KeyNotFoundException($"Instance '{instanceId}' has no open incident '{incidentId}'.");
        if (incident.TokenId is null || !instance.Tokens.Exists(t => t.Id == incident.TokenId))
        {
            throw new InvalidOperationException(
                $"Incident '{incidentId}' ({incident.Kind}) cannot be retried: no token waits at the step that failed. Cancel the instance instead.");
        }
        var run = await RunAsync(instance, run => run.RetryIncident(run.Instance.Incidents.Find(i => i.Id == incidentId)!, variables ?? NoVariables),
            cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(run, cancellationToken).ConfigureAwait(false);
        return instance;
    }
}

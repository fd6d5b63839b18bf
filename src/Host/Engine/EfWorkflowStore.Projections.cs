using Microsoft.EntityFrameworkCore;
using OneStop.Host.Persistence;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Engine;

// The wait-state tables as projections of the instance state: rewritten (as a diff) in the command's transaction,
// and read back as the engine's records.
internal sealed partial class EfWorkflowStore
{
    private static async Task SyncTasksAsync(OneStopDbContext db, InstanceState instance, IReadOnlyList<UserTaskRecord> open, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        var current = open.ToDictionary(t => t.Id);
        var currentIds = current.Keys.ToList();
        // Open rows, and closed rows of tasks that are open again (a failed instance's tasks return after a retry).
        var stored = await db.UserTasks.Where(t => t.InstanceId == instance.Id && (t.Status == UserTaskStatus.Open || currentIds.Contains(t.Id)))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var (id, row) in stored.Where(s => !current.ContainsKey(s.Key) && s.Value.Status == UserTaskStatus.Open))
        {
            // A task that left the wait states was completed (the journal says by whom and how) or cancelled.
            // Every command that removes a task journals it, so the journal of this save is never empty here.
            var completion = journal.LastOrDefault(e => e.Event == JournalEvents.TaskCompleted && (string?)e.Data?["taskId"] == id);
            row.Status = completion is null ? UserTaskStatus.Cancelled : UserTaskStatus.Completed;
            row.Outcome = (string?)completion?.Data?["outcome"];
            row.CompletedBy = (string?)completion?.Data?["user"];
            row.CompletedAt = (completion ?? journal[^1]).Time.ToUniversalTime();
        }

        foreach (var task in open)
        {
            if (stored.TryGetValue(task.Id, out var existing))
            {
                // A recomputed deadline (calendar change) or a new assignee moves the inbox row too.
                existing.DueAt = task.DueAt?.ToUniversalTime();
                existing.Assignee = task.Assignee;
                existing.Department = task.Department;
                existing.Status = UserTaskStatus.Open;
                existing.Outcome = null;
                existing.CompletedBy = null;
                existing.CompletedAt = null;
                continue;
            }

            db.UserTasks.Add(new UserTaskRow
            {
                Id = task.Id,
                InstanceId = task.InstanceId,
                TokenId = task.TokenId,
                ElementId = task.ElementId,
                Name = task.Name,
                BusinessKey = task.BusinessKey,
                Department = task.Department,
                Role = task.Role,
                Assignee = task.Assignee,
                Outcomes = task.Outcomes.Count == 0 ? null : string.Join('\n', task.Outcomes),
                CreatedAt = task.CreatedAt.ToUniversalTime(),
                DueAt = task.DueAt?.ToUniversalTime(),
                Sequence = task.Sequence,
                Status = UserTaskStatus.Open,
            });
        }
    }

    private static async Task SyncSubscriptionsAsync(OneStopDbContext db, string instanceId, IReadOnlyList<MessageSubscription> current, CancellationToken cancellationToken)
    {
        var stored = await db.MessageSubscriptions.Where(s => s.InstanceId == instanceId).ToListAsync(cancellationToken);
        var ids = current.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        db.MessageSubscriptions.RemoveRange(stored.Where(s => !ids.Contains(s.Id)));
        var known = stored.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        db.MessageSubscriptions.AddRange(current.Where(s => !known.Contains(s.Id)).Select(s => new MessageSubscriptionRow
        {
            Id = s.Id,
            InstanceId = s.InstanceId,
            ElementId = s.ElementId,
            TokenId = s.TokenId,
            ScopeId = s.ScopeId,
            MessageName = s.MessageName,
            CorrelationKey = s.CorrelationKey,
            Sequence = s.Sequence,
        }));
    }

    private static async Task SyncJobsAsync(OneStopDbContext db, string instanceId, IReadOnlyList<TimerJob> current, CancellationToken cancellationToken)
    {
        var stored = await db.Jobs.Where(j => j.InstanceId == instanceId).ToDictionaryAsync(j => j.Id, cancellationToken);
        var byId = current.ToDictionary(t => t.Id);
        db.Jobs.RemoveRange(stored.Values.Where(j => !byId.ContainsKey(j.Id)));
        foreach (var timer in current)
        {
            if (stored.TryGetValue(timer.Id, out var row))
            {
                // A cycle timer that fired and re-armed: a new due time frees it for any node again.
                if (row.DueAt != timer.DueAt.ToUniversalTime() || row.RemainingRepetitions != timer.RemainingRepetitions)
                {
                    row.DueAt = timer.DueAt.ToUniversalTime();
                    row.RemainingRepetitions = timer.RemainingRepetitions;
                    row.LeaseOwner = null;
                    row.LeaseUntil = null;
                    row.Attempts = 0;
                    row.LastError = null;
                }

                continue;
            }

            db.Jobs.Add(new JobRow
            {
                Id = timer.Id,
                Kind = TimerKind,
                InstanceId = timer.InstanceId,
                ElementId = timer.ElementId,
                TokenId = timer.TokenId,
                ScopeId = timer.ScopeId,
                DueAt = timer.DueAt.ToUniversalTime(),
                RemainingRepetitions = timer.RemainingRepetitions,
                Sequence = timer.Sequence,
            });
        }
    }

    private static async Task SyncIncidentsAsync(OneStopDbContext db, InstanceState instance, CancellationToken cancellationToken)
    {
        var stored = await db.Incidents.Where(i => i.InstanceId == instance.Id).ToDictionaryAsync(i => i.Id, cancellationToken);
        var current = instance.Incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        db.Incidents.RemoveRange(stored.Values.Where(i => !current.Contains(i.Id)));
        db.Incidents.AddRange(instance.Incidents.Where(i => !stored.ContainsKey(i.Id)).Select(i => new IncidentRow
        {
            Id = i.Id,
            InstanceId = instance.Id,
            ElementId = i.ElementId,
            Kind = i.Kind,
            Message = i.Message,
            CreatedAt = i.CreatedAt.ToUniversalTime(),
        }));
    }

    private static DefinitionRecord ToRecord(WorkflowDefinitionRow row) => new()
    {
        Key = row.Key,
        Version = row.Version,
        Status = Enum.Parse<DefinitionStatus>(row.Status),
        Name = row.Name,
        ContentHash = row.ContentHash,
        Xml = row.Xml,
        DeployedAt = row.DeployedAt,
        DeployedBy = row.DeployedBy,
        PublishedAt = row.PublishedAt,
        PublishedBy = row.PublishedBy,
    };

    private static UserTaskRecord ToRecord(UserTaskRow row) => new()
    {
        Id = row.Id,
        InstanceId = row.InstanceId,
        TokenId = row.TokenId,
        ElementId = row.ElementId,
        Name = row.Name,
        BusinessKey = row.BusinessKey,
        Department = row.Department,
        Role = row.Role,
        Assignee = row.Assignee,
        Outcomes = row.Outcomes?.Split('\n') ?? [],
        CreatedAt = row.CreatedAt,
        DueAt = row.DueAt,
        Sequence = row.Sequence,
    };

    private static TimerJob ToTimer(JobRow row) => new()
    {
        Id = row.Id,
        InstanceId = row.InstanceId,
        ElementId = row.ElementId,
        TokenId = row.TokenId,
        ScopeId = row.ScopeId,
        DueAt = row.DueAt,
        RemainingRepetitions = row.RemainingRepetitions,
        Sequence = row.Sequence,
    };
}

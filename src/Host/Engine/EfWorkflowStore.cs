using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Persistence;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Engine;

/// <summary>
/// Lets the Host write its own rows (e.g. the notification outbox) in the transaction of an engine command, so they
/// commit or roll back with the instance change.
/// </summary>
public interface IWorkflowTransactionHook
{
    Task OnSavingAsync(OneStopDbContext db, InstanceState instance, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken);
}

/// <summary>
/// The engine's store on the Host's EF Core model (SQLite, PostgreSQL, SQL Server). Each call uses its own context;
/// <see cref="SaveInstanceAsync"/> is one transaction guarded by the instance row version.
/// </summary>
internal sealed partial class EfWorkflowStore(IServiceScopeFactory scopes, JobWakeUp wakeUp) : IWorkflowStore
{
    public const string TimerKind = "timer";

    public async Task<IReadOnlyList<DefinitionRecord>> GetDefinitionVersionsAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var rows = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Key == key).OrderBy(d => d.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var rows = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.Version == db.WorkflowDefinitions.Where(x => x.Key == d.Key).Max(x => x.Version))
            .OrderBy(d => d.Key)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var scope = Db(out var db);
        var row = await db.WorkflowDefinitions.FindAsync([definition.Key, definition.Version], cancellationToken);
        if (row is null)
        {
            row = new WorkflowDefinitionRow { Key = definition.Key, Version = definition.Version, Status = "", ContentHash = "", Xml = "" };
            db.WorkflowDefinitions.Add(row);
        }

        row.Status = definition.Status.ToString();
        row.Name = definition.Name;
        row.ContentHash = definition.ContentHash;
        row.Xml = definition.Xml;
        row.DeployedAt = definition.DeployedAt.ToUniversalTime();
        row.DeployedBy = definition.DeployedBy;
        row.PublishedAt = definition.PublishedAt?.ToUniversalTime();
        row.PublishedBy = definition.PublishedBy;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var json = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.StateJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options);
    }

    public async Task SaveInstanceAsync(InstanceState instance, long expectedRowVersion, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(journal);
        await using var scope = Db(out var db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var nextVersion = expectedRowVersion + 1;
        instance.RowVersion = nextVersion;
        var json = JsonSerializer.Serialize(instance, WorkflowJson.Options);
        var status = instance.Status.ToString();
        var endedAt = instance.EndedAt?.ToUniversalTime();
        if (expectedRowVersion == 0)
        {
            db.WorkflowInstances.Add(new WorkflowInstanceRow
            {
                Id = instance.Id,
                DefinitionKey = instance.DefinitionKey,
                DefinitionVersion = instance.DefinitionVersion,
                BusinessKey = instance.BusinessKey,
                Status = status,
                StartedAt = instance.StartedAt.ToUniversalTime(),
                EndedAt = endedAt,
                ParentInstanceId = instance.ParentInstanceId,
                StateJson = json,
                RowVersion = nextVersion,
            });
            await SaveOrConflictAsync(db, instance, expectedRowVersion, cancellationToken);
        }
        else
        {
            var updated = await db.WorkflowInstances
                .Where(i => i.Id == instance.Id && i.RowVersion == expectedRowVersion)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.StateJson, json)
                    .SetProperty(i => i.Status, status)
                    .SetProperty(i => i.EndedAt, endedAt)
                    .SetProperty(i => i.RowVersion, nextVersion), cancellationToken);
            if (updated == 0)
            {
                instance.RowVersion = expectedRowVersion;
                throw Conflict(instance.Id, expectedRowVersion);
            }
        }

        var live = !instance.IsEnded;
        await SyncTasksAsync(db, instance, live ? instance.UserTasks : [], journal, cancellationToken);
        await SyncSubscriptionsAsync(db, instance.Id, live ? instance.Subscriptions : [], cancellationToken);
        await SyncJobsAsync(db, instance.Id, live ? instance.Timers : [], cancellationToken);
        await SyncIncidentsAsync(db, instance, cancellationToken);
        db.Journal.AddRange(journal.Select(e => new JournalRow
        {
            InstanceId = e.InstanceId,
            Sequence = e.Sequence,
            Time = e.Time.ToUniversalTime(),
            Event = e.Event,
            ElementId = e.ElementId,
            EntryJson = JsonSerializer.Serialize(e, WorkflowJson.Options),
        }));

        foreach (var hook in scope.ServiceProvider.GetServices<IWorkflowTransactionHook>())
        {
            await hook.OnSavingAsync(db, instance, journal, cancellationToken);
        }

        var jobsChanged = db.ChangeTracker.Entries<JobRow>().Any(e => e.State is EntityState.Added or EntityState.Modified);
        await SaveOrConflictAsync(db, instance, expectedRowVersion, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (jobsChanged)
        {
            wakeUp.Notify();
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var rows = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence)
            .Select(j => j.EntryJson).ToListAsync(cancellationToken);
        return [.. rows.Select(r => JsonSerializer.Deserialize<JournalEntry>(r, WorkflowJson.Options)!)];
    }

    public async Task<IReadOnlyList<UserTaskRecord>> FindUserTasksAsync(UserTaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Db(out var db);
        var tasks = db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open);
        if (query.InstanceId is not null)
        {
            tasks = tasks.Where(t => t.InstanceId == query.InstanceId);
        }

        if (query.BusinessKey is not null)
        {
            tasks = tasks.Where(t => t.BusinessKey == query.BusinessKey);
        }

        if (query.Department is not null)
        {
            tasks = tasks.Where(t => t.Department == query.Department);
        }

        if (query.Role is not null)
        {
            tasks = tasks.Where(t => t.Role == query.Role);
        }

        if (query.Assignee is not null)
        {
            tasks = tasks.Where(t => t.Assignee == query.Assignee);
        }

        var rows = await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.RowId).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task<UserTaskRecord?> FindUserTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var row = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId && t.Status == UserTaskStatus.Open, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<MessageSubscription>> FindSubscriptionsAsync(string messageName, string? correlationKey, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var rows = await db.MessageSubscriptions.AsNoTracking()
            .Where(s => s.MessageName == messageName && (s.CorrelationKey == null || s.CorrelationKey == correlationKey))
            .OrderBy(s => s.InstanceId).ThenBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(s => new MessageSubscription
        {
            Id = s.Id,
            InstanceId = s.InstanceId,
            ElementId = s.ElementId,
            TokenId = s.TokenId,
            ScopeId = s.ScopeId,
            MessageName = s.MessageName,
            CorrelationKey = s.CorrelationKey,
            Sequence = s.Sequence,
        })];
    }

    public async Task<IReadOnlyList<TimerJob>> FindDueTimersAsync(DateTimeOffset dueBy, int limit, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var due = dueBy.ToUniversalTime();
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => j.Kind == TimerKind && j.DueAt <= due)
            .OrderBy(j => j.DueAt).ThenBy(j => j.InstanceId).ThenBy(j => j.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToTimer)];
    }

    public async Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        return await db.Jobs.AsNoTracking().Where(j => j.Kind == TimerKind).OrderBy(j => j.DueAt)
            .Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task BufferMessageAsync(BufferedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var scope = Db(out var db);
        db.BufferedMessages.Add(new BufferedMessageRow
        {
            Id = message.Id,
            Name = message.Name,
            CorrelationKey = message.CorrelationKey,
            VariablesJson = JsonSerializer.Serialize(message.Variables, WorkflowJson.Options),
            ReceivedAt = message.ReceivedAt.ToUniversalTime(),
            ExpiresAt = message.ExpiresAt.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<BufferedMessage?> TakeBufferedMessageAsync(string messageName, string? correlationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = Db(out var db);
        var utcNow = now.ToUniversalTime();
        await db.BufferedMessages.Where(m => m.ExpiresAt <= utcNow).ExecuteDeleteAsync(cancellationToken);
        var candidates = db.BufferedMessages.AsNoTracking().Where(m => m.Name == messageName);
        if (correlationKey is not null)
        {
            candidates = candidates.Where(m => m.CorrelationKey == correlationKey);
        }

        // Taking is a delete that only one caller can win: a message is delivered once even across nodes.
        foreach (var row in await candidates.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id).Take(10).ToListAsync(cancellationToken))
        {
            if (await db.BufferedMessages.Where(m => m.Id == row.Id).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                return new BufferedMessage
                {
                    Id = row.Id,
                    Name = row.Name,
                    CorrelationKey = row.CorrelationKey,
                    Variables = JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(row.VariablesJson, WorkflowJson.Options) ?? [],
                    ReceivedAt = row.ReceivedAt,
                    ExpiresAt = row.ExpiresAt,
                };
            }
        }

        return null;
    }

    private static async Task SaveOrConflictAsync(OneStopDbContext db, InstanceState instance, long expectedRowVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // A domain row a hook changed (a dossier) was changed by another command first.
            instance.RowVersion = expectedRowVersion;
            throw new ConcurrencyConflictException(Conflict(instance.Id, expectedRowVersion).Message, ex);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // A duplicate key here means another command created or changed the same rows first.
            instance.RowVersion = expectedRowVersion;
            throw new ConcurrencyConflictException(Conflict(instance.Id, expectedRowVersion).Message, ex);
        }
    }

    /// <summary>A unique or primary key violation, in each provider's own words; any other failure stays what it is.</summary>
    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };

    private static ConcurrencyConflictException Conflict(string instanceId, long expected) =>
        new($"Instance '{instanceId}' was changed by another command (expected version {expected}).");

    private AsyncServiceScope Db(out OneStopDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return scope;
    }
}

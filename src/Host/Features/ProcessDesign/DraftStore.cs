using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Persistence;
using OneStop.Workflows.Model;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>Reads and writes <see cref="ProcessDraft"/> rows with the revision check every save goes through.</summary>
internal static class DraftStore
{
    internal abstract record StoreOutcome
    {
        public sealed record Saved(ProcessDraft Draft) : StoreOutcome;

        public sealed record Stale(ProblemDetails Problem) : StoreOutcome;

        public sealed record Missing : StoreOutcome;
    }

    /// <summary>
    /// Writes <paramref name="xml"/> over the draft at <paramref name="revision"/> (0 = no draft yet, the flow exists
    /// as versions; -1 = whatever the current revision is, for an import that replaces the diagram on purpose).
    /// </summary>
    internal static async Task<StoreOutcome> StoreAsync(OneStopDbContext db, string key, BpmnModel model, string xml, int revision, string user,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var name = model.FindProcess(key)?.Name is { Length: > 0 } processName ? processName : null;
        var draft = await db.ProcessDrafts.SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (draft is null)
        {
            var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Key == key)
                .OrderByDescending(d => d.Version).Select(d => d.Name).ToListAsync(cancellationToken);
            if (versions.Count == 0)
            {
                return new StoreOutcome.Missing();
            }
            if (revision > 0)
            {
                return new StoreOutcome.Stale(DesignProblems.Gone(key));
            }
            draft = NewDraft(key, name ?? versions[0] ?? key, xml, user, now);
            db.ProcessDrafts.Add(draft);
        }
        else
        {
            if (revision >= 0 && draft.Revision != revision)
            {
                return new StoreOutcome.Stale(DesignProblems.Stale(draft));
            }
            draft.Xml = xml;
            draft.Name = name ?? draft.Name;
            draft.Revision++;
            draft.UpdatedAt = now;
            draft.UpdatedBy = user;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new StoreOutcome.Saved(draft);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our read and our write (concurrency token, or the same new key).
            db.ChangeTracker.Clear();
            var winner = await db.ProcessDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
            return new StoreOutcome.Stale(winner is null ? DesignProblems.Gone(key) : DesignProblems.Stale(winner));
        }
    }

    internal static ProcessDraft NewDraft(string key, string name, string xml, string user, DateTimeOffset now) => new()
    {
        Key = key,
        Name = name,
        Xml = xml,
        Revision = 1,
        CreatedAt = now,
        CreatedBy = user,
        UpdatedAt = now,
        UpdatedBy = user,
    };

    internal static DraftResponse ToResponse(ProcessDraft draft) =>
        new(draft.Key, draft.Name, draft.Xml, draft.Revision, null, draft.UpdatedBy, draft.UpdatedAt);

    internal static async Task<bool> TrySaveAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    internal static async Task<bool> ExistsAsync(OneStopDbContext db, string key, CancellationToken cancellationToken) =>
        await db.ProcessDrafts.AnyAsync(d => d.Key == key, cancellationToken)
        || await db.WorkflowDefinitions.AnyAsync(d => d.Key == key, cancellationToken);
}

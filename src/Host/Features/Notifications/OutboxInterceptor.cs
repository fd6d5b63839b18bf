using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notices;
using OneStop.Host.Features.Portal.Submission;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notifications;

/// <summary>
/// The one place that turns dossier changes into notifications: when a save adds a citizen-relevant
/// <see cref="DossierEvent"/>, it adds one <see cref="OutboxMessage"/> per channel the applicant chose
/// (<see cref="Dossier.NotifyBy"/>) and can be reached on, in the same save — so the same transaction — as the change.
/// A notice issued in the same unit of work (the receipt, the refusal, the decision) is attached to the e-mail. Stateless: one instance serves every pooled context.
/// </summary>
public sealed class OutboxInterceptor(NotificationChannels channels, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly Dictionary<string, string> KindOf = new(StringComparer.Ordinal)
    {
        [OnlineActions.Submitted] = NotificationKinds.Submitted,
        [DossierActions.Received] = NotificationKinds.Received,
        [DossierActions.Refused] = NotificationKinds.Refused,
        [DossierActions.StatusChanged] = NotificationKinds.StatusChanged,
        [DossierActions.Withdrawn] = NotificationKinds.StatusChanged,
        [DossierActions.Stopped] = NotificationKinds.StatusChanged,
        [DossierActions.SupplementRequested] = NotificationKinds.SupplementRequested,
        [DossierActions.ApologyApproved] = NotificationKinds.Apology,
        [DossierActions.ResultReady] = NotificationKinds.ResultReady,
        [DossierActions.Returned] = NotificationKinds.Returned,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // Synchronous saves (the data-protection key store) carry no dossier events: this only reads the change tracker.
        if (eventData.Context is OneStopDbContext db)
        {
            EnqueueAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is OneStopDbContext db)
        {
            await EnqueueAsync(db, cancellationToken);
        }

        return result;
    }

    private async Task EnqueueAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var added = tracker.Entries<DossierEvent>().Where(e => e.State == EntityState.Added && KindOf.ContainsKey(e.Entity.Action))
            .Select(e => e.Entity).ToList();
        var notices = tracker.Entries<IssuedNotice>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count > 0 && (channels.Email || channels.Sms))
        {
            var dossiers = new Dictionary<Guid, Dossier?>();
            var now = time.GetUtcNow();
            foreach (var change in added)
            {
                if (!dossiers.TryGetValue(change.DossierId, out var dossier))
                {
                    dossier = tracker.Entries<Dossier>().Select(e => e.Entity).FirstOrDefault(d => d.Id == change.DossierId)
                        ?? await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == change.DossierId, cancellationToken);
                    dossiers[change.DossierId] = dossier;
                }

                if (dossier is not null)
                {
                    Enqueue(db, dossier, change, notices.LastOrDefault(n => n.DossierId == dossier.Id)?.Id, now);
                }
            }
        }

        // Reception saves the dossier and its event first, then issues the receipt in a second save of the same
        // transaction: the e-mail enqueued by the first save takes the notice now.
        foreach (var notice in notices)
        {
            foreach (var waiting in tracker.Entries<OutboxMessage>().Where(e => e.State is EntityState.Unchanged or EntityState.Added
                && e.Entity.Channel == NotificationChannel.Email && e.Entity.DossierId == notice.DossierId && e.Entity.AttachmentNoticeId is null
                && e.Entity.State == OutboxState.Pending && e.Entity.Kind is NotificationKinds.Received or NotificationKinds.Refused))
            {
                waiting.Property(m => m.AttachmentNoticeId).CurrentValue = notice.Id;
            }
        }
    }

    private void Enqueue(OneStopDbContext db, Dossier dossier, DossierEvent change, Guid? noticeId, DateTimeOffset now)
    {
        var kind = KindOf[change.Action];
        var status = change.ToStatus ?? dossier.Status;
        var model = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["code"] = dossier.Code,
            ["procedure"] = dossier.ProcedureName,
            ["name"] = dossier.Applicant.Name,
            ["status"] = (int)status,
            ["status_name"] = DossierStatuses.NameOf(status),
            ["received"] = VietnameseText.ShortDate(dossier.ReceivedAt),
            ["appointment"] = VietnameseText.ShortDate(dossier.AppointmentAt),
            ["time"] = VietnameseText.TimeAndDate(change.Time == default ? now : change.Time),
            ["reason"] = change.Comment,
        };
        var json = JsonSerializer.Serialize(model);
        // One event id shared by the channels: the keys of a pair differ only by the channel.
        var eventKey = $"{kind}.{Guid.CreateVersion7():N}";
        if (channels.Email && dossier.NotifyBy.HasFlag(NotifyBy.Email) && !string.IsNullOrWhiteSpace(dossier.Applicant.Email))
        {
            db.OutboxMessages.Add(New(NotificationChannel.Email, dossier.Applicant.Email.Trim(), kind, dossier.Id, json, eventKey, now, noticeId));
        }

        if (channels.Sms && dossier.NotifyBy.HasFlag(NotifyBy.Sms) && !string.IsNullOrWhiteSpace(dossier.Applicant.Phone))
        {
            db.OutboxMessages.Add(New(NotificationChannel.Sms, dossier.Applicant.Phone.Trim(), kind, dossier.Id, json, eventKey, now, null));
        }
    }

    internal static OutboxMessage New(NotificationChannel channel, string recipient, string kind, Guid? dossierId, string model, string key,
        DateTimeOffset now, Guid? noticeId) => new()
        {
            IdempotencyKey = $"{key}.{(channel == NotificationChannel.Email ? "mail" : "sms")}",
            Channel = channel,
            Recipient = recipient,
            Kind = kind,
            DossierId = dossierId,
            Model = model,
            AttachmentNoticeId = noticeId,
            State = OutboxState.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
}

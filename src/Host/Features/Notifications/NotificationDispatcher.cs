using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStop.Host.Features.Notices;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notifications;

/// <summary>
/// Delivers the outbox on every node. A round claims due pending messages with a conditional UPDATE that one node wins
/// (a lease, and the attempt counted), renders a message on its first attempt and keeps the text, sends, and marks it
/// sent. A failure retries with exponential back-off; after <see cref="NotificationOptions.MaxAttempts"/> attempts, or
/// at once — as an incident — when the template does not render, the message is Failed and waits on /notifications/failed. A node that dies
/// between sending and marking leaves its lease behind: the next claim after expiry resends with the same idempotency key
/// (gateway header, e-mail Message-Id), and logs and counts the resend.
/// </summary>
public sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes,
    NotificationTemplates templates,
    IServiceProvider services,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    IMeterFactory meters,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly NotificationOptions settings = options.Value;
    private readonly string node = NodeName(options.Value.NodeId);
    private readonly Counter<long> sent = meters.Create("OneStop.Notifications").CreateCounter<long>("onestop.notifications.sent");
    private readonly Counter<long> failed = meters.Create("OneStop.Notifications").CreateCounter<long>("onestop.notifications.failed");
    private readonly Counter<long> resent = meters.Create("OneStop.Notifications").CreateCounter<long>("onestop.notifications.resent",
        description: "Messages sent again after a node died between sending and marking (same idempotency key)");
    private long resends;

    /// <summary>Messages this node sent again after an unfinished attempt (since it started).</summary>
    public long Resends => Interlocked.Read(ref resends);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = settings.PollInterval;
            try
            {
                var handled = await DispatchOnceAsync(stoppingToken);
                failures = 0;
                if (handled == settings.BatchSize)
                {
                    sleep = TimeSpan.Zero;
                }
            }
            catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException { InnerException: DbException })
            {
                failures++;
                sleep = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
                logger.LogWarning("Notification dispatcher cannot reach the database ({Failures} in a row): {Error}", failures, ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(sleep, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One round: claims up to a batch of due messages and delivers them. Returns how many were claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency), CancellationToken = cancellationToken },
            async (message, token) => await DeliverAsync(message, token));
        return claimed.Count;
    }

    private sealed record Claimed(Guid Id, int Attempts, bool InDoubt);

    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var now = time.GetUtcNow();
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(settings.BatchSize)
            .Select(m => new { m.Id, m.Attempts, m.LeaseOwner })
            .ToListAsync(cancellationToken);
        var leaseUntil = now + settings.LeaseDuration;
        var claimed = new List<Claimed>(candidates.Count);
        foreach (var candidate in candidates)
        {
            // Only one node's UPDATE matches: the row's attempts and lease must still be what this node read.
            var won = await db.OutboxMessages
                .Where(m => m.Id == candidate.Id && m.State == OutboxState.Pending && m.Attempts == candidate.Attempts
                    && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseOwner, node).SetProperty(m => m.LeaseUntil, leaseUntil)
                    .SetProperty(m => m.Attempts, candidate.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                claimed.Add(new Claimed(candidate.Id, candidate.Attempts + 1, candidate.LeaseOwner is not null));
            }
        }

        return claimed;
    }

    private async Task DeliverAsync(Claimed claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == claim.Id, cancellationToken);
        if (claim.InDoubt)
        {
            // The previous holder died after claiming: it may have sent. The key makes the resend recognisable.
            Interlocked.Increment(ref resends);
            resent.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
            logger.LogWarning("Notification {MessageId} ({Channel}, {Kind}) is sent again after an unfinished attempt, with the same idempotency key {Key}",
                message.Id, message.Channel, message.Kind, message.IdempotencyKey);
        }

        if (message.Body is null)
        {
            try
            {
                (message.Subject, message.Body) = message.Channel == NotificationChannel.Email
                    ? await templates.EmailAsync(message.Kind, message.Model, cancellationToken)
                    : (null, await templates.SmsAsync(message.Kind, message.Model, cancellationToken));
            }
            catch (NoticeTemplateException ex)
            {
                // Nothing half-filled goes out: the message fails at once as an incident (listed with the engine's) and
                // waits for a fixed template and a resend.
                message.TemplateFailed = true;
                await FinishAsync(db, message, OutboxState.Failed, ex.Message, cancellationToken);
                failed.Add(1);
                logger.LogError("Notification {MessageId} ({Kind}) not sent: template error {Error}", message.Id, message.Kind, ex.Message);
                return;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        string? providerId;
        try
        {
            providerId = message.Channel == NotificationChannel.Email
                ? await services.GetRequiredService<INotificationMailer>().SendAsync(await EmailAsync(db, message, cancellationToken), cancellationToken)
                : await services.GetRequiredService<ISmsProvider>().SendAsync(message.Recipient, message.Body, message.IdempotencyKey, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var giveUp = claim.Attempts >= settings.MaxAttempts;
            if (giveUp)
            {
                await FinishAsync(db, message, OutboxState.Failed, ex.Message, cancellationToken);
                failed.Add(1);
                logger.LogError("Notification {MessageId} ({Channel}, {Kind}) failed {Attempts} times and is given up: {Error}",
                    message.Id, message.Channel, message.Kind, claim.Attempts, ex.Message);
            }
            else
            {
                message.NextAttemptAt = time.GetUtcNow() + Backoff(claim.Attempts);
                await FinishAsync(db, message, OutboxState.Pending, ex.Message, cancellationToken);
                logger.LogWarning("Notification {MessageId} ({Channel}, {Kind}) attempt {Attempts} failed; next at {NextAttemptAt}: {Error}",
                    message.Id, message.Channel, message.Kind, claim.Attempts, message.NextAttemptAt, ex.Message);
            }

            return;
        }

        message.SentAt = time.GetUtcNow();
        message.ProviderMessageId = providerId is { Length: > 200 } ? providerId[..200] : providerId;
        await FinishAsync(db, message, OutboxState.Sent, message.LastError, cancellationToken);
        sent.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
    }

    /// <summary>Ends this node's attempt: the new state, the lease released. Only while this node still holds the lease.</summary>
    private async Task FinishAsync(OneStopDbContext db, OutboxMessage message, OutboxState state, string? error, CancellationToken cancellationToken)
    {
        var trimmed = error is { Length: > 2000 } ? error[..2000] : error;
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == node)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, state).SetProperty(m => m.LastError, trimmed)
                .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt).SetProperty(m => m.SentAt, message.SentAt)
                .SetProperty(m => m.ProviderMessageId, message.ProviderMessageId).SetProperty(m => m.TemplateFailed, message.TemplateFailed)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task<MimeMessage> EmailAsync(OneStopDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        var email = new MimeMessage
        {
            Subject = message.Subject ?? "",
            // Stable across retries: receivers drop a second copy of the same Message-Id.
            MessageId = $"{message.IdempotencyKey}@{smtp.MessageIdDomain}",
            Date = message.CreatedAt,
        };
        email.From.Add(MailboxAddress.Parse(smtp.From));
        email.To.Add(MailboxAddress.Parse(message.Recipient));
        var builder = new BodyBuilder { HtmlBody = message.Body };
        if (message.AttachmentNoticeId is { } noticeId
            && await db.DossierNotices.AsNoTracking().Where(n => n.Id == noticeId).Select(n => new { n.TemplateCode, n.Html }).FirstOrDefaultAsync(cancellationToken) is { } notice)
        {
            var name = OutboxFiles.SafeName(notice.TemplateCode.Replace('/', '-')) + ".html";
            builder.Attachments.Add(name, System.Text.Encoding.UTF8.GetBytes(notice.Html), new ContentType("text", "html") { Charset = "utf-8" });
        }

        email.Body = builder.ToMessageBody();
        return email;
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        // Jitter spreads the retries of messages that failed together.
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4);
        return delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay;
    }

    private static string NodeName(string? configured)
    {
        var name = configured ?? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[..100];
    }
}

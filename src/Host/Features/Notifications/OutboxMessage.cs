namespace OneStop.Host.Features.Notifications;

/// <summary>
/// One notification to deliver (transactional outbox): written in the same transaction as the dossier change that caused
/// it, then claimed, sent and marked by <see cref="NotificationDispatcher"/> on any node. Rendered when first dispatched.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable across retries: the SMS gateway's idempotency header and the e-mail's Message-Id. Unique.</summary>
    public required string IdempotencyKey { get; init; }

    public NotificationChannel Channel { get; init; }

    /// <summary>E-mail address or phone number. Personal data: never logged, masked on screens.</summary>
    public required string Recipient { get; init; }

    /// <summary>What happened, one of <see cref="NotificationKinds"/>; also the template's name.</summary>
    public required string Kind { get; init; }

    public Guid? DossierId { get; init; }

    /// <summary>The facts the templates see, frozen when enqueued (JSON, snake_case keys).</summary>
    public required string Model { get; init; }

    /// <summary>Rendered on the first dispatch and kept, so a retry sends exactly what the first attempt sent.</summary>
    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>The <c>IssuedNotice</c> attached to the e-mail (the receipt, the refusal, the decision…), when any.</summary>
    public Guid? AttachmentNoticeId { get; set; }

    public OutboxState State { get; set; }

    /// <summary>Dispatch attempts so far (counted when claimed).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The node holding the row while it sends; still set after the lease expired means that node died mid-send.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>Failed because its template did not render: an incident for the operators, nothing was sent.</summary>
    public bool TemplateFailed { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? ProviderMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public enum NotificationChannel
{
    Email,
    Sms,
}

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>Stable kinds of notification; each names a template (<c>templates/sms/&lt;kind&gt;.sbn</c>).</summary>
public static class NotificationKinds
{
    /// <summary>Submitted online (status 1), waiting for the centre (and for the payment, when due).</summary>
    public const string Submitted = "submitted";

    public const string Received = "received";
    public const string Refused = "refused";
    public const string StatusChanged = "status-changed";
    public const string SupplementRequested = "supplement-requested";
    public const string Apology = "apology";
    public const string ResultReady = "result-ready";
    public const string Returned = "returned";
    public const string StepDueSoon = "step-due-soon";
    public const string StepOverdue = "step-overdue";

    public static readonly IReadOnlyList<string> All =
        [Submitted, Received, Refused, StatusChanged, SupplementRequested, Apology, ResultReady, Returned, StepDueSoon, StepOverdue];
}

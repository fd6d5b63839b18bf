namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// One entry of a dossier's history: every action, by whom, when and why. Append-only — corrections are new entries.
/// </summary>
public sealed class DossierEvent
{
    public long Id { get; init; }

    public Guid DossierId { get; init; }

    public DateTimeOffset Time { get; init; }

    /// <summary>User name of the actor; <c>system</c> for the engine and timers.</summary>
    public required string Actor { get; init; }

    /// <summary>What happened, one of <see cref="DossierActions"/>.</summary>
    public required string Action { get; init; }

    public DossierStatus? FromStatus { get; init; }

    public DossierStatus? ToStatus { get; init; }

    /// <summary>The agency/department acting (<c>AGENCY/DEPT</c>), when known.</summary>
    public string? Unit { get; init; }

    /// <summary>The workflow step concerned (element name), when any.</summary>
    public string? Step { get; init; }

    /// <summary>The outcome chosen on a step ("Chuyển tiếp", "Trả lại"…).</summary>
    public string? Outcome { get; init; }

    /// <summary>Reason or comment, as the officer wrote it.</summary>
    public string? Comment { get; init; }

    /// <summary>True when the public look-up may show the entry (status changes and hand-offs, never comments).</summary>
    public bool Public { get; init; }
}

/// <summary>Stable action names of <see cref="DossierEvent"/>.</summary>
public static class DossierActions
{
    public const string Received = "received";
    public const string Refused = "refused";
    public const string StatusChanged = "status.changed";
    public const string StepAssigned = "step.assigned";
    public const string StepCompleted = "step.completed";
    public const string StepTransferred = "step.transferred";
    public const string TaskClaimed = "task.claimed";
    public const string TaskReleased = "task.released";
    public const string SupplementRequested = "supplement.requested";
    public const string SupplementReceived = "supplement.received";
    public const string ApologyDrafted = "apology.drafted";
    public const string ApologyApproved = "apology.approved";
    public const string ApologyRejected = "apology.rejected";
    public const string Withdrawn = "withdrawn";
    public const string Stopped = "stopped";
    public const string ResultReady = "result.ready";
    public const string Returned = "returned";
    public const string NoticeIssued = "notice.issued";
    public const string FileAttached = "file.attached";
    public const string WorkflowStarted = "workflow.started";
}

/// <summary>A supplement request (form 02) and, once answered, its receipt.</summary>
public sealed class SupplementRequest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    /// <summary>The unit asking (<c>AGENCY/DEPT</c>).</summary>
    public string? Unit { get; init; }

    public required string Reason { get; init; }

    /// <summary>The documents to supplement, one per line.</summary>
    public required string Documents { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public string? ReceivedBy { get; set; }

    /// <summary>The dossier due time before the request, kept to show what the supplement moved.</summary>
    public DateTimeOffset DueBefore { get; init; }
}

/// <summary>An apology with a new appointment (form 04): drafted by the late department, approved by its head.</summary>
public sealed class Apology
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public DateTimeOffset DraftedAt { get; init; }

    public required string DraftedBy { get; init; }

    /// <summary>The late unit (<c>AGENCY/DEPT</c>).</summary>
    public required string Unit { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset NewDueAt { get; init; }

    public ApologyState State { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}

public enum ApologyState
{
    Drafted,
    Approved,
    Rejected,
}

/// <summary>A notice issued for a dossier: the rendered HTML kept as issued, the legal record.</summary>
public sealed class IssuedNotice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    /// <summary>Template code (<c>TT03-2025/01</c>, <c>handover</c>…).</summary>
    public required string TemplateCode { get; init; }

    public required string Title { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public required string IssuedBy { get; init; }

    public required string Html { get; init; }
}

/// <summary>A file attached to a dossier: a step's attachment or a result document. The bytes live in the file store.</summary>
public sealed class DossierFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public DossierFileKind Kind { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    /// <summary>SHA-256 of the content, hex; also its name in the file store.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public required string AddedBy { get; init; }
}

public enum DossierFileKind
{
    Attachment,
    Result,
}

/// <summary>An officer's claim on an open workflow task ("assigned to me"); released by deleting it.</summary>
public sealed class TaskClaim
{
    public required string TaskId { get; init; }

    public required string UserName { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }
}

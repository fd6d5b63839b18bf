namespace OneStop.Host.Features.Dossiers;

/// <summary>A dossier handed in at the counter (or by post): what the reception officer types.</summary>
public sealed record ReceiveDossierRequest
{
    public Guid ProcedureId { get; init; }

    public DossierChannel Channel { get; init; } = DossierChannel.Counter;

    public required PartyDto Applicant { get; init; }

    /// <summary>The person at the counter when not the applicant.</summary>
    public PartyDto? Submitter { get; init; }

    public bool SubmittedByRepresentative { get; init; }

    public string? Request { get; init; }

    public int NumberOfSets { get; init; } = 1;

    public ResultDelivery ResultDelivery { get; init; }

    /// <summary>The channels of the applicant's notices; sent only where the applicant gave the contact.</summary>
    public NotifyBy NotifyBy { get; init; } = NotifyBy.Email | NotifyBy.Sms;

    /// <summary>The documents checked in; empty takes the procedure's list with its counts.</summary>
    public IReadOnlyList<DocumentLine> Documents { get; init; } = [];

    /// <summary>Pages or copies the per-page and per-copy fee lines count (certification); default 1.</summary>
    public int? FeeUnits { get; init; }
}

/// <summary>Refusal at reception (form 03): the dossier is recorded with status 3 and the reason.</summary>
public sealed record RefuseDossierRequest
{
    public Guid ProcedureId { get; init; }

    public DossierChannel Channel { get; init; } = DossierChannel.Counter;

    public required PartyDto Applicant { get; init; }

    public string? Request { get; init; }

    public required string Reason { get; init; }
}

public sealed record PartyDto(ApplicantKind Kind, string Name, string? IdNumber = null, string? Phone = null, string? Email = null, string? Address = null);

public sealed record DocumentLine(string Name, int Originals = 0, int CertifiedCopies = 0, int Photocopies = 0);

/// <summary>A dossier as officers see it.</summary>
public sealed record DossierDto(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string LeadAgencyCode,
    DossierChannel Channel,
    int Status,
    string StatusName,
    int? PreviousStatus,
    SupplementState SupplementState,
    DeliveryState DeliveryState,
    PartyDto Applicant,
    PartyDto? Submitter,
    bool SubmittedByRepresentative,
    string? Request,
    int NumberOfSets,
    ResultDelivery ResultDelivery,
    NotifyBy NotifyBy,
    IReadOnlyList<DocumentLine> Documents,
    decimal FeeAmount,
    DateTimeOffset ReceivedAt,
    string ReceivedBy,
    DateTimeOffset ClockStartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? RescheduledDueAt,
    DateTimeOffset AppointmentAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt,
    Timeliness? Timeliness,
    string? WorkflowInstanceId)
{
    public static DossierDto From(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Code, d.ProcedureCode, d.ProcedureName, d.LeadAgencyCode, d.Channel, (int)d.Status, DossierStatuses.NameOf(d.Status),
            (int?)d.PreviousStatus, d.SupplementState, d.DeliveryState, ToDto(d.Applicant), d.Submitter is null ? null : ToDto(d.Submitter),
            d.SubmittedByRepresentative, d.Request, d.NumberOfSets, d.ResultDelivery, d.NotifyBy,
            [.. d.Documents.OrderBy(x => x.Position).Select(x => new DocumentLine(x.Name, x.Originals, x.CertifiedCopies, x.Photocopies))],
            d.FeeAmount, d.ReceivedAt, d.ReceivedBy, d.ClockStartedAt, d.DueAt, d.RescheduledDueAt, d.AppointmentAt, d.ResolvedAt, d.ReturnedAt,
            d.Timeliness, d.WorkflowInstanceId);
    }

    private static PartyDto ToDto(Party p) => new(p.Kind, p.Name, p.IdNumber, p.Phone, p.Email, p.Address);
}

/// <summary>One history entry.</summary>
public sealed record DossierEventDto(DateTimeOffset Time, string Actor, string Action, int? FromStatus, int? ToStatus, string? Unit, string? Step,
    string? Outcome, string? Comment)
{
    public static DossierEventDto From(DossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Time, e.Actor, e.Action, (int?)e.FromStatus, (int?)e.ToStatus, e.Unit, e.Step, e.Outcome, e.Comment);
    }
}

/// <summary>A notice issued for the dossier (the HTML is fetched on its own).</summary>
public sealed record IssuedNoticeDto(Guid Id, string TemplateCode, string Title, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>A dossier with its history, notices and open steps.</summary>
public sealed record DossierDetailsDto(DossierDto Dossier, IReadOnlyList<DossierEventDto> History, IReadOnlyList<IssuedNoticeDto> Notices,
    IReadOnlyList<OpenStepDto> OpenSteps);

/// <summary>A workflow step waiting for someone.</summary>
public sealed record OpenStepDto(string TaskId, string ElementId, string? Name, string? Department, string? Role, string? ClaimedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, IReadOnlyList<string> Outcomes);

/// <summary>A row of a dossier list.</summary>
public sealed record DossierRowDto(string Code, string ProcedureName, string ApplicantName, int Status, string StatusName, DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt, Timeliness? Timeliness);

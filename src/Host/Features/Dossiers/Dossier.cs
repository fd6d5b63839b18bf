namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// A dossier (hồ sơ) from reception to return. Its status follows the national codes 1–10; its history is append-only
/// (<see cref="DossierEvent"/>): corrections are new entries, nothing is deleted.
/// </summary>
public sealed class Dossier
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary><c>&lt;agency code&gt;-YYMMDD-NNNN</c>; the workflow's business key and the look-up key.</summary>
    public required string Code { get; init; }

    public Guid ProcedureId { get; init; }

    /// <summary>The procedure's local code and name when received (the catalogue may change later).</summary>
    public required string ProcedureCode { get; init; }

    public required string ProcedureName { get; init; }

    /// <summary>The agency that decides (cơ quan chủ trì); its officers see the dossier.</summary>
    public required string LeadAgencyCode { get; init; }

    /// <summary>Cooperating agencies, comma-separated codes (the procedure's, plus any agency the flow hands the dossier to); their officers see it too.</summary>
    public string CooperatingAgencyCodes { get; set; } = "";

    public DossierChannel Channel { get; init; }

    public required Party Applicant { get; init; }

    /// <summary>The person at the counter when not the applicant (an authorised representative or a relative).</summary>
    public Party? Submitter { get; init; }

    /// <summary>True when the submitter acts under a power of attorney (ủy quyền).</summary>
    public bool SubmittedByRepresentative { get; init; }

    /// <summary>What the applicant asks for (nội dung yêu cầu giải quyết).</summary>
    public string? Request { get; init; }

    public int NumberOfSets { get; init; } = 1;

    public ResultDelivery ResultDelivery { get; set; }

    /// <summary>The channels the applicant chose for notices (sent only where the contact is known); the citizen may change them.</summary>
    public NotifyBy NotifyBy { get; set; } = NotifyBy.Email | NotifyBy.Sms;

    public DossierStatus Status { get; set; }

    /// <summary>The status before a supplement request or a financial obligation, to return to.</summary>
    public DossierStatus? PreviousStatus { get; set; }

    public SupplementState SupplementState { get; set; }

    public DeliveryState DeliveryState { get; set; }

    /// <summary>When the centre received the dossier; for an online dossier still at status 1, when the citizen submitted it.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The officer who received it; for an online dossier still at status 1, the citizen's user name.</summary>
    public required string ReceivedBy { get; set; }

    /// <summary>The citizen account that submitted the dossier online (null for the counter and the post).</summary>
    public Guid? OwnerUserId { get; init; }

    /// <summary>Payment of an online dossier of a fully online procedure: the centre sees it only once paid (ADR 0011).</summary>
    public OnlinePayment Payment { get; set; }

    /// <summary>The payment provider's reference of the online payment.</summary>
    public string? PaymentReference { get; set; }

    /// <summary>When the legal clock started: the next working instant, or the next working morning for paper after 15:00.</summary>
    public DateTimeOffset ClockStartedAt { get; set; }

    /// <summary>The legal due time, moved only by supplements (pause or restart). Statistics compare against it.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The new appointment of an approved apology, stored beside <see cref="DueAt"/> (at most one).</summary>
    public DateTimeOffset? RescheduledDueAt { get; set; }

    /// <summary>The appointment the citizen holds.</summary>
    public DateTimeOffset AppointmentAt => RescheduledDueAt ?? DueAt;

    /// <summary>When the result was ready (status 9) or the dossier otherwise ended (3, 7, 8).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    /// <summary>Early / on time / late, by the day resolved against the day due; set when resolved.</summary>
    public Timeliness? Timeliness { get; set; }

    public string? WorkflowInstanceId { get; set; }

    /// <summary>Total fee due when received (VND).</summary>
    public decimal FeeAmount { get; init; }

    /// <summary>The documents handed in, with counts (the receipt's table).</summary>
    public List<DossierDocument> Documents { get; init; } = [];

    /// <summary>Optimistic concurrency: two officers acting on one dossier at once cannot both win.</summary>
    public long Version { get; set; }

    public bool IsOpen => Status is DossierStatus.Received or DossierStatus.InProgress or DossierStatus.SupplementRequested
        or DossierStatus.AwaitingPayment or DossierStatus.ResultReady;

    /// <summary>Refused (3), withdrawn (7), stopped (8) or returned (10): final, never reopened.</summary>
    public bool IsClosed => Status is DossierStatus.Refused or DossierStatus.Withdrawn or DossierStatus.Stopped or DossierStatus.Returned;

    /// <summary>True when <paramref name="agencyCode"/> leads or cooperates.</summary>
    public bool Involves(string agencyCode) =>
        LeadAgencyCode == agencyCode || CooperatingAgencyCodes.Split(',').Contains(agencyCode, StringComparer.Ordinal);
}

/// <summary>An applicant or submitter (chủ hồ sơ, người nộp).</summary>
public sealed class Party
{
    public ApplicantKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>Citizen ID (CCCD) or business registration number.</summary>
    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }
}

/// <summary>One line of the documents checklist.</summary>
public sealed class DossierDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int Position { get; init; }

    public required string Name { get; init; }

    public int Originals { get; init; }

    public int CertifiedCopies { get; init; }

    public int Photocopies { get; init; }
}

/// <summary>National dossier status codes (the numbers are the codes used with the national portal).</summary>
public enum DossierStatus
{
    Registered = 1,
    Received = 2,
    Refused = 3,
    InProgress = 4,
    SupplementRequested = 5,
    AwaitingPayment = 6,
    Withdrawn = 7,
    Stopped = 8,
    ResultReady = 9,
    Returned = 10,
}

public enum DossierChannel
{
    Counter = 1,
    Online = 2,
    Post = 3,
}

public enum ApplicantKind
{
    Citizen,
    Business,
    StateBody,
    Organisation,
}

public enum ResultDelivery
{
    Counter,
    Post,
    Online,
}

/// <summary>The applicant's choice of notification channels.</summary>
[Flags]
public enum NotifyBy
{
    None = 0,
    Email = 1,
    Sms = 2,
}

public enum SupplementState
{
    None,
    /// <summary>The centre asked for documents at reception (form 02 at the counter).</summary>
    RequestedByCentre,
    /// <summary>A department asked the citizen during processing.</summary>
    RequestedOfCitizen,
    /// <summary>The citizen sent the documents (online), not yet checked.</summary>
    CitizenSent,
    Done,
}

/// <summary>The online payment of a dossier submitted online (ADR 0011).</summary>
public enum OnlinePayment
{
    /// <summary>No online payment asked (counter, post, partly online procedures, no fee).</summary>
    None,
    /// <summary>Submitted, waiting for the payment provider: not yet in the centre's queue.</summary>
    Pending,
    Paid,
    /// <summary>Not paid within <c>Portal:PaymentWindow</c>: the submission lapsed (status 7) and never reached the centre.</summary>
    Expired,
}

public enum DeliveryState
{
    Awaiting,
    Ready,
    HandedOver,
    ByPost,
}

public enum Timeliness
{
    Early,
    OnTime,
    Late,
}

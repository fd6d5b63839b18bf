using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Features.Inbox;

/// <summary>Filters of the inbox list.</summary>
/// <param name="Scope"><c>mine</c> (claimed by me or assigned to me) or <c>department</c> (everything my unit and roles may work on).</param>
/// <param name="Procedure">Local code of a procedure, or null for all.</param>
/// <param name="Status">Due state: <c>overdue</c>, <c>dueSoon</c> or <c>ok</c>; null for all.</param>
/// <param name="Sort"><c>due</c> (earliest due first, the default) or <c>received</c> (oldest dossier first).</param>
public sealed record InboxQuery(string? Scope = null, string? Procedure = null, string? Status = null, string? Sort = null, int Page = 1)
{
    public const string Mine = "mine";
    public const string Department = "department";
    public const string SortReceived = "received";

    public bool IsMine => string.Equals(Scope, Mine, StringComparison.OrdinalIgnoreCase);
}

/// <summary>How close a step or dossier is to its due time.</summary>
public static class DueStates
{
    public const string Overdue = "overdue";
    public const string DueSoon = "dueSoon";
    public const string Ok = "ok";
}

/// <summary>A page of the inbox.</summary>
public sealed record InboxPage(int Total, int Page, int PageSize, IReadOnlyList<InboxRowDto> Items, IReadOnlyList<ProcedureOption> Procedures);

/// <summary>A procedure that has open tasks in the inbox (for the filter).</summary>
public sealed record ProcedureOption(string Code, string Name);

/// <summary>One open step of a dossier waiting for the user or the user's department.</summary>
/// <param name="DueAt">The step's own due time, or the dossier's appointment when the step has none.</param>
/// <param name="RemainingHours">Working hours left until <paramref name="DueAt"/>; negative when overdue.</param>
/// <param name="State"><see cref="DueStates"/>.</param>
public sealed record InboxRowDto(
    string TaskId,
    string DossierCode,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    string? StepName,
    string ElementId,
    string? Department,
    string? Role,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    double RemainingHours,
    string State,
    string? ClaimedBy);

/// <summary>A task with its dossier, as the officer works on it.</summary>
/// <param name="CanComplete">True when the user may complete it now (open, the user's unit and role, not claimed by someone else).</param>
/// <param name="CanClaim">True when the user may claim it (open and not claimed).</param>
/// <param name="CanRelease">True when the user may release the claim (the claimer or the department head).</param>
/// <param name="AsksSupplement">True when one of the outcomes is a supplement request (the reason and documents are needed).</param>
public sealed record InboxTaskDto(
    string TaskId,
    string ElementId,
    string? StepName,
    string? Department,
    string? Role,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    double RemainingHours,
    string State,
    string? ClaimedBy,
    IReadOnlyList<string> Outcomes,
    bool CanComplete,
    bool CanClaim,
    bool CanRelease,
    bool AsksSupplement,
    DossierDto Dossier,
    IReadOnlyList<DossierEventDto> History,
    IReadOnlyList<OpenStepDto> OpenSteps,
    IReadOnlyList<DossierFileDto> Files,
    IReadOnlyList<TransferTarget> TransferTargets);

/// <summary>A department the step may be transferred to (<c>AGENCY/DEPT</c> and its name).</summary>
public sealed record TransferTarget(string Unit, string Name);

/// <summary>Transfer a step to another department of the agency, with the reason.</summary>
public sealed record TransferTaskRequest(string? Department, string? Comment);

/// <summary>A file attached to the dossier.</summary>
public sealed record DossierFileDto(Guid Id, string FileName, string ContentType, long Length, string Kind, DateTimeOffset AddedAt, string AddedBy);

/// <summary>What the officer decides on a step.</summary>
/// <param name="Outcome">One of the task's outcomes; empty when the task declares none.</param>
/// <param name="Comment">Why; required to send back ("Trả lại") or refuse ("Từ chối").</param>
/// <param name="SupplementReason">Why the citizen must supplement (with "Yêu cầu bổ sung").</param>
/// <param name="SupplementDocuments">The documents to supplement, one per item (with "Yêu cầu bổ sung").</param>
/// <param name="AttachmentsAreResult">The attached files are the result for the applicant (the citizen may download them); otherwise internal.</param>
public sealed record CompleteTaskRequest(string? Outcome, string? Comment, string? SupplementReason = null, IReadOnlyList<string>? SupplementDocuments = null,
    bool AttachmentsAreResult = false);

/// <summary>A file uploaded with a completion, not yet stored.</summary>
public sealed record IncomingFile(string FileName, string ContentType, long Length, Func<Stream> Open);

/// <summary>Dossiers and steps that are due within one working day, or overdue.</summary>
public sealed record LatenessReport(IReadOnlyList<LateDossierDto> Dossiers, IReadOnlyList<InboxRowDto> Steps);

/// <summary>An open dossier near or past its appointment.</summary>
public sealed record LateDossierDto(
    string Code,
    string ProcedureName,
    string ApplicantName,
    string LeadAgencyCode,
    int Status,
    string StatusName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt,
    double RemainingHours,
    string State);

/// <summary>Why an inbox command did not succeed; the API and the pages map it to a status and a message.</summary>
public enum InboxFailure
{
    None,
    /// <summary>No such task, or a task of a dossier the user cannot see (404, so codes cannot be probed).</summary>
    NotFound,
    /// <summary>The task belongs to another unit or role (403).</summary>
    Forbidden,
    /// <summary>The task is no longer open, or someone else holds it (409).</summary>
    Conflict,
    /// <summary>Field errors (400), keyed by JSON path.</summary>
    Invalid,
}

/// <summary>The result of an inbox command: a value, or a failure with its Vietnamese message and field errors.</summary>
public sealed record InboxResult<T>(T? Value, InboxFailure Failure = InboxFailure.None, string? Message = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Failure == InboxFailure.None;
}

/// <summary>Builds <see cref="InboxResult{T}"/> values.</summary>
public static class InboxResults
{
    public static InboxResult<T> Ok<T>(T value) => new(value);

    public static InboxResult<T> Fail<T>(InboxFailure failure, string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(default, failure, message, errors);
}

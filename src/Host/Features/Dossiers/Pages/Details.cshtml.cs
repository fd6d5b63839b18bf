using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Identity;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Persistence;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Dossiers.Pages;

/// <summary>
/// One dossier: what was handed in, where it is, its history and the notices issued; and the officers' lifecycle
/// actions on it — apology and new appointment (form 04) with the head's decision, stop (8, form 05 of 2025) and the
/// citizen's withdrawal (7). Each form is shown to whom the same role rules as <see cref="LifecycleService"/> allow;
/// the service stays the authority and its refusal is shown as it words it.
/// </summary>
[Authorize(Roles = "Admin,Reception,Specialist,DepartmentHead,AgencyLeader,Supervisor")]
public sealed class DetailsModel(OneStopDbContext db, CalendarService calendars, LifecycleService lifecycle, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>The forms of the page, as <see cref="ActiveForm"/> names them.</summary>
    public const string ApologyFormName = "apology", DecisionFormName = "decision", StopFormName = "stop", WithdrawFormName = "withdraw";

    /// <summary>Statuses in which the dossier is still being decided: the lifecycle actions apply (as in the service).</summary>
    private static readonly DossierStatus[] BeingDecided =
        [DossierStatus.Received, DossierStatus.InProgress, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment];

    /// <summary>The field keys each form shows errors beside (the service's <see cref="LifecycleProblem.Errors"/> keys).</summary>
    private static readonly Dictionary<string, string[]> FieldsOf = new(StringComparer.Ordinal)
    {
        [ApologyFormName] = ["reason", "newDueAt"],
        [DecisionFormName] = [],
        [StopFormName] = ["reason", "confirm"],
        [WithdrawFormName] = ["reason"],
    };

    public TimeZoneInfo Zone => calendars.Current.TimeZone;

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<DossierEvent> History { get; private set; } = [];

    public IReadOnlyList<IssuedNoticeDto> Notices { get; private set; } = [];

    public IReadOnlyList<OpenStepDto> OpenSteps { get; private set; } = [];

    public IReadOnlyList<SupplementRequest> Supplements { get; private set; } = [];

    public IReadOnlyList<Apology> Apologies { get; private set; } = [];

    /// <summary>The SMS and e-mail notices sent to the applicant (recipients masked).</summary>
    public IReadOnlyList<DeliveryDto> Deliveries { get; private set; } = [];

    /// <summary>The apology waiting for the head's decision, if any.</summary>
    public Apology? PendingApology { get; private set; }

    /// <summary>A specialist or head of a department that has or had a step of the open dossier, which has no apology yet.</summary>
    public bool CanDraftApology { get; private set; }

    /// <summary>The head of the drafting department or the leader of its agency, while an apology waits.</summary>
    public bool CanDecideApology { get; private set; }

    /// <summary>A head or leader of an involved agency, or an admin, while the dossier is open.</summary>
    public bool CanStop { get; private set; }

    /// <summary>The counter (reception, admin) while the dossier is open.</summary>
    public bool CanWithdraw { get; private set; }

    [BindProperty]
    public ApologyInput ApologyForm { get; set; } = new();

    [BindProperty]
    public ReasonInput StopForm { get; set; } = new();

    [BindProperty]
    public ReasonInput WithdrawForm { get; set; } = new();

    /// <summary>The optional note of a rejected apology.</summary>
    [BindProperty]
    public string? DecisionNote { get; set; }

    /// <summary>What the last action did (from TempData after its redirect): <c>apology-drafted</c>, <c>stopped</c>…</summary>
    [TempData(Key = "Act_Done")]
    public string? Done { get; set; }

    /// <summary>The form the failed post came from; its errors are shown beside its fields.</summary>
    public string? ActiveForm { get; private set; }

    /// <summary>The service's refusal (403/409) or errors that belong to no field: title and detail, Vietnamese.</summary>
    public (string Title, string Detail)? Problem { get; private set; }

    private Dictionary<string, string> errors = new(StringComparer.Ordinal);

    /// <summary>The error beside a field of a form, when the last post came from that form.</summary>
    public string? ErrorFor(string form, string key) => ActiveForm == form && errors.TryGetValue(key, out var message) ? message : null;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    /// <summary>Drafts the apology with the new appointment given in Vietnam's local date and time.</summary>
    public async Task<IActionResult> OnPostApologyAsync(string code, CancellationToken cancellationToken)
    {
        var (newDueAt, parseError) = NewDueAt(ApologyForm.Date, ApologyForm.Time);
        var result = await lifecycle.DraftApologyAsync(code, new ApologyRequest(ApologyForm.Reason, newDueAt), User, cancellationToken);
        return await AfterAsync(code, ApologyFormName, result, "apology-drafted", parseError, cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(string code, Guid apologyId, CancellationToken cancellationToken) =>
        await AfterAsync(code, DecisionFormName, await lifecycle.ApproveApologyAsync(code, apologyId, User, cancellationToken), "apology-approved",
            null, cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(string code, Guid apologyId, CancellationToken cancellationToken) =>
        await AfterAsync(code, DecisionFormName,
            await lifecycle.RejectApologyAsync(code, apologyId, new ApologyDecisionRequest(DecisionNote), User, cancellationToken), "apology-rejected",
            null, cancellationToken);

    /// <summary>Stops the processing (status 8) once the officer ticked the confirmation.</summary>
    public async Task<IActionResult> OnPostStopAsync(string code, CancellationToken cancellationToken)
    {
        if (!StopForm.Confirm)
        {
            // Nothing is sent before the confirmation; the reason is checked meanwhile so both errors show at once.
            if (!await LoadAsync(code, cancellationToken))
            {
                return NotFound();
            }

            ActiveForm = StopFormName;
            errors["confirm"] = text["Act_StopConfirmRequired"];
            if (string.IsNullOrWhiteSpace(StopForm.Reason))
            {
                errors["reason"] = text["Act_ReasonRequired"];
            }

            return Page();
        }

        return await AfterAsync(code, StopFormName, await lifecycle.StopAsync(code, new ReasonRequest(StopForm.Reason), User, cancellationToken),
            "stopped", null, cancellationToken);
    }

    /// <summary>The citizen withdraws the dossier at the counter (status 7).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string code, CancellationToken cancellationToken) =>
        await AfterAsync(code, WithdrawFormName, await lifecycle.WithdrawAsync(code, new ReasonRequest(WithdrawForm.Reason), User, cancellationToken),
            "withdrawn", null, cancellationToken);

    /// <summary>Success: back to the page with the confirmation. Refusal: the page again, errors beside the fields, typed values kept.</summary>
    private async Task<IActionResult> AfterAsync(string code, string form, LifecycleResult result, string done, string? newDueAtError,
        CancellationToken cancellationToken)
    {
        if (result.Problem is not { } problem)
        {
            Done = done;
            return RedirectToPage(new { code });
        }

        if (problem.Status == StatusCodes.Status404NotFound || !await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        ActiveForm = form;
        var fields = FieldsOf[form];
        var unplaced = new List<string>();
        foreach (var (key, messages) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            if (fields.Contains(key, StringComparer.Ordinal))
            {
                errors[key] = string.Join(" ", messages);
            }
            else
            {
                unplaced.AddRange(messages);
            }
        }

        if (newDueAtError is not null && errors.ContainsKey("newDueAt"))
        {
            // The date or time typed could not be read: say so rather than "enter a date".
            errors["newDueAt"] = newDueAtError;
        }

        if (problem.Errors is null)
        {
            Problem = (problem.Title, problem.Detail);
        }
        else if (unplaced.Count > 0)
        {
            Problem = (problem.Title, string.Join(" ", unplaced));
        }

        return Page();
    }

    /// <summary>The new appointment typed as a local date (<c>yyyy-MM-dd</c>) and time (<c>HH:mm</c>) in the calendar's time zone.</summary>
    private (DateTimeOffset? Value, string? Error) NewDueAt(string? date, string? time)
    {
        if (string.IsNullOrWhiteSpace(date) && string.IsNullOrWhiteSpace(time))
        {
            return (null, null);
        }

        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return (null, text["Act_NewDueAtInvalid"]);
        }

        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        return (new DateTimeOffset(local, Zone.GetUtcOffset(local)), null);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dossier is null || !DossierAccess.CanSee(User, dossier))
        {
            return false;
        }

        Dossier = dossier;
        History = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        Notices = await db.DossierNotices.AsNoTracking().Where(n => n.DossierId == dossier.Id).OrderBy(n => n.IssuedAt)
            .Select(n => new IssuedNoticeDto(n.Id, n.TemplateCode, n.Title, n.IssuedAt, n.IssuedBy)).ToListAsync(cancellationToken);
        OpenSteps = await DossiersApi.OpenStepsAsync(db, dossier.Code, cancellationToken);
        Supplements = await db.DossierSupplements.AsNoTracking().Where(s => s.DossierId == dossier.Id).OrderBy(s => s.RequestedAt).ToListAsync(cancellationToken);
        Deliveries = [.. (await db.OutboxMessages.AsNoTracking().Where(m => m.DossierId == dossier.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken)).Select(DeliveryDto.From)];
        Apologies = [.. (await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == dossier.Id).ToListAsync(cancellationToken))
            .OrderBy(a => a.DraftedAt)];
        PendingApology = Apologies.FirstOrDefault(a => a.State == ApologyState.Drafted);
        await DecideActionsAsync(dossier, cancellationToken);
        return true;
    }

    /// <summary>Which forms to show: the same role and unit rules <see cref="LifecycleService"/> enforces.</summary>
    private async Task DecideActionsAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var open = BeingDecided.Contains(dossier.Status);
        var unit = DossierAccess.UnitOf(User);
        var agency = DossierAccess.AgencyOf(User);
        var isHead = User.IsInRole(Roles.DepartmentHead);
        var isLeader = User.IsInRole(Roles.AgencyLeader);

        if (open && (User.IsInRole(Roles.Specialist) || isHead) && unit is not null
            && !Apologies.Any(a => a.State is ApologyState.Drafted or ApologyState.Approved))
        {
            CanDraftApology = await db.UserTasks.AsNoTracking().AnyAsync(t => t.BusinessKey == dossier.Code && t.Department == unit, cancellationToken);
        }

        CanDecideApology = open && PendingApology is { } pending
            && ((isHead && unit == pending.Unit) || (isLeader && agency == pending.Unit.Split('/')[0]));
        CanStop = open && (User.IsInRole(Roles.Admin) || ((isHead || isLeader) && agency is not null && dossier.Involves(agency)));
        CanWithdraw = open && (User.IsInRole(Roles.Reception) || User.IsInRole(Roles.Admin));
    }

    /// <summary>The apology form: reason, and the new appointment as a local date and time.</summary>
    public sealed class ApologyInput
    {
        public string? Reason { get; set; }

        /// <summary><c>yyyy-MM-dd</c>, as an HTML date input sends it.</summary>
        public string? Date { get; set; }

        /// <summary><c>HH:mm</c>, as an HTML time input sends it.</summary>
        public string? Time { get; set; }
    }

    /// <summary>The stop and withdrawal forms: a reason, and for the stop the officer's confirmation.</summary>
    public sealed class ReasonInput
    {
        public string? Reason { get; set; }

        public bool Confirm { get; set; }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Reception;

/// <summary>
/// A dossier at the counter: code with its QR, status, appointment, applicant, documents, history and issued notices
/// (printable), and the counter's own workflow steps (forward to the lead agency, resolve on the spot).
/// </summary>
[Authorize(Roles = ReceptionAccess.Roles, AuthenticationSchemes = ReceptionAccess.Scheme)]
public sealed class ReceptionDossierModel(OneStopDbContext db, WorkflowEngine engine, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>What the last action did, from its redirect (<c>forwarded</c>, <c>completed</c>…).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public bool ResolvedOnTheSpot { get; private set; }

    public IReadOnlyList<DossierEvent> History { get; private set; } = [];

    public IReadOnlyList<IssuedNoticeDto> Notices { get; private set; } = [];

    /// <summary>Open steps of the counter (role Reception); other departments' steps are shown, not acted on.</summary>
    public IReadOnlyList<OpenStepDto> CounterSteps { get; private set; } = [];

    public IReadOnlyList<OpenStepDto> OtherSteps { get; private set; } = [];

    /// <summary>Why the last action failed.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Completes one of the counter's open steps (e.g. "Tiếp nhận hồ sơ, chuyển cơ quan chủ trì") with an optional outcome.</summary>
    public async Task<IActionResult> OnPostCompleteStepAsync(string taskId, string? outcome, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var step = CounterSteps.FirstOrDefault(s => s.TaskId == taskId);
        if (step is null)
        {
            Problem = text["Rcp_StepNotOpen"];
            return Page();
        }

        if (!string.IsNullOrEmpty(outcome) && !step.Outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            Problem = text["Rcp_UnknownOutcome", outcome];
            return Page();
        }

        var userName = Officer.Of(User).UserName;
        try
        {
            using var _ = DossierCommand.Begin(new DossierCommand(userName));
            await engine.CompleteUserTaskAsync(taskId, new CompleteUserTaskRequest { User = userName, Outcome = string.IsNullOrEmpty(outcome) ? null : outcome },
                cancellationToken);
        }
        catch (Exception ex) when (ex is TaskNotOpenException or ConcurrencyConflictException or DbUpdateConcurrencyException)
        {
            // Someone else acted on the dossier first: show it as it is now.
            await LoadAsync(cancellationToken);
            Problem = text["Rcp_ChangedMeanwhile"];
            return Page();
        }

        return RedirectToPage(new { code = Code, done = Dossier.Status == DossierStatus.Received && step.Outcomes.Count == 0 ? "forwarded" : "completed" });
    }

    /// <summary>Hands the result over (status 9 → 10) through <see cref="LifecycleService"/>, which also completes the counter's return step.</summary>
    public async Task<IActionResult> OnPostReturnAsync([FromServices] LifecycleService lifecycle, ResultDelivery? delivery, string? note,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var result = await lifecycle.ReturnResultAsync(Code, new ReturnResultRequest(delivery, note), User, cancellationToken);
        return await AfterLifecycleAsync(result, "returned", cancellationToken);
    }

    /// <summary>The citizen brought the documents asked for (status 5): the flow resumes.</summary>
    public async Task<IActionResult> OnPostSupplementReceivedAsync([FromServices] LifecycleService lifecycle, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var result = await lifecycle.ReceiveSupplementAsync(Code, new SupplementReceivedRequest(note), User, cancellationToken);
        return await AfterLifecycleAsync(result, "supplemented", cancellationToken);
    }

    private async Task<IActionResult> AfterLifecycleAsync(LifecycleResult result, string done, CancellationToken cancellationToken)
    {
        if (result.Problem is not { } problem)
        {
            return RedirectToPage(new { code = Code, done });
        }

        if (problem.Status == StatusCodes.Status404NotFound || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Problem = string.Join(" ", new[] { problem.Detail }.Concat(problem.Errors?.SelectMany(e => e.Value) ?? []));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var dossier = await DossiersApi.FindVisibleAsync(db, HttpContext, Code, cancellationToken);
        if (dossier is null)
        {
            return false;
        }

        Dossier = dossier;
        ResolvedOnTheSpot = await db.CatalogueProcedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.ResolvedOnTheSpot)
            .FirstOrDefaultAsync(cancellationToken);
        History = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        Notices = await db.DossierNotices.AsNoTracking().Where(n => n.DossierId == dossier.Id).OrderBy(n => n.IssuedAt)
            .Select(n => new IssuedNoticeDto(n.Id, n.TemplateCode, n.Title, n.IssuedAt, n.IssuedBy)).ToListAsync(cancellationToken);
        var steps = await DossiersApi.OpenStepsAsync(db, dossier.Code, cancellationToken);
        CounterSteps = [.. steps.Where(s => s.Role == Roles.Reception)];
        OtherSteps = [.. steps.Where(s => s.Role != Roles.Reception)];
        return true;
    }
}

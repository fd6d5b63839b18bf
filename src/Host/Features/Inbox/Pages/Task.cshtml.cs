using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue.Pages;

namespace OneStop.Host.Features.Inbox.Pages;

/// <summary>
/// <c>/inbox/{taskId}</c>: the dossier, its history and the decision on the step (outcome, comment, attachments, the
/// supplement request). Errors are shown beside their fields under the API's keys, with what was typed kept.
/// </summary>
[Authorize(Roles = "Specialist,DepartmentHead,AgencyLeader,Reception", AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
[RequestSizeLimit(100 * 1024 * 1024)]
public sealed class InboxTaskModel(InboxService inbox) : PageModel
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? SupplementReason { get; set; }

    /// <summary>The documents to supplement, one per line.</summary>
    [BindProperty]
    public string? SupplementDocuments { get; set; }

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    /// <summary>The attachments are the result the applicant receives (downloadable on "my dossiers").</summary>
    [BindProperty]
    public bool AttachmentsAreResult { get; set; }

    /// <summary>The department (<c>AGENCY/DEPT</c>) to transfer the step to.</summary>
    [BindProperty]
    public string? TransferDepartment { get; set; }

    [BindProperty]
    public string? TransferComment { get; set; }

    /// <summary>Errors of the transfer form (its own keys, so they never show beside the decision form's fields).</summary>
    public IReadOnlyDictionary<string, string[]> TransferErrors { get; private set; } = new Dictionary<string, string[]>();

    public InboxTaskDto Task { get; private set; } = null!;

    /// <summary>Why the last command failed as a whole (conflict, not allowed).</summary>
    public string? Problem { get; private set; }

    public bool HasErrors => errors.Count > 0;

    /// <summary>The messages for a field (the API's JSON key; attachments match any <c>attachments[i]</c>).</summary>
    public IEnumerable<string> ErrorsFor(string key) =>
        errors.Where(e => e.Key == key || e.Key.StartsWith(key + "[", StringComparison.Ordinal)).SelectMany(e => e.Value);

    public Task<IActionResult> OnGetAsync(string taskId, CancellationToken cancellationToken) => ShowAsync(taskId, cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(string taskId, CancellationToken cancellationToken)
    {
        var request = new CompleteTaskRequest(Outcome, Comment, SupplementReason, SupplementDocuments is null ? null : [SupplementDocuments],
            AttachmentsAreResult);
        var files = Attachments.Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var result = await inbox.CompleteAsync(User, taskId, request, files, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("./Index", new { done = result.Value!.DossierCode });
        }

        if (result.Failure == InboxFailure.Invalid)
        {
            errors = result.Errors ?? new Dictionary<string, string[]>();
        }
        else
        {
            Problem = result.Message;
        }

        return await ShowAsync(taskId, cancellationToken);
    }

    public async Task<IActionResult> OnPostTransferAsync(string taskId, CancellationToken cancellationToken)
    {
        var result = await inbox.TransferAsync(User, taskId, new TransferTaskRequest(TransferDepartment, TransferComment), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("./Index", new { transferred = "1" });
        }

        if (result.Failure == InboxFailure.Invalid)
        {
            TransferErrors = result.Errors ?? new Dictionary<string, string[]>();
        }
        else
        {
            Problem = result.Message;
        }

        return await ShowAsync(taskId, cancellationToken);
    }

    public async Task<IActionResult> OnPostClaimAsync(string taskId, CancellationToken cancellationToken)
    {
        var result = await inbox.ClaimAsync(User, taskId, cancellationToken);
        Problem = result.Message;
        return result.Succeeded ? RedirectToPage("./Task", new { taskId }) : await ShowAsync(taskId, cancellationToken);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string taskId, CancellationToken cancellationToken)
    {
        var result = await inbox.ReleaseAsync(User, taskId, cancellationToken);
        Problem = result.Message;
        return result.Succeeded ? RedirectToPage("./Task", new { taskId }) : await ShowAsync(taskId, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string taskId, CancellationToken cancellationToken)
    {
        var result = await inbox.GetAsync(User, taskId, cancellationToken);
        switch (result.Failure)
        {
            case InboxFailure.NotFound:
                return NotFound();
            case InboxFailure.Forbidden:
                return Forbid();
        }

        Task = result.Value!;
        return Page();
    }
}

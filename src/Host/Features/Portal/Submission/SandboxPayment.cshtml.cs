using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>The sandbox payment page ("Thanh toán thử nghiệm"): Pay or Cancel, no money moves.</summary>
[Authorize(Roles = PortalAccess.CitizenRole, AuthenticationSchemes = PortalAccess.Scheme)]
public sealed class SandboxPaymentModel(OnlineSubmissionService submissions, IPaymentProvider payments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public Dossier Dossier { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPayAsync(CancellationToken cancellationToken) => CompleteAsync(SandboxPaymentProvider.Paid, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) => CompleteAsync("cancel", cancellationToken);

    private async Task<IActionResult> CompleteAsync(string result, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var outcome = await submissions.CompletePaymentAsync(Code, new Dictionary<string, string> { [SandboxPaymentProvider.ResultKey] = result }, User,
            cancellationToken);
        if (!outcome.Succeeded)
        {
            Problem = string.Join(" ", outcome.Errors.SelectMany(e => e.Value));
            return Page();
        }

        return RedirectToPage("Submitted", new { code = Code });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Only the sandbox provider has this page.
        if (payments is not SandboxPaymentProvider || await submissions.OwnedAsync(Code, User, cancellationToken) is not { } dossier)
        {
            return false;
        }

        Dossier = dossier;
        return true;
    }
}

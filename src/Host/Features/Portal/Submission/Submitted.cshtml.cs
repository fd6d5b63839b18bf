using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>The confirmation after an online submission: the dossier's code, and what happens next.</summary>
[Authorize(Roles = PortalAccess.CitizenRole, AuthenticationSchemes = PortalAccess.Scheme)]
public sealed class SubmittedModel(OnlineSubmissionService submissions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public Dossier Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await submissions.OwnedAsync(Code, User, cancellationToken) is not { } dossier)
        {
            return NotFound();
        }

        Dossier = dossier;
        return Page();
    }
}

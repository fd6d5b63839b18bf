using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Host.Features.Portal.Account;

/// <summary>
/// <c>/quen-mat-khau</c>: a reset code goes to the account's e-mail (or phone). The answer is the same page whether an
/// account exists or not, so the form tells no one which addresses are registered.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(CitizenCodes codes) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Ptl_IdentifierRequired")]
    [StringLength(256)]
    public string Identifier { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await codes.FindAsync(Identifier) is { } user)
        {
            await codes.SendResetAsync(user, cancellationToken);
        }

        return Redirect($"/dat-lai-mat-khau?id={Uri.EscapeDataString(Identifier.Trim())}");
    }
}

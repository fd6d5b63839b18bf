using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Portal.Account;

/// <summary>
/// <c>/dat-lai-mat-khau</c>: the code from the e-mail (or SMS) and a new password. The code proves the address, so a
/// still unconfirmed account becomes confirmed too. Changing the password renews the security stamp: the code and
/// the old password stop working.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(
    UserManager<ApplicationUser> users,
    CitizenCodes codes,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> text,
    ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public IEnumerable<string> PasswordRules => IdentityMessages.PasswordRules(identity.Value.Password, text);

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Ptl_IdentifierRequired")]
        [StringLength(256)]
        public string Identifier { get; set; } = "";

        [Required(ErrorMessage = "Ptl_CodeRequired")]
        [StringLength(10)]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "PasswordRequired")]
        [StringLength(256)]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "Ptl_PasswordMismatch")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? id) => Input.Identifier = id ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await codes.FindAsync(Input.Identifier);
        if (user is null || !await codes.VerifyAsync(user, CitizenCodes.ResetPurpose, Input.Code))
        {
            Error = text["Ptl_CodeWrong"];
            return Page();
        }

        // The e-mail code was checked above; Identity's own reset token only carries it into ResetPasswordAsync.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Input.Password);
        if (!reset.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, reset.Errors, text, "Input.Password", "Input.Identifier");
            return Page();
        }

        if (!user.EmailConfirmed && !user.PhoneNumberConfirmed)
        {
            await codes.ConfirmContactAsync(user);
        }

        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Password of account {UserId} reset with a code", user.Id);
        return Redirect($"/dang-nhap?reset=true&id={Uri.EscapeDataString(Input.Identifier.Trim())}");
    }
}

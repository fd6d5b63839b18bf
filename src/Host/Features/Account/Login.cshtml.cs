using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Portal.Account;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Account;

/// <summary>
/// Cookie sign-in for staff and citizens (also at <c>/dang-nhap</c>), by user name, e-mail or mobile number. Every failure,
/// locked-out included, shows the same text — except a citizen whose password is right but whose account awaits
/// confirmation: told so only after the password was checked, so it reveals nothing to someone who does not know it.
/// </summary>
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> text,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Arrived from the confirmation page: the account can sign in now.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Confirmed { get; set; }

    /// <summary>Arrived from <c>/dat-lai-mat-khau</c> after the password was changed.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

    /// <summary>The password is right but the citizen account is not confirmed yet: the page offers the confirmation form.</summary>
    public bool NeedsConfirmation { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "UserNameRequired")]
        [StringLength(256)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "PasswordRequired")]
        [StringLength(256)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet(string? id) => Input.UserName = id ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = Input.UserName.Trim();
        var user = await users.FindByNameAsync(name)
            ?? await users.FindByEmailAsync(name)
            ?? (CitizenCodes.NormalizePhone(name) is { Length: 10 } phone ? await users.FindByNameAsync(phone) : null);
        if (user is not null)
        {
            if (!await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user))
            {
                if (await users.CheckPasswordAsync(user, Input.Password))
                {
                    NeedsConfirmation = true;
                    Error = text["Ptl_NotConfirmed"];
                    return Page();
                }

                await users.AccessFailedAsync(user);
            }
            else
            {
                var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
                if (result.Succeeded)
                {
                    return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
                }

                if (result.IsLockedOut)
                {
                    logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
                }
            }
        }

        Error = text["SignInFailed"];
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Account;

/// <summary>Cookie sign-in for staff and citizens. Every failure, locked-out included, shows the same text.</summary>
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName) ?? await users.FindByEmailAsync(Input.UserName);
        if (user is not null)
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

        Error = text["SignInFailed"];
        return Page();
    }
}

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
/// <c>/dang-ky</c>: a citizen opens an account with an e-mail address or a mobile number (or both) and a password. The
/// user name is the phone when given (phone first), else the e-mail, so either works at sign-in. The account stays
/// unconfirmed until the code sent to it comes back on <c>/dang-ky/xac-nhan</c>.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<ApplicationUser> users,
    CitizenCodes codes,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> text,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IEnumerable<string> PasswordRules => IdentityMessages.PasswordRules(identity.Value.Password, text);

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Ptl_FullNameRequired")]
        [StringLength(200, ErrorMessage = "Ptl_FullNameTooLong")]
        public string FullName { get; set; } = "";

        [EmailAddress(ErrorMessage = "Ptl_EmailInvalid")]
        [StringLength(256)]
        public string? Email { get; set; }

        [StringLength(20)]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "PasswordRequired")]
        [StringLength(256)]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "Ptl_PasswordMismatch")]
        public string ConfirmPassword { get; set; } = "";

        public bool AcceptTerms { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        var phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : CitizenCodes.NormalizePhone(Input.Phone);
        if (email is null && phone is null)
        {
            ModelState.AddModelError("Input.Email", text["Ptl_EmailOrPhoneRequired"]);
        }

        if (phone is not null && !CitizenCodes.MobilePattern().IsMatch(phone))
        {
            ModelState.AddModelError("Input.Phone", text["Ptl_PhoneInvalid"]);
        }

        if (!Input.AcceptTerms)
        {
            ModelState.AddModelError("Input.AcceptTerms", text["Ptl_TermsRequired"]);
        }

        if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", text["Ptl_EmailTaken"]);
        }

        if (phone is not null && await users.FindByNameAsync(phone) is not null)
        {
            ModelState.AddModelError("Input.Phone", text["Ptl_PhoneTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new ApplicationUser
        {
            UserName = phone ?? email,
            FullName = Input.FullName.Trim(),
            Email = email,
            PhoneNumber = phone,
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, created.Errors, text, "Input.Password", phone is null ? "Input.Email" : "Input.Phone");
            return Page();
        }

        var role = await users.AddToRoleAsync(user, Roles.Citizen);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"Role Citizen not given to the new account: {string.Join("; ", role.Errors.Select(e => e.Code))}");
        }

        logger.LogInformation("Citizen account {UserId} registered", user.Id);
        var sent = await codes.SendConfirmationAsync(user, cancellationToken);
        return RedirectToPage("./Confirm", new { id = email ?? phone, sent });
    }
}

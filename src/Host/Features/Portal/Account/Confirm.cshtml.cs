using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace OneStop.Host.Features.Portal.Account;

/// <summary><c>/dang-ky/xac-nhan</c>: the 6-digit code confirms the e-mail (or the phone) the code was sent to.</summary>
[AllowAnonymous]
public sealed class ConfirmModel(CitizenCodes codes, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ConfirmInput Input { get; set; } = new();

    /// <summary>False when the code could not be sent (no channel configured): the citizen confirms at the counter.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; } = true;

    public bool Resent { get; private set; }

    public string? Error { get; private set; }

    public sealed class ConfirmInput
    {
        [Required(ErrorMessage = "Ptl_IdentifierRequired")]
        [StringLength(256)]
        public string Identifier { get; set; } = "";

        [Required(ErrorMessage = "Ptl_CodeRequired")]
        [StringLength(10)]
        public string Code { get; set; } = "";
    }

    public void OnGet(string? id) => Input.Identifier = id ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await codes.FindAsync(Input.Identifier);
        if (user is null || !await codes.VerifyAsync(user, CitizenCodes.ConfirmPurpose, Input.Code))
        {
            Error = text["Ptl_CodeWrong"];
            return Page();
        }

        await codes.ConfirmContactAsync(user);

        return Redirect($"/dang-nhap?confirmed=true&id={Uri.EscapeDataString(Input.Identifier.Trim())}");
    }

    /// <summary>A new code for an unconfirmed account; the same answer for any other identifier.</summary>
    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove("Input.Code");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await codes.FindAsync(Input.Identifier) is { EmailConfirmed: false, PhoneNumberConfirmed: false } user)
        {
            Sent = await codes.SendConfirmationAsync(user, cancellationToken);
        }

        Resent = true;
        return Page();
    }
}

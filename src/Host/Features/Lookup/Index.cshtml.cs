using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace OneStop.Host.Features.Lookup;

/// <summary>
/// <c>/tra-cuu</c>: the citizen types the code from the receipt (or scans its QR code or barcode) and sees where the
/// dossier is. A GET form, so it works without JavaScript and the result can be bookmarked; a miss answers 404 with one
/// text for unknown and malformed codes alike.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(LookupRateLimiterPolicy.Name)]
public sealed class IndexModel(LookupQuery lookup) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public DossierLookup? Result { get; private set; }

    /// <summary>True when a code was given and nothing was found.</summary>
    public bool Missed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        Result = await lookup.FindAsync(Code, cancellationToken);
        Missed = Result is null;
        if (Missed)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}

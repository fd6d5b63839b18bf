using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue.Pages;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notifications.Pages;

/// <summary>Deliveries given up (attempts exhausted or a template error), with "resend" for an admin.</summary>
[Authorize(Roles = Roles.Admin, AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed class FailedDeliveriesModel(OneStopDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<DeliveryDto> Rows { get; private set; } = [];

    /// <summary>True after a resend, to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Resent { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = [.. (await NotificationsApi.FailedRowsAsync(db, 200, cancellationToken)).Select(DeliveryDto.From)];

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        await NotificationsApi.ResendFailedAsync(db, id, time.GetUtcNow(), cancellationToken);
        return RedirectToPage(new { resent = true });
    }
}

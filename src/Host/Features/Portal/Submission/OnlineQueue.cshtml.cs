using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>The centre's queue "Hồ sơ trực tuyến chờ tiếp nhận": online dossiers at status 1 (paid when payment is required), oldest first.</summary>
[Authorize(Roles = PortalAccess.ReceptionRoles, AuthenticationSchemes = PortalAccess.Scheme)]
public sealed class OnlineQueueModel(OneStopDbContext db) : PageModel
{
    private const int MaxRows = 200;

    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dossiers = await AwaitingReception(db.Dossiers).AsNoTracking().OrderBy(d => d.ReceivedAt).Take(MaxRows).ToListAsync(cancellationToken);

    /// <summary>Online dossiers the centre has to accept or refuse.</summary>
    public static IQueryable<Dossier> AwaitingReception(IQueryable<Dossier> dossiers) =>
        dossiers.Where(d => d.Status == DossierStatus.Registered && d.Channel == DossierChannel.Online && d.Payment != OnlinePayment.Pending);
}

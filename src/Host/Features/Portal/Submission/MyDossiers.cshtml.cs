using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>"Hồ sơ của tôi": the dossiers the signed-in citizen submitted online, newest first.</summary>
[Authorize(Roles = PortalAccess.CitizenRole, AuthenticationSchemes = PortalAccess.Scheme)]
public sealed class MyDossiersModel(OneStopDbContext db) : PageModel
{
    private const int MaxRows = 200;

    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var owner = OnlineSubmissionService.CitizenId(User);
        Dossiers = owner is null ? [] : await db.Dossiers.AsNoTracking().Where(d => d.OwnerUserId == owner)
            .OrderByDescending(d => d.ReceivedAt).Take(MaxRows).ToListAsync(cancellationToken);
    }
}

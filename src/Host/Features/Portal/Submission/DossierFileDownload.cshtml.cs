using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Inbox;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>
/// Downloads a dossier's file for whoever may see the dossier: staff by <see cref="DossierAccess"/>, a citizen only
/// the files of <see cref="PortalAccess.CitizenFiles"/> of the dossiers the account submitted. Anything else is "not found".
/// </summary>
[Authorize(AuthenticationSchemes = PortalAccess.Scheme)]
public sealed class DossierFileDownloadModel(OneStopDbContext db, DossierFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await db.DossierFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        var dossier = file is null ? null : await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == file.DossierId, cancellationToken);
        var visible = dossier is not null && (DossierAccess.CanSee(User, dossier)
            || (LifecycleService.IsOwner(User, dossier) && await db.DossierFiles.Where(f => f.Id == id).AnyAsync(PortalAccess.CitizenFiles(Officer.Of(User).UserName), cancellationToken)));
        if (file is null || !visible)
        {
            return NotFound();
        }

        var content = store.Open(file.Sha256);
        return content is null ? NotFound() : File(content, file.ContentType, file.FileName);
    }
}

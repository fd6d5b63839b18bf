using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;

using OneStop.Host.Features.Portal.Submission;

namespace OneStop.Host.Features.Portal.Catalogue;

/// <summary><c>/thu-tuc/{id}</c>: one procedure in force, as a citizen prepares the dossier from it.</summary>
[AllowAnonymous]
public sealed class DetailModel(OneStopDbContext db, TimeProvider time, Uploads uploads) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    public Uploads Uploads => uploads;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var procedure = await PortalCatalogueQuery.InForce(db, time)
            .Include(p => p.Documents).Include(p => p.CooperatingAgencies)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        Procedure = procedure;
        return Page();
    }

    /// <summary>Where the "Nộp trực tuyến" button goes; none for procedures only received at the counter.</summary>
    public string? SubmitUrl => Procedure.OnlineLevel == OnlineLevel.None ? null : $"/nop-ho-so?procedure={Procedure.Id}";
}

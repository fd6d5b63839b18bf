using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Dossiers.Pages;

/// <summary>One dossier, read-only: what was handed in, where it is, its history and the notices issued.</summary>
[Authorize(Roles = "Admin,Reception,Specialist,DepartmentHead,AgencyLeader,Supervisor")]
public sealed class DetailsModel(OneStopDbContext db, CalendarService calendars) : PageModel
{
    public TimeZoneInfo Zone => calendars.Current.TimeZone;

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<DossierEvent> History { get; private set; } = [];

    public IReadOnlyList<IssuedNoticeDto> Notices { get; private set; } = [];

    public IReadOnlyList<OpenStepDto> OpenSteps { get; private set; } = [];

    public IReadOnlyList<SupplementRequest> Supplements { get; private set; } = [];

    public IReadOnlyList<Apology> Apologies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (dossier is null || !DossierAccess.CanSee(User, dossier))
        {
            return NotFound();
        }

        Dossier = dossier;
        History = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        Notices = await db.DossierNotices.AsNoTracking().Where(n => n.DossierId == dossier.Id).OrderBy(n => n.IssuedAt)
            .Select(n => new IssuedNoticeDto(n.Id, n.TemplateCode, n.Title, n.IssuedAt, n.IssuedBy)).ToListAsync(cancellationToken);
        OpenSteps = await DossiersApi.OpenStepsAsync(db, dossier.Code, cancellationToken);
        Supplements = await db.DossierSupplements.AsNoTracking().Where(s => s.DossierId == dossier.Id).OrderBy(s => s.RequestedAt).ToListAsync(cancellationToken);
        Apologies = await db.DossierApologies.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.DraftedAt).ToListAsync(cancellationToken);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Dossiers.Pages;

/// <summary>Dossiers the officer may see, searchable by code, applicant or procedure, filterable by status.</summary>
[Authorize(Roles = "Admin,Reception,Specialist,DepartmentHead,AgencyLeader,Supervisor")]
public sealed class IndexModel(OneStopDbContext db, CalendarService calendars) : PageModel
{
    public TimeZoneInfo Zone => calendars.Current.TimeZone;

    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Dossier> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = DossierAccess.Visible(db.Dossiers.AsNoTracking(), User);
        if (Status is { } status)
        {
            query = query.Where(d => (int)d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(d => d.Code.Contains(text) || d.Applicant.Name.Contains(text) || d.ProcedureName.Contains(text) || d.ProcedureCode.Contains(text));
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = await query.OrderByDescending(d => d.ReceivedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}

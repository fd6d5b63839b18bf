using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Reception;

/// <summary>
/// The counter's home: find a procedure (the catalogue's search, diacritics optional) to receive a dossier, and the
/// day's work — dossiers received today, results ready to return (status 9), dossiers awaiting a supplement (status 5).
/// </summary>
[Authorize(Roles = ReceptionAccess.Roles, AuthenticationSchemes = ReceptionAccess.Scheme)]
public sealed class ReceptionHomeModel(OneStopDbContext db, CalendarService calendars, TimeProvider time) : PageModel
{
    private const int MaxProcedures = 20;
    private const int MaxRows = 100;

    /// <summary>Procedure name (with or without diacritics) or code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ProcedureRow> Procedures { get; private set; } = [];

    public IReadOnlyList<DossierRow> ReceivedToday { get; private set; } = [];

    public IReadOnlyList<DossierRow> AwaitingReturn { get; private set; } = [];

    public IReadOnlyList<DossierRow> AwaitingSupplement { get; private set; } = [];

    public sealed record ProcedureRow(Guid Id, string LocalCode, string Name, string LeadAgencyName, bool ResolvedOnTheSpot);

    public sealed record DossierRow(string Code, string ProcedureName, string ApplicantName, DossierStatus Status, DateTimeOffset AppointmentAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var zone = calendars.Current.TimeZone;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Procedures = await db.CatalogueProcedures.AsNoTracking().Matching(Q, field: null, agency: null, effectiveOn: today)
                .OrderBy(p => p.Name).Take(MaxProcedures)
                .Select(p => new ProcedureRow(p.Id, p.LocalCode, p.Name, p.LeadAgency!.Name, p.ResolvedOnTheSpot))
                .ToListAsync(cancellationToken);
        }

        var midnight = today.ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        ReceivedToday = await RowsAsync(db.Dossiers.Where(d => d.ReceivedAt >= start), cancellationToken);
        AwaitingReturn = await RowsAsync(db.Dossiers.Where(d => d.Status == DossierStatus.ResultReady), cancellationToken);
        AwaitingSupplement = await RowsAsync(db.Dossiers.Where(d => d.Status == DossierStatus.SupplementRequested), cancellationToken);
    }

    private static async Task<IReadOnlyList<DossierRow>> RowsAsync(IQueryable<Dossier> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().OrderByDescending(d => d.ReceivedAt).Take(MaxRows).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DossierRow(d.Code, d.ProcedureName, d.Applicant.Name, d.Status, d.AppointmentAt))];
    }
}

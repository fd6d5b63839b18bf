using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Catalogue;

/// <summary><c>/thu-tuc</c>: the public catalogue, searched by name (diacritics optional) or code, field and agency.</summary>
[AllowAnonymous]
public sealed class IndexModel(OneStopDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    /// <summary>Agency code, lead or cooperating.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    // "page" is a route value of Razor Pages, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Procedure> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<CodeName> Fields { get; private set; } = [];

    public IReadOnlyList<CodeName> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Fields = await db.CatalogueFields.AsNoTracking().OrderBy(f => f.Name).Select(f => new CodeName(f.Code, f.Name)).ToListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => db.CatalogueProcedures.Any(p => p.LeadAgencyId == a.Id))
            .OrderBy(a => a.Name).Select(a => new CodeName(a.Code, a.Name)).ToListAsync(cancellationToken);
        var query = PortalCatalogueQuery.InForce(db, time, Q, Field, Agency);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderBy(p => p.Name).Skip((PageNumber - 1) * PageSize).Take(PageSize).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The query string with another page number, filters kept.</summary>
    public Dictionary<string, string> RouteFor(int page) => CatalogueSearch.PageRoute(page, Q, Field, Agency);
}

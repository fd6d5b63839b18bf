using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Catalogue.Pages;

/// <summary>
/// The catalogue for admins: search (the API's), paged table, export and import of the catalogue file. Export and
/// import run <see cref="CatalogueImport"/> on the signed-in session, since the API's endpoints take bearer tokens only.
/// </summary>
[Authorize(Roles = Roles.Admin, AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed class CatalogueAdminModel(OneStopDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Name (with or without diacritics) or code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    /// <summary>Code of the lead agency.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    // "page" is a route value of Razor Pages, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Local code of the procedure just saved, from the edit page's redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<CodeName> Fields { get; private set; } = [];

    public IReadOnlyList<CodeName> Agencies { get; private set; } = [];

    /// <summary>What the last import did (created and updated, or the rejected rows).</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>Why the uploaded file could not be read at all.</summary>
    public string? ImportProblem { get; private set; }

    public sealed record Row(
        Guid Id, string NationalCode, string LocalCode, string Name, string FieldName, string LeadAgencyName,
        DurationDto Duration, OnlineLevel OnlineLevel, string? WorkflowKey);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The whole catalogue as the import reads it: <c>?handler=export&amp;format=csv|xlsx</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken) =>
        (await CatalogueImport.ExportAsync(db, cancellationToken, format ?? "csv")).Result switch
        {
            FileContentHttpResult file => File(file.FileContents.ToArray(), file.ContentType, file.FileDownloadName),
            _ => BadRequest(),
        };

    /// <summary>Imports a CSV or XLSX file: every row or none; a rejected file gives its row-by-row report.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ImportProblem = text["Cat_ImportChooseFile"];
        }
        else
        {
            switch ((await CatalogueImport.ImportAsync(file, db, cancellationToken)).Result)
            {
                case Ok<ImportReport> done:
                    Report = done.Value;
                    break;
                case UnprocessableEntity<ImportReport> rejected:
                    Report = rejected.Value;
                    break;
                case ProblemHttpResult problem:
                    ImportProblem = problem.ProblemDetails.Detail;
                    break;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The list's query string with the page number changed (filters kept).</summary>
    public Dictionary<string, string> RouteFor(int page) => CatalogueSearch.PageRoute(page, Q, Field, Agency);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Fields = await db.CatalogueFields.AsNoTracking().OrderBy(f => f.Code).Select(f => new CodeName(f.Code, f.Name)).ToListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new CodeName(a.Code, a.Name)).ToListAsync(cancellationToken);
        var query = db.CatalogueProcedures.AsNoTracking().Matching(Q, Field, Agency, leadOnly: true);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.OrderBy(p => p.LocalCode).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.NationalCode, p.LocalCode, p.Name, p.Field!.Name, p.LeadAgency!.Name,
                new DurationDto(p.Duration.Value, p.Duration.Unit, p.Duration.SecondStage, p.Duration.RemoteArea), p.OnlineLevel, p.WorkflowKey))
            .ToListAsync(cancellationToken);
    }
}

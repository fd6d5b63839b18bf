using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Notices;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Catalogue.Pages;

/// <summary>
/// Creates (<c>/catalogue/admin/new</c>) or edits (<c>/catalogue/admin/{id}</c>) a procedure. Checks are
/// <see cref="CatalogueRules"/>', as in the API; each error is shown beside its input under the API's key.
/// </summary>
[Authorize(Roles = Roles.Admin, AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed partial class ProcedureEditModel(
    OneStopDbContext db, NoticeRenderer notices, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    private const string NewId = "new";

    private Dictionary<string, List<string>> errors = [];

    [BindProperty]
    public ProcedureForm Form { get; set; } = new();

    /// <summary>The procedure being edited; null for a new one.</summary>
    public Guid? ProcedureId { get; private set; }

    /// <summary>How many empty document and fee rows follow the filled ones, for adding without JavaScript.</summary>
    public int SpareRows { get; private set; } = 1;

    public bool HasErrors => errors.Count > 0;

    public IReadOnlyList<CodeName> Fields { get; private set; } = [];

    public IReadOnlyList<CodeName> Agencies { get; private set; } = [];

    /// <summary>Keys (and names) of published workflows, plus the procedure's own key if it is not published.</summary>
    public IReadOnlyList<CodeName> Workflows { get; private set; } = [];

    /// <summary>Codes (and titles) of the notice templates, plus the procedure's own code if the manifest lacks it.</summary>
    public IReadOnlyList<CodeName> Templates { get; private set; } = [];

    /// <summary>Departments of the chosen lead agency (suggestions for the processing department).</summary>
    public IReadOnlyList<CodeName> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (id == NewId)
        {
            Form = ProcedureForm.Blank(DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnameseText.VietnamOffset).DateTime));
        }
        else
        {
            var procedure = await FindAsync(id, cancellationToken);
            if (procedure is null)
            {
                return NotFound();
            }

            ProcedureId = procedure.Id;
            Form = ProcedureForm.From(CatalogueRules.ToRequest(procedure));
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Procedure? procedure = null;
        if (id != NewId && (procedure = await FindAsync(id, cancellationToken)) is null)
        {
            return NotFound();
        }

        ProcedureId = procedure?.Id;
        // Only a tampered select or checkbox fails to bind (every typed value is text); say so rather than save a default.
        if (!ModelState.IsValid)
        {
            errors["form"] = [text["Cat_FormUnreadable"]];
        }

        Form.DropUnusedRows();
        var request = Form.ToRequest(errors, text);
        var lookup = await CatalogueLookup.LoadAsync(db, cancellationToken);
        foreach (var (key, messages) in CatalogueRules.Validate(request, lookup, ProcedureId))
        {
            // A value that could not be read was checked as 0 or empty: its rule errors would only repeat the reading error.
            errors.TryAdd(key, [.. messages]);
        }

        if (errors.Count == 0)
        {
            if (procedure is null)
            {
                procedure = new Procedure { NationalCode = "", LocalCode = "", Name = "", Duration = new ProcedureDuration() };
                db.CatalogueProcedures.Add(procedure);
            }

            CatalogueRules.Apply(request, procedure, lookup);
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("./Index", new { saved = procedure.LocalCode });
        }

        return await ShowAgainAsync(cancellationToken);
    }

    /// <summary>Applies the ticked removals and adds empty rows, without checking or saving (the form works without JavaScript).</summary>
    public async Task<IActionResult> OnPostRowsAsync(string id, CancellationToken cancellationToken)
    {
        if (id != NewId)
        {
            var procedure = await FindAsync(id, cancellationToken);
            if (procedure is null)
            {
                return NotFound();
            }

            ProcedureId = procedure.Id;
        }

        Form.DropUnusedRows();
        SpareRows = 3;
        return await ShowAgainAsync(cancellationToken);
    }

    /// <summary>The errors under exactly <paramref name="key"/>.</summary>
    public IReadOnlyList<string> ErrorsFor(string key) => errors.TryGetValue(key, out var list) ? list : [];

    /// <summary>The errors of the items of a list input, e.g. <c>cooperatingAgencyCodes[0]</c>, <c>cooperatingAgencyCodes[2]</c>.</summary>
    public IReadOnlyList<string> ErrorsOfItems(string key) =>
        [.. errors.Where(e => e.Key.StartsWith(key + "[", StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value)];

    /// <summary>The HTML id of the message element of <paramref name="key"/>, for <c>aria-describedby</c>.</summary>
    public static string ErrorId(string key) => "err-" + NotIdCharacters().Replace(key, "-").Trim('-');

    private async Task<PageResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        // The rows were renumbered: what the inputs show must come from the form, not from the posted names.
        ModelState.Clear();
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    private async Task<Procedure?> FindAsync(string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid)
            ? await db.CatalogueProcedures.WithDetails().SingleOrDefaultAsync(p => p.Id == guid, cancellationToken)
            : null;

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Fields = await db.CatalogueFields.AsNoTracking().OrderBy(f => f.Code).Select(f => new CodeName(f.Code, f.Name)).ToListAsync(cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new CodeName(a.Code, a.Name)).ToListAsync(cancellationToken);
        var published = nameof(DefinitionStatus.Published);
        var flows = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Status == published)
            .Select(d => new { d.Key, d.Name, d.Version }).ToListAsync(cancellationToken);
        Workflows = WithCurrent(
            flows.GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.Version)!).Select(f => new CodeName(f.Key, f.Name ?? f.Key)),
            Form.WorkflowKey);
        Templates = WithCurrent(notices.Library.Manifest.Templates.Select(t => new CodeName(t.Code, t.Title)), Form.ResultTemplateCode);
        var lead = Form.LeadAgencyCode?.Trim();
        Departments = await db.Departments.AsNoTracking().Where(d => d.Agency!.Code == lead).OrderBy(d => d.Code)
            .Select(d => new CodeName(d.Code, d.Name)).ToListAsync(cancellationToken);
    }

    // A value saved earlier (or imported) stays selectable even when it is no longer offered, so saving loses nothing.
    private static List<CodeName> WithCurrent(IEnumerable<CodeName> options, string? current)
    {
        var list = options.OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(current) && !list.Exists(o => o.Code == current))
        {
            list.Insert(0, new CodeName(current, current));
        }

        return list;
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();
}

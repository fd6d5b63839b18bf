using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue.Pages;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notices.Pages;

/// <summary>
/// Edits a notice template (<c>/notices/admin/edit?code=…</c>): the source in a text area, a preview of the sample
/// model, save (only a source that parses and renders is saved) and return to the file. The checks are the API's
/// (<see cref="TemplateOverrides"/>); errors are shown beside the editor with line and column, the typed source kept.
/// </summary>
[Authorize(Roles = Roles.Admin, AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed class NoticeTemplateEditModel(OneStopDbContext db, NoticeRenderer renderer, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The typed source; posted as <c>Content</c>, like the API's field.</summary>
    [BindProperty(Name = "Content")]
    public string? Source { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public NoticeTemplateInfo Template { get; private set; } = null!;

    public TemplateOverrideDto State { get; private set; } = null!;

    /// <summary>What stops the source from being saved: "Dòng 3, cột 5: …".</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The sample rendered with the source, shown in a sandboxed frame.</summary>
    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Source = State.Content ?? State.FileSource;
        await CheckAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await CheckAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!await CheckAsync(cancellationToken))
        {
            return Page();
        }

        await TemplateOverrides.SaveAsync(db, Template.Code, Source, Note, Officer.Of(User).UserName, time.GetUtcNow(), cancellationToken);
        return RedirectToPage("./Index", new { saved = Template.Code });
    }

    public async Task<IActionResult> OnPostRevertAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (State.Overridden)
        {
            await TemplateOverrides.SaveAsync(db, Template.Code, content: null, Note, Officer.Of(User).UserName, time.GetUtcNow(), cancellationToken);
        }

        return RedirectToPage("./Index", new { reverted = Template.Code });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Code is null || renderer.Library.Find(Code) is not { } template)
        {
            return false;
        }

        Template = template;
        State = await TemplateOverrides.StateAsync(db, renderer, template, cancellationToken);
        return true;
    }

    /// <summary>Checks the typed source as the API does; true when it renders the sample.</summary>
    private async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        var invalid = TemplateOverrides.Validate(Source, Note);
        if (invalid.Count > 0)
        {
            Errors = [.. invalid.Values.SelectMany(m => m)];
            return false;
        }

        var check = await TemplateOverrides.CheckAsync(renderer, Template, Source!, cancellationToken);
        PreviewHtml = check.Html;
        Errors = [.. check.Problems.Select(p => TemplateOverrides.Describe(p, Template.Template))];
        return check.Succeeded;
    }
}

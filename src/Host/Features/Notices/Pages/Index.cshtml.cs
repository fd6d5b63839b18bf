using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue.Pages;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Notices.Pages;

/// <summary>The notice templates of the manifest for admins: legal basis, effective dates, and whether an override is in force.</summary>
[Authorize(Roles = Roles.Admin, AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed class NoticeTemplatesAdminModel(OneStopDbContext db, NoticeRenderer renderer, TimeProvider time) : PageModel
{
    /// <summary>Code of the template just saved, from the edit page's redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    /// <summary>Code of the template just returned to its file.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reverted { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(string Code, string? FormNumber, string Title, string LegalBasis, DateOnly? EffectiveFrom, DateOnly? EffectiveTo,
        bool ValidToday, bool Overridden);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnameseText.VietnamOffset).DateTime);
        var overridden = await TemplateOverrides.OverriddenCodesAsync(db, cancellationToken);
        Rows = [.. renderer.Library.Manifest.Templates.Select(t => new Row(t.Code, t.FormNumber, t.Title, t.LegalBasis, t.EffectiveFrom, t.EffectiveTo,
            t.IsValidOn(today), overridden.Contains(t.Code)))];
    }
}

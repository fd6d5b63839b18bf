using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Designer.Areas.Designer.Pages;

/// <summary>The versions of one flow, who deployed and published them when, and a read-only viewer (pages/versions.js).</summary>
[Authorize(Roles = DesignerAccess.Roles, AuthenticationSchemes = DesignerAccess.Scheme)]
public sealed class VersionsModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";
}

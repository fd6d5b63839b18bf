using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Designer.Areas.Designer.Pages;

/// <summary>The editor of one flow's draft: canvas, properties panel, problems and the toolbar (pages/editor.js).</summary>
[Authorize(Roles = DesignerAccess.Roles, AuthenticationSchemes = DesignerAccess.Scheme)]
public sealed class EditModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Designer.Areas.Designer.Pages;

/// <summary>One instance drawn on its version: active and completed elements, journal, open tasks, incidents (pages/instance.js).</summary>
[Authorize(Roles = DesignerAccess.Roles, AuthenticationSchemes = DesignerAccess.Scheme)]
public sealed class InstanceModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";
}

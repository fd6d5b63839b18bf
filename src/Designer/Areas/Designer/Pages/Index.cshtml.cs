using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Designer.Areas.Designer.Pages;

/// <summary>The list of procedure flows and the "create a flow" form; the table is filled from the API by pages/list.js.</summary>
[Authorize(Roles = DesignerAccess.Roles, AuthenticationSchemes = DesignerAccess.Scheme)]
public sealed class IndexModel : PageModel;

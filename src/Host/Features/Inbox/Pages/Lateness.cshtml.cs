using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue.Pages;

namespace OneStop.Host.Features.Inbox.Pages;

/// <summary><c>/lateness</c>: the dossiers and steps the user sees that are overdue or due within one working day.</summary>
[Authorize(Roles = "Specialist,DepartmentHead,AgencyLeader,Reception,Supervisor,Admin", AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed class LatenessModel(InboxService inbox) : PageModel
{
    /// <summary><c>overdue</c> (the default) or <c>dueSoon</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = DueStates.Overdue;

    public LatenessReport Report { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kind = Kind == DueStates.DueSoon ? DueStates.DueSoon : DueStates.Overdue;
        Report = await inbox.LatenessAsync(User, Kind, cancellationToken);
    }
}

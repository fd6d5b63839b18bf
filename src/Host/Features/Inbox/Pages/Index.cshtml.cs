using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue.Pages;

namespace OneStop.Host.Features.Inbox.Pages;

/// <summary>
/// <c>/inbox</c>: "my work" and "my department's work" with filters, sort, and claim / release buttons; the
/// confirmation of a completed step arrives here. Runs <see cref="InboxService"/>, as the API does.
/// </summary>
[Authorize(Roles = "Specialist,DepartmentHead,AgencyLeader,Reception", AuthenticationSchemes = CatalogueAdminAccess.Scheme)]
public sealed class InboxModel(InboxService inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Scope { get; set; } = InboxQuery.Mine;

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    /// <summary>Due state filter: overdue, dueSoon, ok.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    // "page" is a route value of Razor Pages, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Dossier code of the step just completed (from the task page's redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>Task id of the step just transferred to another department.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Transferred { get; set; }

    /// <summary>Why a claim or release failed.</summary>
    public string? Problem { get; private set; }

    public InboxPage Inbox { get; private set; } = new(0, 1, InboxService.PageSize, [], []);

    public bool IsMine => !string.Equals(Scope, InboxQuery.Department, StringComparison.OrdinalIgnoreCase);

    public int PageCount => Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostClaimAsync(string taskId, CancellationToken cancellationToken)
    {
        var result = await inbox.ClaimAsync(User, taskId, cancellationToken);
        return await AfterAsync(result.Succeeded, result.Message, cancellationToken);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string taskId, CancellationToken cancellationToken)
    {
        var result = await inbox.ReleaseAsync(User, taskId, cancellationToken);
        return await AfterAsync(result.Succeeded, result.Message, cancellationToken);
    }

    /// <summary>The list's query string with some values changed (the others kept).</summary>
    public Dictionary<string, string> RouteWith(string? scope = null, int? page = null)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["scope"] = scope ?? (IsMine ? InboxQuery.Mine : InboxQuery.Department) };
        Put(route, "procedure", Procedure);
        Put(route, "due", Due);
        Put(route, "sort", Sort);
        if (page is { } p)
        {
            route["p"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return route;
    }

    private async Task<IActionResult> AfterAsync(bool succeeded, string? problem, CancellationToken cancellationToken)
    {
        if (succeeded)
        {
            return RedirectToPage("./Index", RouteWith(page: PageNumber));
        }

        Problem = problem;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Inbox = await inbox.ListAsync(User, new InboxQuery(IsMine ? InboxQuery.Mine : InboxQuery.Department, Procedure, Due, Sort, PageNumber),
            cancellationToken);
        PageNumber = Inbox.Page;
    }

    private static void Put(Dictionary<string, string> route, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            route[key] = value;
        }
    }
}

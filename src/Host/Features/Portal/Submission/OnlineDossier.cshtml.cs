using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>
/// An online dossier awaiting reception: applicant, request, the uploaded documents; Accept (status 2, receipt, flow
/// started — <see cref="ReceptionService.AcceptOnlineAsync"/>) or Refuse with a reason (status 3, form 03).
/// </summary>
[Authorize(Roles = PortalAccess.ReceptionRoles, AuthenticationSchemes = PortalAccess.Scheme)]
public sealed class OnlineDossierModel(OneStopDbContext db, ReceptionService reception) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<DossierFile> Files { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var result = await reception.AcceptOnlineAsync(Dossier, Officer.Of(User), cancellationToken);
            return result.Succeeded ? Redirect("/reception/dossiers/" + Uri.EscapeDataString(Code)) : Failed(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failed(ChangedMeanwhile);
        }
    }

    public async Task<IActionResult> OnPostRefuseAsync(string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Reason = reason;
        try
        {
            var result = await reception.RefuseOnlineAsync(Dossier, reason, Officer.Of(User), cancellationToken);
            return result.Succeeded ? Redirect("/reception/dossiers/" + Uri.EscapeDataString(Code)) : Failed(result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failed(ChangedMeanwhile);
        }
    }

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    private static Dictionary<string, string[]> ChangedMeanwhile =>
        new() { ["status"] = ["Hồ sơ vừa được người khác xử lý; tải lại trang để xem trạng thái hiện tại."] };

    private PageResult Failed(IReadOnlyDictionary<string, string[]> errors)
    {
        Errors = errors;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.Code == Code && d.Channel == DossierChannel.Online, cancellationToken);
        if (dossier is null || !DossierAccess.CanSee(User, dossier))
        {
            return false;
        }

        Dossier = dossier;
        Files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossier.Id).OrderBy(f => f.AddedAt).ToListAsync(cancellationToken);
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Reception;

/// <summary>
/// The reception form at the counter: the procedure's summary, applicant and submitter, documents checklist, sets,
/// channel, delivery and fee units. Receiving or refusing goes through <see cref="ReceptionService"/>; its errors are
/// shown next to the inputs they name, with everything typed kept.
/// </summary>
[Authorize(Roles = ReceptionAccess.Roles, AuthenticationSchemes = ReceptionAccess.Scheme)]
public sealed class NewDossierModel(OneStopDbContext db, ReceptionService reception, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "procedure")]
    public Guid ProcedureId { get; set; }

    [BindProperty]
    public ReceptionForm Form { get; set; } = new();

    public Procedure Procedure { get; private set; } = null!;

    /// <summary>Errors keyed as the service keys them (<c>applicant.name</c>, <c>documents[0]</c>), documents by form row.</summary>
    public IReadOnlyDictionary<string, List<string>> Errors { get; private set; } = new Dictionary<string, List<string>>();

    /// <summary>True when a fee line counts pages or copies, so the form asks how many.</summary>
    public bool FeeUnitsApply => Procedure.FeeMode != FeeMode.Exempt && Procedure.Fees.Any(f => f.Basis != FeeBasis.PerDossier);

    public decimal Fee => ReceptionForm.FeeFor(Procedure, Form.FeeUnitsOrOne());

    /// <summary>True after a refusal was asked for, so the refusal panel stays open with its error.</summary>
    public bool Refusing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = ReceptionForm.For(Procedure);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var request = Form.ToRequest(ProcedureId, FeeUnitsApply, errors, text, out var rows);
        if (errors.Count == 0)
        {
            var result = await reception.ReceiveAsync(request, Officer.Of(User), cancellationToken);
            if (result.Dossier is { } dossier)
            {
                return RedirectToPage("/Reception/Dossier", new { code = dossier.Code });
            }

            foreach (var (key, messages) in result.Errors)
            {
                errors.TryAdd(ReceptionForm.ToFormKey(key, rows), [.. messages]);
            }
        }

        Errors = errors;
        return Page();
    }

    /// <summary>Refusal at reception: records the dossier with status 3 and issues form 03.</summary>
    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await reception.RefuseAsync(Form.ToRefusal(ProcedureId), Officer.Of(User), cancellationToken);
        if (result.Dossier is { } dossier)
        {
            return RedirectToPage("/Reception/Dossier", new { code = dossier.Code });
        }

        Refusing = true;
        Errors = result.Errors.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal);
        return Page();
    }

    /// <summary>The first message for <paramref name="key"/>, or null.</summary>
    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var messages) && messages.Count > 0 ? string.Join(" ", messages) : null;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var procedure = await db.CatalogueProcedures.AsNoTracking().AsSplitQuery()
            .Include(p => p.LeadAgency).Include(p => p.Documents).Include(p => p.Fees)
            .FirstOrDefaultAsync(p => p.Id == ProcedureId, cancellationToken);
        if (procedure is null)
        {
            return false;
        }

        Procedure = procedure;
        return true;
    }
}

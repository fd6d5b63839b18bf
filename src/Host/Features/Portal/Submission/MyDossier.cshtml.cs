using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>
/// One of the citizen's dossiers: status, appointment, the public history, the notices issued (HTML), the files, the
/// payment still due, and at status 5 the supplement answered online with new uploads.
/// </summary>
[Authorize(Roles = PortalAccess.CitizenRole, AuthenticationSchemes = PortalAccess.Scheme)]
[RequestFormLimits(MultipartBodyLengthLimit = 256L * 1024 * 1024)]
[RequestSizeLimit(256L * 1024 * 1024)]
public sealed class MyDossierModel(OneStopDbContext db, OnlineSubmissionService submissions, Uploads uploads) : PageModel
{
    /// <summary>Upload inputs offered for a supplement.</summary>
    public const int SupplementSlots = 3;

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>What the last action did (<c>supplemented</c>, <c>notifications</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<DossierEvent> History { get; private set; } = [];

    public IReadOnlyList<IssuedNoticeDto> Notices { get; private set; } = [];

    public IReadOnlyList<DossierFile> Files { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Note { get; private set; }

    public Uploads Uploads => uploads;

    public Uri PaymentPage => submissions.PaymentPage(Dossier);

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>A notice issued for the dossier, as HTML (the citizen's copy).</summary>
    public async Task<IActionResult> OnGetNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await submissions.OwnedAsync(Code, User, cancellationToken) is not { } dossier)
        {
            return NotFound();
        }

        var html = await db.DossierNotices.AsNoTracking().Where(n => n.Id == id && n.DossierId == dossier.Id).Select(n => n.Html)
            .FirstOrDefaultAsync(cancellationToken);
        return html is null ? NotFound() : Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The citizen's choice of channels for the notices still to come.</summary>
    public async Task<IActionResult> OnPostNotificationsAsync(bool email, bool sms, CancellationToken cancellationToken)
    {
        var choice = (email ? NotifyBy.Email : NotifyBy.None) | (sms ? NotifyBy.Sms : NotifyBy.None);
        var result = await submissions.ChangeNotificationsAsync(Code, choice, User, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage(new { code = Code, done = "notifications" });
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Errors = result.Errors;
        return Page();
    }

    public async Task<IActionResult> OnPostSupplementAsync(string? note, CancellationToken cancellationToken)
    {
        var files = Enumerable.Range(0, SupplementSlots).Select(i => Request.Form.Files.GetFile($"files[{i}]")).ToList();
        var result = await submissions.SupplementAsync(Code, note, files, User, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage(new { code = Code, done = "supplemented" });
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Errors = result.Errors;
        Note = note;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await submissions.OwnedAsync(Code, User, cancellationToken) is not { } dossier)
        {
            return false;
        }

        Dossier = dossier;
        History = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Public).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        Notices = await db.DossierNotices.AsNoTracking().Where(n => n.DossierId == dossier.Id).OrderBy(n => n.IssuedAt)
            .Select(n => new IssuedNoticeDto(n.Id, n.TemplateCode, n.Title, n.IssuedAt, n.IssuedBy)).ToListAsync(cancellationToken);
        Files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == dossier.Id).Where(PortalAccess.CitizenFiles(Officer.Of(User).UserName))
            .OrderBy(f => f.AddedAt).ToListAsync(cancellationToken);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Notices;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Dossiers;

/// <summary>Forms (manifest <c>form</c> values) a dossier action issues.</summary>
public static class NoticeForms
{
    public const string Receipt = "receipt";
    public const string SupplementRequest = "supplement-request";
    public const string Refusal = "refusal";
    public const string Apology = "apology";
    public const string StopNotice = "stop-notice";
    public const string ControlSheet = "control-sheet";
    public const string Ledger = "ledger";
    public const string FeeReceipt = "fee-receipt";
    public const string Handover = "handover";
    public const string Decision = "decision";
}

/// <summary>
/// Issues notices for dossiers: picks the template in force (a database override first), builds the model from the
/// dossier and its records, renders and keeps the HTML as issued (<see cref="IssuedNotice"/>), in the caller's transaction.
/// Stateless, so one instance serves every request; the caller's <see cref="OneStopDbContext"/> is passed in.
/// </summary>
public sealed class DossierNotices(NoticeRenderer renderer, CalendarService calendars, TimeProvider time, IOptions<NoticeHeaderOptions> header,
    ILogger<DossierNotices> logger)
{
    /// <summary>
    /// Issues <paramref name="formOrCode"/> (a manifest form such as <c>receipt</c>, or a template code such as
    /// <c>TT03-2025/02</c>) for <paramref name="dossier"/>; adds the <see cref="IssuedNotice"/> and a history entry to
    /// <paramref name="db"/> without saving. Returns null when the form needs data the dossier does not have yet
    /// (a supplement request without a request, an apology without a draft, a fee receipt without a fee, the ledger),
    /// and when the template fails: the failure is logged and written to the history, never thrown, because the
    /// workflow hook calls this inside the engine's transaction. A receipt is issued once; asking again returns it.
    /// </summary>
    public async Task<IssuedNotice?> IssueAsync(OneStopDbContext db, Dossier dossier, string formOrCode, string actor, CancellationToken cancellationToken,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        var procedure = await ProcedureAsync(db, dossier, cancellationToken);
        var template = Resolve(dossier, formOrCode, procedure);
        var now = time.GetUtcNow();
        if (template is null)
        {
            logger.LogWarning("No notice template {FormOrCode} for dossier {DossierCode}", formOrCode, dossier.Code);
            RecordFailure(db, dossier, now, actor, $"lỗi mẫu {formOrCode}: không có mẫu thông báo này trong danh mục");
            return null;
        }

        if (template.Form == NoticeForms.Ledger)
        {
            return null;
        }

        if (template.Form == NoticeForms.Receipt && await IssuedReceiptAsync(db, dossier, cancellationToken) is { } receipt)
        {
            return receipt;
        }

        var model = await Models(db).BuildAsync(dossier, template, procedure, actor, now, reason, cancellationToken);
        if (!HasData(template.Form, model))
        {
            return null;
        }

        string html;
        try
        {
            html = await RenderAsync(db, template, model, cancellationToken);
        }
        catch (NoticeTemplateException ex)
        {
            var where = ex.Problems.Count > 0 ? ex.Problems[0] : null;
            logger.LogWarning("Notice template {TemplateCode} failed for dossier {DossierCode}: {ErrorId} at line {Line}, column {Column}",
                template.Code, dossier.Code, ex.ErrorId, where?.Line, where?.Column);
            RecordFailure(db, dossier, now, actor, $"lỗi mẫu {template.Code}: {ex.Message}");
            return null;
        }

        var notice = new IssuedNotice
        {
            DossierId = dossier.Id, TemplateCode = template.Code, Title = template.Title, IssuedAt = now, IssuedBy = actor, Html = html,
        };
        db.DossierNotices.Add(notice);
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, Time = now, Actor = actor, Action = DossierActions.NoticeIssued, Comment = template.Code,
        });
        return notice;
    }

    /// <summary>
    /// Renders <paramref name="form"/> for <paramref name="dossier"/> as it stands now, without keeping it (the control
    /// sheet is read live from the journal). Returns null when no template of the form applies.
    /// </summary>
    /// <exception cref="NoticeTemplateException">The template in force fails.</exception>
    public async Task<string?> RenderLiveAsync(OneStopDbContext db, Dossier dossier, string form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        var procedure = await ProcedureAsync(db, dossier, cancellationToken);
        var template = Resolve(dossier, form, procedure);
        if (template is null)
        {
            return null;
        }

        var model = await Models(db).BuildAsync(dossier, template, procedure, actor, time.GetUtcNow(), reason: null, cancellationToken);
        return await RenderAsync(db, template, model, cancellationToken);
    }

    /// <summary>The ledger (sổ theo dõi hồ sơ) of <paramref name="dossiers"/> received from <paramref name="from"/> to <paramref name="to"/>, in the form in force on <paramref name="to"/>.</summary>
    /// <exception cref="NoticeTemplateException">The template in force fails.</exception>
    public async Task<string> RenderLedgerAsync(OneStopDbContext db, IReadOnlyList<Dossier> dossiers, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var template = renderer.Library.ValidOn(NoticeForms.Ledger, to)
            ?? throw new InvalidOperationException($"OS4003: no ledger template is in force on {to:yyyy-MM-dd}; check templates/notices/manifest.json.");
        var model = await Models(db).BuildLedgerAsync(dossiers, from, to, time.GetUtcNow(), cancellationToken);
        return await RenderAsync(db, template, model, cancellationToken);
    }

    /// <summary>The local day the dossier was received: which version of a form applies.</summary>
    public DateOnly ReceivedDay(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dossier.ReceivedAt, calendars.Current.TimeZone).DateTime);
    }

    private DossierNoticeModels Models(OneStopDbContext db) => new(db, calendars.Current, header.Value);

    /// <summary>A template code as given; "decision" as the procedure's result template; a form in the version in force on the day received.</summary>
    private NoticeTemplateInfo? Resolve(Dossier dossier, string formOrCode, Procedure? procedure)
    {
        var library = renderer.Library;
        if (formOrCode == NoticeForms.Decision && procedure?.ResultTemplateCode is { Length: > 0 } result && library.Find(result) is { } resultTemplate)
        {
            return resultTemplate;
        }

        return library.Find(formOrCode) ?? library.ValidOn(formOrCode, ReceivedDay(dossier));
    }

    private async Task<string> RenderAsync(OneStopDbContext db, NoticeTemplateInfo template, NoticeModel model, CancellationToken cancellationToken) =>
        await renderer.RenderAsync(template, model, await TemplateOverrides.CurrentSourceAsync(db, template.Code, cancellationToken), cancellationToken);

    private async Task<IssuedNotice?> IssuedReceiptAsync(OneStopDbContext db, Dossier dossier, CancellationToken cancellationToken)
    {
        var codes = renderer.Library.Manifest.Templates.Where(t => t.Form == NoticeForms.Receipt).Select(t => t.Code).ToList();
        return db.ChangeTracker.Entries<IssuedNotice>().Select(e => e.Entity).FirstOrDefault(n => n.DossierId == dossier.Id && codes.Contains(n.TemplateCode))
            ?? await db.DossierNotices.AsNoTracking().Where(n => n.DossierId == dossier.Id && codes.Contains(n.TemplateCode)).OrderBy(n => n.IssuedAt)
                .FirstOrDefaultAsync(cancellationToken);
    }

    private static Task<Procedure?> ProcedureAsync(OneStopDbContext db, Dossier dossier, CancellationToken cancellationToken) =>
        db.CatalogueProcedures.AsNoTracking().Include(p => p.Field).Include(p => p.Fees).FirstOrDefaultAsync(p => p.Id == dossier.ProcedureId, cancellationToken);

    private static bool HasData(string form, NoticeModel model) => form switch
    {
        NoticeForms.SupplementRequest => model.Supplement is not null,
        NoticeForms.Apology => model.Apology is not null,
        NoticeForms.FeeReceipt => model.Fee is not null,
        _ => true,
    };

    private static void RecordFailure(OneStopDbContext db, Dossier dossier, DateTimeOffset now, string actor, string comment) =>
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, Time = now, Actor = actor, Action = DossierActions.NoticeIssued, Comment = comment.Length > 2000 ? comment[..2000] : comment,
        });
}

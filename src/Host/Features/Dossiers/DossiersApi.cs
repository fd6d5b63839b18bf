using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Engine;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// <c>/api/dossiers</c>: reception (receive, refuse) for the counter, and reading dossiers — each officer only those of
/// the agencies involved (others are 404, so codes cannot be probed).
/// </summary>
public static class DossiersApi
{
    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dossiers").WithTags("Dossiers").RequireAuthorization(Policies.DossierStaff).AntiforgeryForSessions();
        group.MapPost("", ReceiveAsync).RequireAuthorization(Policies.Reception);
        group.MapPost("/refusals", RefuseAsync).RequireAuthorization(Policies.Reception);
        group.MapGet("", ListAsync);
        group.MapGet("/{code}", GetAsync);
        group.MapGet("/{code}/notices/{noticeId:guid}", NoticeAsync);
        return group;
    }

    private static async Task<Results<Created<DossierDto>, ValidationProblem>> ReceiveAsync(
        ReceiveDossierRequest request, ReceptionService reception, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await reception.ReceiveAsync(request, Officer.Of(http.User), cancellationToken);
        return result.Dossier is { } dossier
            ? TypedResults.Created($"/api/dossiers/{dossier.Code}", DossierDto.From(dossier))
            : Invalid(result.Errors);
    }

    private static async Task<Results<Created<DossierDto>, ValidationProblem>> RefuseAsync(
        RefuseDossierRequest request, ReceptionService reception, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await reception.RefuseAsync(request, Officer.Of(http.User), cancellationToken);
        return result.Dossier is { } dossier
            ? TypedResults.Created($"/api/dossiers/{dossier.Code}", DossierDto.From(dossier))
            : Invalid(result.Errors);
    }

    private static async Task<Ok<DossierPage>> ListAsync(OneStopDbContext db, HttpContext http, int? status, string? q, int page = 1, int pageSize = 20,
        CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(1, page);
        var query = DossierAccess.Visible(db.Dossiers.AsNoTracking(), http.User);
        if (status is { } s)
        {
            query = query.Where(d => (int)d.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(d => d.Code.Contains(text) || d.Applicant.Name.Contains(text) || d.ProcedureName.Contains(text));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.ReceivedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DossierPage(total, [.. rows.Select(d => new DossierRowDto(d.Code, d.ProcedureName, d.Applicant.Name, (int)d.Status,
            DossierStatuses.NameOf(d.Status), d.ReceivedAt, d.AppointmentAt, d.Timeliness))]));
    }

    private static async Task<Results<Ok<DossierDetailsDto>, NotFound<ProblemDetails>>> GetAsync(
        string code, OneStopDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var dossier = await FindVisibleAsync(db, http, code, cancellationToken);
        if (dossier is null)
        {
            return NotFound(code);
        }

        var history = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var notices = await db.DossierNotices.AsNoTracking().Where(n => n.DossierId == dossier.Id).OrderBy(n => n.IssuedAt)
            .Select(n => new IssuedNoticeDto(n.Id, n.TemplateCode, n.Title, n.IssuedAt, n.IssuedBy)).ToListAsync(cancellationToken);
        var steps = await OpenStepsAsync(db, dossier.Code, cancellationToken);
        return TypedResults.Ok(new DossierDetailsDto(DossierDto.From(dossier), [.. history.Select(DossierEventDto.From)], notices, steps));
    }

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>>> NoticeAsync(
        string code, Guid noticeId, OneStopDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var dossier = await FindVisibleAsync(db, http, code, cancellationToken);
        var html = dossier is null
            ? null
            : await db.DossierNotices.AsNoTracking().Where(n => n.Id == noticeId && n.DossierId == dossier.Id).Select(n => n.Html).FirstOrDefaultAsync(cancellationToken);
        return html is null ? NotFound(code) : TypedResults.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The dossier if it exists and the user may see it; null otherwise (the caller answers 404 either way).</summary>
    public static async Task<Dossier?> FindVisibleAsync(OneStopDbContext db, HttpContext http, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(http);
        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        return dossier is not null && DossierAccess.CanSee(http.User, dossier) ? dossier : null;
    }

    /// <summary>Open workflow steps of a dossier (its instance and any called instances share the code as business key).</summary>
    public static async Task<List<OpenStepDto>> OpenStepsAsync(OneStopDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.BusinessKey == code && t.Status == UserTaskStatus.Open)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Sequence).ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var claims = await db.TaskClaims.AsNoTracking().Where(c => ids.Contains(c.TaskId)).ToDictionaryAsync(c => c.TaskId, c => c.UserName, cancellationToken);
        return [.. tasks.Select(t => new OpenStepDto(t.Id, t.ElementId, t.Name, t.Department, t.Role, claims.GetValueOrDefault(t.Id) ?? t.Assignee,
            t.CreatedAt, t.DueAt, string.IsNullOrEmpty(t.Outcomes) ? [] : t.Outcomes.Split('\n')))];
    }

    /// <summary>The one answer for a dossier that does not exist or is not the caller's to see.</summary>
    public static NotFound<ProblemDetails> NotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Title = "Không tìm thấy hồ sơ (dossier not found)",
            Detail = $"Không có hồ sơ {code}, hoặc hồ sơ không thuộc cơ quan của bạn.",
            Status = StatusCodes.Status404NotFound,
        });

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Thông tin hồ sơ chưa hợp lệ (invalid dossier)");
}

public sealed record DossierPage(int Total, IReadOnlyList<DossierRowDto> Items);

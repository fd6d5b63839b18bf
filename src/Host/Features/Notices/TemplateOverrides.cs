using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OpenIddict.Validation.AspNetCore;

namespace OneStop.Host.Features.Notices;

/// <summary>Authorization of the template overrides.</summary>
public static class NoticePolicies
{
    /// <summary>
    /// Admins, with a bearer token or their signed-in session (unlike <see cref="Policies.Admin"/>, which is bearer-only):
    /// the admin pages work on the session; unsafe session requests need the anti-forgery token.
    /// </summary>
    public const string TemplateAdmin = "notice-template-admin";
}

/// <summary>A template's file, the override in force and every override ever saved (newest first).</summary>
public sealed record TemplateOverrideDto(string Code, string Title, string LegalBasis, bool Overridden, string FileSource, string? Content,
    IReadOnlyList<TemplateOverrideHistoryDto> History);

/// <summary>One saved override; <c>BackToFile</c> rows returned the template to its file.</summary>
public sealed record TemplateOverrideHistoryDto(long Id, DateTimeOffset CreatedAt, string CreatedBy, string? Note, bool BackToFile);

public sealed record TemplateOverrideRequest(string? Content, string? Note);

public sealed record TemplatePreviewRequest(string? Content);

/// <summary>What checking an administrator's source gave: the sample rendered, or the problems with line and column.</summary>
public sealed record TemplateCheck(string? Html, string? ErrorId, IReadOnlyList<NoticeProblem> Problems)
{
    public bool Succeeded => Html is not null;

    /// <summary>"Dòng 3, cột 5: …" per problem, keyed by the request field, for a ValidationProblem.</summary>
    public Dictionary<string, string[]> Errors(string template) => new(StringComparer.Ordinal)
    {
        ["content"] = [.. Problems.Select(p => TemplateOverrides.Describe(p, template))],
    };
}

/// <summary>
/// Administrators' versions of notice templates, kept in the database (<see cref="NoticeTemplateOverride"/>): the newest
/// row of a code is in force, a row without content returns to the file, nothing is ever deleted. A version is saved
/// only if it parses and renders the template's sample model, so a broken template never reaches a citizen's notice.
/// </summary>
public static class TemplateOverrides
{
    /// <summary>Longest source accepted (the largest shipped template is a few kilobytes).</summary>
    public const int MaxLength = 200_000;

    public const int MaxNoteLength = 1000;

    /// <summary>The source in force for <paramref name="code"/>: the newest override's content, or null for the file.</summary>
    public static async Task<string?> CurrentSourceAsync(OneStopDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.NoticeTemplateOverrides.AsNoTracking().Where(o => o.Code == code).OrderByDescending(o => o.Id)
            .Select(o => new { o.Content }).FirstOrDefaultAsync(cancellationToken);
        return newest?.Content;
    }

    /// <summary>The codes whose newest override has content (overridden now).</summary>
    public static async Task<HashSet<string>> OverriddenCodesAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.NoticeTemplateOverrides.AsNoTracking().GroupBy(o => o.Code).Select(g => g.Max(o => o.Id)).ToListAsync(cancellationToken);
        var codes = await db.NoticeTemplateOverrides.AsNoTracking().Where(o => newest.Contains(o.Id) && o.Content != null).Select(o => o.Code)
            .ToListAsync(cancellationToken);
        return codes.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<TemplateOverrideDto> StateAsync(OneStopDbContext db, NoticeRenderer renderer, NoticeTemplateInfo template,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(template);
        var rows = await db.NoticeTemplateOverrides.AsNoTracking().Where(o => o.Code == template.Code).OrderByDescending(o => o.Id)
            .ToListAsync(cancellationToken);
        var current = rows.FirstOrDefault()?.Content;
        return new TemplateOverrideDto(template.Code, template.Title, template.LegalBasis, current is not null, renderer.Library.ReadSource(template), current,
            [.. rows.Select(r => new TemplateOverrideHistoryDto(r.Id, r.CreatedAt, r.CreatedBy, r.Note, r.Content is null))]);
    }

    /// <summary>Parses <paramref name="content"/> and renders the template's sample model with it.</summary>
    public static async Task<TemplateCheck> CheckAsync(NoticeRenderer renderer, NoticeTemplateInfo template, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        try
        {
            return new TemplateCheck(await renderer.RenderAsync(template, renderer.Library.ReadSample(template), content, cancellationToken), null, []);
        }
        catch (NoticeTemplateException ex)
        {
            return new TemplateCheck(null, ex.ErrorId, ex.Problems);
        }
    }

    /// <summary>Errors of the request itself (missing, too long), before the template is checked.</summary>
    public static Dictionary<string, string[]> Validate(string? content, string? note)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(content))
        {
            errors["content"] = ["Nhập nội dung mẫu (content is required)."];
        }
        else if (content.Length > MaxLength)
        {
            errors["content"] = [$"Nội dung mẫu dài tối đa {MaxLength:N0} ký tự (content too long)."];
        }

        if (note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"Ghi chú dài tối đa {MaxNoteLength} ký tự (note too long)."];
        }

        return errors;
    }

    /// <summary>Adds a version (or, with null content, the return to the file) and saves it.</summary>
    public static async Task SaveAsync(OneStopDbContext db, string code, string? content, string? note, string user, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.NoticeTemplateOverrides.Add(new NoticeTemplateOverride
        {
            Code = code, Content = content, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), CreatedAt = now, CreatedBy = user,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"Dòng 3, cột 5: …", naming the file when the problem is in the header or layout rather than the edited form.</summary>
    public static string Describe(NoticeProblem problem, string template)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var file = string.Equals(problem.File, template, StringComparison.Ordinal) ? "" : $" ({problem.File})";
        return $"Dòng {problem.Line}, cột {problem.Column}{file}: {problem.Message}";
    }

    /// <summary>The session-or-bearer admin policy of the overrides.</summary>
    public static IServiceCollection AddTemplateOverrides(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(NoticePolicies.TemplateAdmin, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme)
            .RequireRole(Roles.Admin));
        return services;
    }

    /// <summary><c>/notices/templates/{code}/override</c>: read, save (checked), return to the file, preview.</summary>
    public static IEndpointRouteBuilder MapTemplateOverridesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notices/templates/{code}/override").WithTags("Notices")
            .RequireAuthorization(NoticePolicies.TemplateAdmin).AntiforgeryForSessions();
        group.MapGet("", GetAsync).WithName("GetNoticeTemplateOverride")
            .WithSummary("The template's file source, the override in force and the history of overrides");
        group.MapPut("", PutAsync).WithName("SaveNoticeTemplateOverride")
            .WithSummary("Saves a new version after parsing it and rendering the sample with it; errors give line and column");
        group.MapDelete("", DeleteAsync).WithName("RevertNoticeTemplateOverride")
            .WithSummary("Returns the template to its file (adds a version without content; nothing is deleted)");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewNoticeTemplateOverride")
            .WithSummary("Renders the sample with the given source, or gives the errors with line and column")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        return api;
    }

    private static async Task<Results<Ok<TemplateOverrideDto>, NotFound<ProblemDetails>>> GetAsync(
        string code, OneStopDbContext db, NoticeRenderer renderer, CancellationToken cancellationToken) =>
        Find(renderer, code) is { } template ? TypedResults.Ok(await StateAsync(db, renderer, template, cancellationToken)) : NotFound(code);

    private static async Task<Results<Ok<TemplateOverrideDto>, NotFound<ProblemDetails>, ValidationProblem>> PutAsync(
        string code, TemplateOverrideRequest request, OneStopDbContext db, NoticeRenderer renderer, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (Find(renderer, code) is not { } template)
        {
            return NotFound(code);
        }

        var errors = Validate(request.Content, request.Note);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Mẫu thông báo chưa hợp lệ (invalid template)");
        }

        var check = await CheckAsync(renderer, template, request.Content!, cancellationToken);
        if (!check.Succeeded)
        {
            return Invalid(check, template);
        }

        await SaveAsync(db, template.Code, request.Content, request.Note, Officer.Of(http.User).UserName, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(await StateAsync(db, renderer, template, cancellationToken));
    }

    private static async Task<Results<Ok<TemplateOverrideDto>, NotFound<ProblemDetails>>> DeleteAsync(
        string code, string? note, OneStopDbContext db, NoticeRenderer renderer, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (Find(renderer, code) is not { } template)
        {
            return NotFound(code);
        }

        // Already on the file: nothing to record.
        if (await CurrentSourceAsync(db, template.Code, cancellationToken) is not null)
        {
            await SaveAsync(db, template.Code, content: null, note is { Length: > MaxNoteLength } ? note[..MaxNoteLength] : note, Officer.Of(http.User).UserName,
                time.GetUtcNow(), cancellationToken);
        }

        return TypedResults.Ok(await StateAsync(db, renderer, template, cancellationToken));
    }

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> PreviewAsync(
        string code, TemplatePreviewRequest request, NoticeRenderer renderer, CancellationToken cancellationToken)
    {
        if (Find(renderer, code) is not { } template)
        {
            return NotFound(code);
        }

        var errors = Validate(request.Content, note: null);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Mẫu thông báo chưa hợp lệ (invalid template)");
        }

        var check = await CheckAsync(renderer, template, request.Content!, cancellationToken);
        return check.Succeeded ? TypedResults.Content(check.Html, "text/html; charset=utf-8") : Invalid(check, template);
    }

    /// <summary>Codes contain a slash (TT03-2025/01); clients send it escaped as %2F, which routing leaves escaped.</summary>
    private static NoticeTemplateInfo? Find(NoticeRenderer renderer, string code) => renderer.Library.Find(Uri.UnescapeDataString(code));

    private static ValidationProblem Invalid(TemplateCheck check, NoticeTemplateInfo template) =>
        TypedResults.ValidationProblem(check.Errors(template.Template), title: $"Mẫu thông báo có lỗi ({check.ErrorId})",
            extensions: new Dictionary<string, object?>
            {
                ["errorId"] = check.ErrorId,
                ["problems"] = check.Problems.Select(p => new { p.File, p.Line, p.Column, p.Message }).ToList(),
            });

    private static NotFound<ProblemDetails> NotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Title = "Không có mẫu thông báo này (no such template)",
            Detail = $"Không có mẫu {Uri.UnescapeDataString(code)} trong danh mục mẫu.",
            Status = StatusCodes.Status404NotFound,
        });
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Notices;

/// <summary>The notice templates of the manifest, and a preview of each rendered with its sample model.</summary>
public static class NoticesApi
{
    public sealed record NoticeTemplateDto(string Code, string Form, string? FormNumber, string Title, string LegalBasis,
        DateOnly? EffectiveFrom, DateOnly? EffectiveTo, bool ValidToday);

    /// <summary>The notice library (loaded once, on first use) and its renderer, shared by every request.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddSingleton(sp => new NoticeRenderer(NoticeLibrary.Load(NoticeLibrary.ResolveFolder(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath))));
        services.AddOptions<NoticeHeaderOptions>().BindConfiguration(NoticeHeaderOptions.Section);
        services.AddTemplateOverrides();
        return services;
    }

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder api)
    {
        var notices = api.MapGroup("/notices").WithTags("Notices").RequireAuthorization(Policies.Staff);
        notices.MapGet("/templates", List)
            .WithName("ListNoticeTemplates").WithSummary("The notice templates of the manifest: code, form, legal basis, effective dates");
        notices.MapGet("/templates/{code}/preview", PreviewAsync)
            .WithName("PreviewNoticeTemplate").WithSummary("Renders a template with its sample model to printable HTML")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        api.MapTemplateOverridesApi();
        // The control sheet and the ledger are notice forms rendered live; mapped here so one call maps every notice route.
        api.MapDossierReportsApi();
        return api;
    }

    private static Ok<List<NoticeTemplateDto>> List(NoticeRenderer renderer, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnameseText.VietnamOffset).DateTime);
        return TypedResults.Ok(renderer.Library.Manifest.Templates
            .Select(t => new NoticeTemplateDto(t.Code, t.Form, t.FormNumber, t.Title, t.LegalBasis, t.EffectiveFrom, t.EffectiveTo, t.IsValidOn(today)))
            .ToList());
    }

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>> PreviewAsync(
        string code, NoticeRenderer renderer, CancellationToken cancellationToken)
    {
        // Codes contain a slash (TT01-2018/01); clients send it escaped as %2F, which routing leaves escaped.
        code = Uri.UnescapeDataString(code);
        var template = renderer.Library.Find(code);
        if (template is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Không có mẫu thông báo này", Detail = $"No notice template {code}.", Status = StatusCodes.Status404NotFound });
        }

        try
        {
            var html = await renderer.RenderAsync(template, renderer.Library.ReadSample(template), source: null, cancellationToken);
            return TypedResults.Content(html, "text/html; charset=utf-8");
        }
        catch (NoticeTemplateException ex)
        {
            return TypedResults.Problem(title: "Mẫu thông báo có lỗi", detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["errorId"] = ex.ErrorId,
                    ["problems"] = ex.Problems.Select(p => new { p.TemplateCode, p.File, p.Line, p.Column, p.Message }).ToList(),
                });
        }
    }
}

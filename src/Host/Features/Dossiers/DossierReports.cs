using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Notices;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// The control sheet of a dossier (form 05 of 2018 / 06 of 2025) and the ledger (06 / 07), rendered live from the
/// journal and the workflow's tasks: they change with every step, so they are printed when asked, never stored.
/// </summary>
public static class DossierReports
{
    /// <summary>Longest ledger range: a year of one centre is ~17,000 rows, within the renderer's limits.</summary>
    public const int MaxLedgerDays = 366;

    public static IEndpointRouteBuilder MapDossierReportsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/dossiers/{code}/control-sheet", ControlSheetAsync).WithTags("Dossiers")
            .RequireAuthorization(Policies.DossierStaff)
            .WithName("DossierControlSheet").WithSummary("The dossier's process control sheet: one row per hand-off, with early / on time / late")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        api.MapGet("/ledger", LedgerAsync).WithTags("Dossiers")
            .RequireAuthorization(Policies.DossierStaff)
            .WithName("DossierLedger").WithSummary("The dossier ledger (sổ theo dõi hồ sơ) of the dossiers received from one day to another that the user sees")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        return api;
    }

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>, ProblemHttpResult>> ControlSheetAsync(
        string code, OneStopDbContext db, DossierNotices notices, HttpContext http, CancellationToken cancellationToken)
    {
        var dossier = await DossiersApi.FindVisibleAsync(db, http, code, cancellationToken);
        if (dossier is null)
        {
            return DossiersApi.NotFound(code);
        }

        try
        {
            var html = await notices.RenderLiveAsync(db, dossier, NoticeForms.ControlSheet, Officer.Of(http.User).UserName, cancellationToken);
            return html is null
                ? TypedResults.Problem(title: "Chưa có mẫu phiếu kiểm soát áp dụng cho ngày tiếp nhận hồ sơ", statusCode: StatusCodes.Status422UnprocessableEntity)
                : TypedResults.Content(html, "text/html; charset=utf-8");
        }
        catch (NoticeTemplateException ex)
        {
            return TemplateProblem(ex);
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> LedgerAsync(
        OneStopDbContext db, DossierNotices notices, CalendarService calendars, HttpContext http, string? from, string? to, string? agency,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = Day(from, "from", errors);
        var last = Day(to, "to", errors);
        if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber >= MaxLedgerDays))
        {
            errors["to"] = [$"Ngày kết thúc không trước ngày bắt đầu, và cách ngày bắt đầu không quá {MaxLedgerDays} ngày."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Khoảng ngày chưa hợp lệ (invalid date range)");
        }

        // Received between the first day's 00:00 and the day after the last, local time.
        var zone = calendars.Current.TimeZone;
        var start = Local(zone, first);
        var end = Local(zone, last.AddDays(1));
        var query = DossierAccess.Visible(db.Dossiers.AsNoTracking(), http.User).Where(d => d.ReceivedAt >= start && d.ReceivedAt < end);
        if (!string.IsNullOrWhiteSpace(agency))
        {
            var code = agency.Trim();
            query = query.Where(d => d.LeadAgencyCode == code);
        }

        var dossiers = await query.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        try
        {
            return TypedResults.Content(await notices.RenderLedgerAsync(db, dossiers, first, last, cancellationToken), "text/html; charset=utf-8");
        }
        catch (NoticeTemplateException ex)
        {
            return TemplateProblem(ex);
        }
    }

    private static DateOnly Day(string? text, string key, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[key] = ["Nhập ngày theo dạng yyyy-MM-dd (ví dụ 2026-11-26)."];
        return default;
    }

    /// <summary>Local midnight as a UTC instant: stored times are UTC and compare as numbers (see OneStopDbContext).</summary>
    private static DateTimeOffset Local(TimeZoneInfo zone, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static ProblemHttpResult TemplateProblem(NoticeTemplateException ex) =>
        TypedResults.Problem(title: "Mẫu thông báo có lỗi", detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["errorId"] = ex.ErrorId,
                ["problems"] = ex.Problems.Select(p => new { p.TemplateCode, p.File, p.Line, p.Column, p.Message }).ToList(),
            });
}

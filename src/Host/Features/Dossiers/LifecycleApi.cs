using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// <c>/api/dossiers/{code}/…</c>: the actions after reception — supplement received, apology and its decision,
/// withdrawal, stop, return of the result. Roles and units are checked per dossier by <see cref="LifecycleService"/>
/// (404 for a dossier the caller does not see, 403 for an action that is not theirs, 409 for a status that forbids it).
/// </summary>
public static class LifecycleApi
{
    public static RouteGroupBuilder MapLifecycleApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dossiers/{code}").WithTags("Dossiers").RequireAuthorization(Policies.DossierStaff).AntiforgeryForSessions();
        group.MapPost("/supplement-received", ReceiveSupplementAsync).WithName("Lifecycle.SupplementReceived")
            .WithSummary("Hồ sơ bổ sung đã nhận tại quầy: lùi hoặc tính lại hạn, quy trình tiếp tục (supplement received)");
        group.MapGet("/apologies", ListApologiesAsync).WithName("Lifecycle.Apologies")
            .WithSummary("Các văn bản xin lỗi của hồ sơ (apologies)");
        group.MapPost("/apologies", DraftApologyAsync).WithName("Lifecycle.DraftApology")
            .WithSummary("Lập văn bản xin lỗi và hẹn lại ngày trả kết quả, mẫu 04 (draft an apology)");
        group.MapPost("/apologies/{id:guid}/approve", ApproveApologyAsync).WithName("Lifecycle.ApproveApology")
            .WithSummary("Duyệt văn bản xin lỗi: lưu ngày hẹn mới bên cạnh hạn gốc (approve an apology)");
        group.MapPost("/apologies/{id:guid}/reject", RejectApologyAsync).WithName("Lifecycle.RejectApology")
            .WithSummary("Từ chối văn bản xin lỗi (reject an apology)");
        group.MapPost("/withdraw", WithdrawAsync).WithName("Lifecycle.Withdraw")
            .WithSummary("Công dân rút hồ sơ, trạng thái 7 (withdraw)");
        group.MapPost("/stop", StopAsync).WithName("Lifecycle.Stop")
            .WithSummary("Dừng xử lý hồ sơ, trạng thái 8, mẫu 05 (stop)");
        group.MapPost("/return", ReturnAsync).WithName("Lifecycle.Return")
            .WithSummary("Trả kết quả cho công dân, trạng thái 10 (return the result)");
        return group;
    }

    private static async Task<Results<Ok<DossierDto>, ValidationProblem, ProblemHttpResult>> ReceiveSupplementAsync(
        string code, SupplementReceivedRequest request, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken) =>
        ToDossier(await lifecycle.ReceiveSupplementAsync(code, request, http.User, cancellationToken));

    private static async Task<Results<Ok<List<ApologyDto>>, ProblemHttpResult>> ListApologiesAsync(
        string code, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken)
    {
        var (apologies, problem) = await lifecycle.ListApologiesAsync(code, http.User, cancellationToken);
        return apologies is null ? Problem(problem!) : TypedResults.Ok(apologies.Select(ApologyDto.From).ToList());
    }

    private static async Task<Results<Created<ApologyDto>, ValidationProblem, ProblemHttpResult>> DraftApologyAsync(
        string code, ApologyRequest request, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await lifecycle.DraftApologyAsync(code, request, http.User, cancellationToken);
        return result.Problem switch
        {
            { Errors: { } errors } => Invalid(errors),
            { } problem => Problem(problem),
            null => TypedResults.Created($"/api/dossiers/{code}/apologies/{result.Apology!.Id}", ApologyDto.From(result.Apology)),
        };
    }

    private static async Task<Results<Ok<ApologyDto>, ValidationProblem, ProblemHttpResult>> ApproveApologyAsync(
        string code, Guid id, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken) =>
        ToApology(await lifecycle.ApproveApologyAsync(code, id, http.User, cancellationToken));

    private static async Task<Results<Ok<ApologyDto>, ValidationProblem, ProblemHttpResult>> RejectApologyAsync(
        string code, Guid id, ApologyDecisionRequest? request, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken) =>
        ToApology(await lifecycle.RejectApologyAsync(code, id, request, http.User, cancellationToken));

    private static async Task<Results<Ok<DossierDto>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string code, ReasonRequest request, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken) =>
        ToDossier(await lifecycle.WithdrawAsync(code, request, http.User, cancellationToken));

    private static async Task<Results<Ok<DossierDto>, ValidationProblem, ProblemHttpResult>> StopAsync(
        string code, ReasonRequest request, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken) =>
        ToDossier(await lifecycle.StopAsync(code, request, http.User, cancellationToken));

    private static async Task<Results<Ok<DossierDto>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        string code, ReturnResultRequest request, LifecycleService lifecycle, HttpContext http, CancellationToken cancellationToken) =>
        ToDossier(await lifecycle.ReturnResultAsync(code, request, http.User, cancellationToken));

    private static Results<Ok<DossierDto>, ValidationProblem, ProblemHttpResult> ToDossier(LifecycleResult result) => result.Problem switch
    {
        { Errors: { } errors } => Invalid(errors),
        { } problem => Problem(problem),
        null => TypedResults.Ok(DossierDto.From(result.Dossier!)),
    };

    private static Results<Ok<ApologyDto>, ValidationProblem, ProblemHttpResult> ToApology(LifecycleResult result) => result.Problem switch
    {
        { Errors: { } errors } => Invalid(errors),
        { } problem => Problem(problem),
        null => TypedResults.Ok(ApologyDto.From(result.Apology!)),
    };

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Thông tin chưa hợp lệ (invalid request)",
            extensions: new Dictionary<string, object?> { ["code"] = LifecycleCodes.Invalid });

    private static ProblemHttpResult Problem(LifecycleProblem problem)
    {
        var details = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail };
        details.Extensions["code"] = problem.Code;
        return TypedResults.Problem(details);
    }
}

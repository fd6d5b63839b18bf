using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Inbox;

/// <summary>
/// <c>/api/inbox</c>: the steps waiting for an officer's unit and roles — list, claim, release, open with the dossier,
/// complete with an outcome; and <c>/api/lateness</c>: dossiers and steps due within one working day or overdue.
/// </summary>
public static class InboxApi
{
    /// <summary>Largest request body of a completion: a few attachments of up to 20 MB each.</summary>
    private const long MaxCompletionBody = 100 * 1024 * 1024;

    /// <summary>The inbox service and the file store.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddScoped<InboxService>();
        services.AddSingleton<DossierFileStore>();
        return services;
    }

    public static RouteGroupBuilder MapInboxApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/lateness", LatenessAsync).WithTags("Inbox").RequireAuthorization(Policies.DossierStaff)
            .WithName("Lateness").WithSummary("Dossiers and steps due within one working day (kind=dueSoon) or overdue (kind=overdue)");

        var group = api.MapGroup("/inbox").WithTags("Inbox").RequireAuthorization(Policies.Officer).AntiforgeryForSessions();
        group.MapGet("", ListAsync).WithName("Inbox").WithSummary("Open steps of my unit and roles (scope=department) or mine (scope=mine)");
        group.MapGet("/{taskId}", GetAsync).WithName("InboxTask").WithSummary("A step with its dossier, history and allowed outcomes");
        group.MapPost("/{taskId}/claim", ClaimAsync).WithName("ClaimTask").WithSummary("Take the step for myself");
        group.MapPost("/{taskId}/release", ReleaseAsync).WithName("ReleaseTask").WithSummary("Give the step back to the department");
        group.MapPost("/{taskId}/transfer", TransferAsync).WithName("TransferTask")
            .WithSummary("Move the step to another department of the agency (head of the department or agency leader)");
        group.MapPost("/{taskId}/complete", CompleteAsync).WithName("CompleteTask")
            .WithSummary("Complete the step with an outcome (JSON, or multipart with attachments)")
            .WithMetadata(new RequestSizeLimitAttribute(MaxCompletionBody));
        return group;
    }

    private static async Task<Ok<InboxPage>> ListAsync(InboxService inbox, HttpContext http, string? scope, string? procedure, string? status,
        string? sort, int page = 1, CancellationToken cancellationToken = default) =>
        TypedResults.Ok(await inbox.ListAsync(http.User, new InboxQuery(scope, procedure, status, sort, page), cancellationToken));

    private static async Task<Results<Ok<InboxTaskDto>, ProblemHttpResult>> GetAsync(string taskId, InboxService inbox, HttpContext http,
        CancellationToken cancellationToken) =>
        Answer(await inbox.GetAsync(http.User, taskId, cancellationToken));

    private static async Task<Results<Ok<ClaimDto>, ProblemHttpResult>> ClaimAsync(string taskId, InboxService inbox, HttpContext http,
        CancellationToken cancellationToken)
    {
        var result = await inbox.ClaimAsync(http.User, taskId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new ClaimDto(taskId, result.Value)) : Problem(result);
    }

    private static async Task<Results<Ok<ClaimDto>, ProblemHttpResult>> ReleaseAsync(string taskId, InboxService inbox, HttpContext http,
        CancellationToken cancellationToken)
    {
        var result = await inbox.ReleaseAsync(http.User, taskId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new ClaimDto(taskId, null)) : Problem(result);
    }

    private static async Task<Results<Ok<CompletedTask>, ProblemHttpResult, ValidationProblem>> CompleteAsync(string taskId, InboxService inbox,
        HttpContext http, CancellationToken cancellationToken)
    {
        CompleteTaskRequest? request;
        var attachments = new List<IncomingFile>();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            request = new CompleteTaskRequest(form["outcome"], form["comment"], form["supplementReason"],
                [.. form["supplementDocuments"].Select(d => d ?? "")], form["attachmentsAreResult"] == "true");
            attachments.AddRange(form.Files.Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)));
        }
        else
        {
            try
            {
                request = await http.Request.ReadFromJsonAsync<CompleteTaskRequest>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                request = null;
            }
        }

        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["outcome"] = ["Gửi kết quả xử lý (JSON hoặc biểu mẫu)."] },
                title: "Thông tin xử lý chưa hợp lệ (invalid step decision)");
        }

        var result = await inbox.CompleteAsync(http.User, taskId, request, attachments, cancellationToken);
        return result switch
        {
            { Succeeded: true } => TypedResults.Ok(result.Value),
            { Failure: InboxFailure.Invalid, Errors: { } errors } => TypedResults.ValidationProblem(errors, title: result.Message),
            _ => Problem(result),
        };
    }

    private static async Task<Results<Ok<TransferDto>, ProblemHttpResult, ValidationProblem>> TransferAsync(string taskId, TransferTaskRequest request,
        InboxService inbox, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await inbox.TransferAsync(http.User, taskId, request, cancellationToken);
        return result switch
        {
            { Succeeded: true } => TypedResults.Ok(new TransferDto(taskId, result.Value!)),
            { Failure: InboxFailure.Invalid, Errors: { } errors } => TypedResults.ValidationProblem(errors, title: result.Message),
            _ => Problem(result),
        };
    }

    private static async Task<Ok<LatenessReport>> LatenessAsync(InboxService inbox, HttpContext http, string? kind,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.LatenessAsync(http.User, kind, cancellationToken));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(InboxResult<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value!) : Problem(result);

    private static ProblemHttpResult Problem<T>(InboxResult<T> result)
    {
        var (status, title) = result.Failure switch
        {
            InboxFailure.NotFound => (StatusCodes.Status404NotFound, "Không tìm thấy việc (task not found)"),
            InboxFailure.Forbidden => (StatusCodes.Status403Forbidden, "Không thuộc đơn vị, vai trò của bạn (not your task)"),
            InboxFailure.Conflict => (StatusCodes.Status409Conflict, "Việc đã thay đổi (task conflict)"),
            _ => (StatusCodes.Status400BadRequest, "Yêu cầu chưa hợp lệ (invalid request)"),
        };
        return TypedResults.Problem(statusCode: status, title: title, detail: result.Message);
    }
}

/// <summary>Where the step went.</summary>
public sealed record TransferDto(string TaskId, string Department);

/// <summary>Who holds the step after a claim or a release.</summary>
public sealed record ClaimDto(string TaskId, string? ClaimedBy);

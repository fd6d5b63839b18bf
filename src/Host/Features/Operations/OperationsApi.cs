using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Engine;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Features.Operations;

/// <summary>What an admin needs when a flow is stuck: incidents, parked jobs, retry, cancel. Every action is journaled by the engine.</summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder api)
    {
        var operations = api.MapGroup("/operations").WithTags("Operations").RequireAuthorization(Policies.Admin);
        operations.MapGet("/incidents", ListIncidentsAsync)
            .WithName("ListIncidents")
            .WithSummary("Open incidents of all instances, newest first, jobs parked after repeated failures, and notices whose template failed");
        operations.MapPost("/instances/{instanceId}/incidents/{incidentId}/retry", RetryIncidentAsync)
            .WithName("RetryIncident").WithSummary("Runs the failed step again");
        operations.MapPost("/instances/{instanceId}/jobs/{jobId}/retry", RetryJobAsync)
            .WithName("RetryJob").WithSummary("Makes a parked job due again now");
        operations.MapPost("/instances/{instanceId}/cancel", CancelAsync)
            .WithName("CancelInstance").WithSummary("Cancels a running instance, with a reason kept in its journal");
        return api;
    }

    public sealed record IncidentDto(string InstanceId, string IncidentId, string? BusinessKey, string DefinitionKey, string? ElementId, string Kind, string Message, DateTimeOffset CreatedAt);

    public sealed record ParkedJobDto(string InstanceId, string JobId, string ElementId, DateTimeOffset DueAt, int Attempts, string? LastError);

    /// <summary>A notice whose template did not render: nothing was sent; fix the template, then resend it (/notifications).</summary>
    public sealed record NotificationIncidentDto(Guid MessageId, string? DossierCode, string Kind, NotificationChannel Channel, string? Message, DateTimeOffset CreatedAt);

    public sealed record IncidentsDto(IReadOnlyList<IncidentDto> Incidents, IReadOnlyList<ParkedJobDto> ParkedJobs, IReadOnlyList<NotificationIncidentDto> Notifications);

    public sealed record CancelRequest(string Reason);

    /// <summary>Variables to set before the step runs again (e.g. the missing value a condition needed).</summary>
    public sealed record RetryRequest(Dictionary<string, System.Text.Json.Nodes.JsonNode?>? Variables);

    private static async Task<Ok<IncidentsDto>> ListIncidentsAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.AsNoTracking()
            .Join(db.WorkflowInstances, i => i.InstanceId, w => w.Id, (i, w) => new IncidentDto(
                i.InstanceId, i.Id, w.BusinessKey, w.DefinitionKey, i.ElementId, i.Kind, i.Message, i.CreatedAt))
            .ToListAsync(cancellationToken);
        var parked = await db.Jobs.AsNoTracking().Where(j => j.LeaseUntil == JobExecutor.ParkedUntil)
            .Select(j => new ParkedJobDto(j.InstanceId, j.Id, j.ElementId, j.DueAt, j.Attempts, j.LastError))
            .ToListAsync(cancellationToken);
        var notifications = await db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Failed && m.TemplateFailed)
            .OrderByDescending(m => m.CreatedAt).Take(200)
            .Select(m => new NotificationIncidentDto(m.Id, db.Dossiers.Where(d => d.Id == m.DossierId).Select(d => d.Code).FirstOrDefault(), m.Kind,
                m.Channel, m.LastError, m.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new IncidentsDto([.. incidents.OrderByDescending(i => i.CreatedAt)], parked, notifications));
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> RetryIncidentAsync(
        string instanceId, string incidentId, RetryRequest? request, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            await engine.RetryIncidentAsync(instanceId, incidentId, request?.Variables, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, "Not found", ex.Message));
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidOperationException)
        {
            // Changed meanwhile, or an incident whose step cannot run again (e.g. its token is gone).
            return TypedResults.Conflict(Problem(StatusCodes.Status409Conflict, "Cannot retry", ex.Message));
        }
    }

    private static async Task<Results<NoContent, NotFound>> RetryJobAsync(
        string instanceId, string jobId, OneStopDbContext db, JobWakeUp wakeUp, CancellationToken cancellationToken)
    {
        var updated = await db.Jobs.Where(j => j.InstanceId == instanceId && j.Id == jobId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.LastError, (string?)null), cancellationToken);
        if (updated == 0)
        {
            return TypedResults.NotFound();
        }

        wakeUp.Notify();
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> CancelAsync(
        string instanceId, CancelRequest request, HttpContext http, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required; it is kept in the journal."] });
        }

        try
        {
            var user = http.User.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.PreferredUsername)?.Value;
            await engine.CancelAsync(instanceId, request.Reason.Trim(), user, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, "Not found", ex.Message));
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidOperationException)
        {
            return TypedResults.Conflict(Problem(StatusCodes.Status409Conflict, "Cannot cancel", ex.Message));
        }
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}

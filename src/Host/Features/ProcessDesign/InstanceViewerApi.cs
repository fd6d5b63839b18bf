using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Workflows;
using OneStop.Workflows.Execution;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>What the instance viewer draws: the instance's version, where its tokens are, the path it took, its journal, tasks and incidents.</summary>
public static class InstanceViewerApi
{
    internal static IEndpointRouteBuilder MapInstanceViewerApi(this IEndpointRouteBuilder api)
    {
        var instances = api.MapGroup("/process-instances")
            .WithTags("Process design")
            .RequireAuthorization(Policies.Designer)
            .AntiforgeryForSessions();
        instances.MapGet("/{id}", GetAsync).WithName("GetProcessInstanceView").ProducesProblem(404)
            .WithSummary("An instance for the viewer: its version's XML, active and completed elements, counts, journal, open tasks, incidents");
        instances.MapPost("/{id}/incidents/{incidentId}/retry", RetryAsync).WithName("RetryProcessIncident").ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Re-runs the step an incident stopped; the instance goes on or stops on a new incident");
        return api;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(
        string id, WorkflowEngine engine, OneStopDbContext db, CancellationToken cancellationToken)
    {
        var instance = await engine.GetInstanceAsync(id, cancellationToken);
        if (instance is null)
        {
            return TypedResults.Problem(NotFound(id));
        }
        var definition = (await engine.GetDefinitionVersionsAsync(instance.DefinitionKey, cancellationToken))
            .First(v => v.Version == instance.DefinitionVersion);
        var journal = await engine.GetJournalAsync(id, cancellationToken);

        // The process element itself is journaled too; the diagram has no shape for it.
        var steps = journal.Where(e => e.ElementId is not null && e.ElementType != "process").ToList();
        var counts = steps.Where(e => e.Event == JournalEvents.ElementEntered)
            .GroupBy(e => e.ElementId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var completed = steps.Where(e => e.Event == JournalEvents.ElementCompleted).Select(e => e.ElementId!).ToHashSet(StringComparer.Ordinal);
        // The journal records elements, not flows: a flow counts as taken when its source completed and its target was entered.
        var model = engine.Validate(definition.Xml).Model?.FindProcess(instance.DefinitionKey);
        var flows = model?.FlowsById.Values
            .Where(f => completed.Contains(f.SourceId) && counts.ContainsKey(f.TargetId))
            .Select(f => f.Id) ?? [];

        var departmentCodes = instance.UserTasks.Select(t => t.Department).OfType<string>().Distinct().ToList();
        var departmentNames = await DepartmentNamesAsync(db, departmentCodes, cancellationToken);

        return TypedResults.Ok(new InstanceView(
            instance.Id,
            instance.DefinitionKey,
            instance.DefinitionVersion,
            instance.BusinessKey,
            instance.Status.ToString(),
            instance.StartedAt,
            instance.EndedAt,
            definition.Xml,
            [.. instance.Tokens.Select(t => t.ElementId).Distinct(StringComparer.Ordinal)],
            [.. completed.Concat(flows)],
            counts,
            [.. journal.Select(e => new JournalLine(e.Sequence, e.Time, e.Event, e.ElementId, e.ElementName, e.Data))],
            [.. instance.UserTasks.OrderBy(t => t.Sequence).Select(t => new OpenTask(t.Id, t.ElementId, t.Name, t.Department,
                t.Department is null ? null : departmentNames.GetValueOrDefault(t.Department), t.Role, t.Assignee, t.CreatedAt, t.DueAt))],
            [.. instance.Incidents.Select(i => new IncidentLine(i.Id, i.ElementId, i.Kind, i.Message, i.CreatedAt,
                i.TokenId is not null && instance.Tokens.Exists(t => t.Id == i.TokenId)))]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetryAsync(
        string id, string incidentId, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            await engine.RetryIncidentAsync(id, incidentId, cancellationToken: cancellationToken);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.Problem(NotFound(id));
        }
        catch (InvalidOperationException ex)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = DesignRules.Say("Không thể thử lại", "Cannot retry"),
                Detail = DesignRules.Say(
                    "Không còn bước nào chờ ở chỗ lỗi (ví dụ lỗi ở sự kiện kết thúc); hãy hủy hồ sơ thay vì thử lại. Chi tiết: " + ex.Message,
                    "No step waits where it failed (e.g. an error end event); cancel the instance instead. Details: " + ex.Message),
            };
            problem.Extensions["code"] = DesignCodes.CannotRetry;
            return TypedResults.Problem(problem);
        }
    }

    /// <summary>"AGENCY/DEPT" codes to "department — agency" names.</summary>
    private static async Task<Dictionary<string, string>> DepartmentNamesAsync(OneStopDbContext db, List<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return [];
        }
        var agencies = codes.Select(c => c.Split('/')[0]).Distinct().ToList();
        var rows = await db.Departments.AsNoTracking()
            .Where(d => agencies.Contains(d.Agency!.Code))
            .Select(d => new { Agency = d.Agency!.Code, AgencyName = d.Agency.ShortName ?? d.Agency.Name, d.Code, d.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (Code: $"{r.Agency}/{r.Code}", Name: $"{r.Name} — {r.AgencyName}"))
            .Where(r => codes.Contains(r.Code))
            .ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
    }

    private static ProblemDetails NotFound(string id)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = DesignRules.Say("Không tìm thấy", "Not found"),
            Detail = DesignRules.Say($"Không có phiên chạy (instance) '{id}' hoặc sự cố đã được xử lý.", $"No instance '{id}', or the incident was resolved already."),
        };
        problem.Extensions["code"] = DesignCodes.InstanceNotFound;
        return problem;
    }
}

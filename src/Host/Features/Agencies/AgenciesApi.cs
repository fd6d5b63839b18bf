using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Features.Agencies;

public static class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Agencies");
        agencies.MapGet("/", ListAgenciesAsync)
            .RequireAuthorization(Policies.ApiCaller)
            .WithName("ListAgencies")
            .WithSummary("Agencies and their departments");
        agencies.MapGet("/{agencyCode}/staff", ListStaffAsync)
            .RequireAuthorization(Policies.AgencyMember)
            .WithName("ListAgencyStaff")
            .WithSummary("Staff of one agency, with their department and roles (own agency only, unless Admin or Supervisor)");
        agencies.MapGet("/{agencyCode}/departments/{departmentCode}/staff", ListStaffAsync)
            .RequireAuthorization(Policies.AgencyMember)
            .WithName("ListDepartmentStaff")
            .WithSummary("Staff of one department (own department only, unless the agency's leader, Admin or Supervisor)");

        api.MapGet("/me", Me)
            .RequireAuthorization(Policies.ApiCaller)
            .WithTags("Account")
            .WithName("Me")
            .WithSummary("The caller as the access token describes it");
        return api;
    }

    public sealed record DepartmentDto(string Code, string Name);

    public sealed record AgencyDto(string Code, string Name, string? ShortName, AgencyKind Kind, IReadOnlyList<DepartmentDto> Departments);

    public sealed record StaffDto(string UserName, string FullName, string? Department, IReadOnlyList<string> Roles);

    public sealed record CallerDto(string Subject, string? Name, IReadOnlyList<string> Roles, string? Agency, string? Department, IReadOnlyList<string> Scopes);

    private static async Task<Ok<List<AgencyDto>>> ListAgenciesAsync(OneStopDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive)
            .OrderBy(a => a.Code)
            .Select(a => new AgencyDto(a.Code, a.Name, a.ShortName, a.Kind,
                a.Departments.Where(d => d.IsActive).OrderBy(d => d.Code).Select(d => new DepartmentDto(d.Code, d.Name)).ToList()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<StaffDto>>, NotFound<ProblemDetails>>> ListStaffAsync(
        string agencyCode, string? departmentCode, OneStopDbContext db, UserManager<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Departments).SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken);
        var department = departmentCode is null ? null : agency?.Departments.SingleOrDefault(d => d.Code == departmentCode);
        if (agency is null || (departmentCode is not null && department is null))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Title = "Not found",
                Detail = departmentCode is null
                    ? $"No agency has the code '{agencyCode}'."
                    : $"Agency '{agencyCode}' has no department '{departmentCode}'.",
                Status = StatusCodes.Status404NotFound,
            });
        }

        var departmentId = department?.Id;
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.AgencyId == agency.Id && (departmentId == null || u.DepartmentId == departmentId))
            .OrderBy(u => u.UserName)
            .Select(u => new { User = u, Department = u.Department!.Code })
            .ToListAsync(cancellationToken);
        var result = new List<StaffDto>(staff.Count);
        foreach (var row in staff)
        {
            result.Add(new StaffDto(row.User.UserName!, row.User.FullName, row.Department, [.. await users.GetRolesAsync(row.User)]));
        }

        return TypedResults.Ok(result);
    }

    private static Ok<CallerDto> Me(HttpContext http)
    {
        var user = http.User;
        return TypedResults.Ok(new CallerDto(
            user.GetClaim(Claims.Subject)!,
            user.GetClaim(Claims.Name),
            [.. user.GetClaims(Claims.Role)],
            user.GetClaim(OneStopClaims.Agency),
            user.GetClaim(OneStopClaims.Department),
            [.. user.GetScopes()]));
    }
}

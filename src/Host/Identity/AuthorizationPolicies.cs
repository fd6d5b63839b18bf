using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace OneStop.Host.Identity;

/// <summary>Authorization policies of the REST API. Every policy authenticates with OpenIddict bearer tokens only.</summary>
public static class Policies
{
    /// <summary>Any valid access token: a user's or an integration client's.</summary>
    public const string ApiCaller = "api-caller";

    /// <summary>A staff member of any role (not a citizen, not a client-credentials integration).</summary>
    public const string Staff = "staff";

    public const string Admin = "admin";

    /// <summary>Staff of the agency named by the <c>agencyCode</c> route value; Admin and Supervisor see every agency.</summary>
    public const string AgencyMember = "agency-member";

    public static IServiceCollection AddOneStopAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, AgencyMemberHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiCaller, p => Bearer(p).RequireAuthenticatedUser())
            .AddPolicy(Staff, p => Bearer(p).RequireRole(Roles.Staff))
            .AddPolicy(Admin, p => Bearer(p).RequireRole(Roles.Admin))
            .AddPolicy(AgencyMember, p => Bearer(p).RequireRole(Roles.Staff).AddRequirements(new AgencyMemberRequirement()));
        return services;
    }

    private static AuthorizationPolicyBuilder Bearer(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
}

internal sealed class AgencyMemberRequirement : IAuthorizationRequirement;

internal sealed class AgencyMemberHandler : AuthorizationHandler<AgencyMemberRequirement>
{
    public const string RouteKey = "agencyCode";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgencyMemberRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Supervisor))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
            && http.GetRouteValue(RouteKey) is string agencyCode
            && string.Equals(context.User.FindFirst(OneStopClaims.Agency)?.Value, agencyCode, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

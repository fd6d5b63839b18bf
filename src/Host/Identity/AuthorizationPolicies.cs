using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
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

    /// <summary>
    /// Process designers and admins, with a bearer token or with their signed-in session (the designer pages call the
    /// API from the browser); unsafe requests on a session must carry the anti-forgery token, see <see cref="AntiforgeryForSessions"/>.
    /// </summary>
    public const string Designer = "designer";

    /// <summary>
    /// Staff of the agency named by the <c>agencyCode</c> route value and, where the route also names a
    /// <c>departmentCode</c>, of that department — except the agency's leader, who sees all its departments.
    /// Admin and Supervisor see every agency.
    /// </summary>
    public const string AgencyMember = "agency-member";

    /// <summary>
    /// Staff working on dossiers (every staff role but the process designer), with a bearer token or their signed-in
    /// session (the dossier pages call the API from the browser); unsafe session requests need the anti-forgery token.
    /// Which dossiers each one sees is decided per dossier (see <c>DossierAccess</c>).
    /// </summary>
    public const string DossierStaff = "dossier-staff";

    /// <summary>One-stop officers at the counter (and admins), bearer or session.</summary>
    public const string Reception = "reception";

    /// <summary>Department officers who complete steps: specialists, heads and leaders (and the counter's own steps), bearer or session.</summary>
    public const string Officer = "officer";

    public static IServiceCollection AddOneStopAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, AgencyMemberHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiCaller, p => Bearer(p).RequireAuthenticatedUser())
            .AddPolicy(Staff, p => Bearer(p).RequireRole(Roles.Staff))
            .AddPolicy(Admin, p => Bearer(p).RequireRole(Roles.Admin))
            .AddPolicy(AgencyMember, p => Bearer(p).RequireRole(Roles.Staff).AddRequirements(new AgencyMemberRequirement()))
            .AddPolicy(DossierStaff, p => BearerOrSession(p).RequireRole(Roles.Admin, Roles.Reception, Roles.Specialist, Roles.DepartmentHead,
                Roles.AgencyLeader, Roles.Supervisor))
            .AddPolicy(Reception, p => BearerOrSession(p).RequireRole(Roles.Admin, Roles.Reception))
            .AddPolicy(Officer, p => BearerOrSession(p).RequireRole(Roles.Reception, Roles.Specialist, Roles.DepartmentHead, Roles.AgencyLeader))
            .AddPolicy(Designer, p => Bearer(p).AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Admin, Roles.ProcessDesigner));
        return services;
    }

    /// <summary>
    /// An endpoint filter for API groups that accept the session cookie: a POST, PUT or DELETE authenticated by the
    /// cookie must carry the anti-forgery token (header <c>RequestVerificationToken</c>), so another site cannot
    /// make a signed-in browser call the API. Bearer-token calls are not affected.
    /// </summary>
    public static TBuilder AntiforgeryForSessions<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // A cross-site request cannot add an Authorization header, so only cookie-only calls need the token.
            var bySession = http.User.Identities.Any(i => i.AuthenticationType == IdentityConstants.ApplicationScheme)
                && string.IsNullOrEmpty(http.Request.Headers.Authorization);
            if (bySession && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                var antiforgery = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid",
                        detail: "Reload the page and try again.");
                }
            }

            return await next(context);
        });

    private static AuthorizationPolicyBuilder BearerOrSession(AuthorizationPolicyBuilder policy) =>
        Bearer(policy).AddAuthenticationSchemes(IdentityConstants.ApplicationScheme);

    private static AuthorizationPolicyBuilder Bearer(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
}

internal sealed class AgencyMemberRequirement : IAuthorizationRequirement;

internal sealed class AgencyMemberHandler : AuthorizationHandler<AgencyMemberRequirement>
{
    public const string AgencyRouteKey = "agencyCode";
    public const string DepartmentRouteKey = "departmentCode";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgencyMemberRequirement requirement)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (context.Resource is not HttpContext http
            || http.GetRouteValue(AgencyRouteKey) is not string agencyCode
            || !Matches(user, OneStopClaims.Agency, agencyCode))
        {
            return Task.CompletedTask;
        }

        if (http.GetRouteValue(DepartmentRouteKey) is not string departmentCode
            || user.IsInRole(Roles.AgencyLeader)
            || Matches(user, OneStopClaims.Department, departmentCode))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool Matches(ClaimsPrincipal user, string claimType, string value) =>
        string.Equals(user.FindFirst(claimType)?.Value, value, StringComparison.Ordinal);
}

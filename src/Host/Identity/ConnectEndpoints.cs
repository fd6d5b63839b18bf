using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using OneStop.Host.Persistence;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Identity;

/// <summary>
/// The OpenID Connect endpoints that OpenIddict passes through to OneStop: authorize (signs in the cookie user),
/// token (issues tokens for codes, refresh tokens and client credentials), userinfo and logout.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        connect.MapPost("/token", TokenAsync);
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync);
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], LogoutAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, OneStopDbContext db)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || !await signIn.CanSignInAsync(user) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this same request after the login page; prompt=login is dropped so it does not loop.
            IEnumerable<KeyValuePair<string, StringValues>> received = http.Request.HasFormContentType ? http.Request.Form : http.Request.Query;
            var parameters = received.Where(p => p.Key != Parameters.Prompt);
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await CreateUserPrincipalAsync(user, users, db, request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext http, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        IOpenIddictApplicationManager applications, OneStopDbContext db)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The token is no longer valid.");
            }

            // Claims are read again so a role or department change reaches the next refreshed token.
            var principal = await CreateUserPrincipalAsync(user, users, db, result.Principal!.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client application cannot be found.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes());
            if (request.HasScope(IdentityExtensions.ApiScope))
            {
                identity.SetResources(IdentityExtensions.ApiAudience);
            }

            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<ApplicationUser> users, OneStopDbContext db)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token does not belong to a user.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var principal = result.Principal!;
        var info = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Profile))
        {
            info[Claims.Name] = user.FullName;
            info[Claims.PreferredUsername] = user.UserName!;
        }

        if (principal.HasScope(Scopes.Email) && user.Email is not null)
        {
            info[Claims.Email] = user.Email;
            info[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            info[Claims.Role] = await users.GetRolesAsync(user);
            foreach (var claim in await OneStopClaimsPrincipalFactory.OrganisationClaimsAsync(db, user))
            {
                info[claim.Type] = claim.Value;
            }
        }

        return Results.Ok(info);
    }

    private static async Task<IResult> LogoutAsync(SignInManager<ApplicationUser> signIn)
    {
        await signIn.SignOutAsync();
        // OpenIddict redirects to the validated post_logout_redirect_uri, or to the home page without one.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<ClaimsPrincipal> CreateUserPrincipalAsync(
        ApplicationUser user, UserManager<ApplicationUser> users, OneStopDbContext db, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.AddClaims(await OneStopClaimsPrincipalFactory.OrganisationClaimsAsync(db, user));

        identity.SetScopes(scopes);
        if (identity.HasScope(IdentityExtensions.ApiScope))
        {
            identity.SetResources(IdentityExtensions.ApiAudience);
        }

        identity.SetDestinations(GetDestinations);
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> GetDestinations(Claim claim) => claim.Type switch
    {
        // Access tokens carry what /api authorizes on; the identity token only what the client asked to see.
        Claims.Name or Claims.PreferredUsername => claim.Subject!.HasScope(Scopes.Profile)
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken],
        Claims.Email => claim.Subject!.HasScope(Scopes.Email) ? [Destinations.IdentityToken] : [],
        Claims.Role or OneStopClaims.Agency or OneStopClaims.Department => claim.Subject!.HasScope(Scopes.Roles)
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken],
        // The security stamp never leaves the server.
        "AspNet.Identity.SecurityStamp" => [],
        _ => [Destinations.AccessToken],
    };

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

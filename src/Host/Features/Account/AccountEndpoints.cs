using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Cookie sign-out and the language switch of the web pages.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();

        app.MapGet("/culture", (HttpContext http, string c, string? returnUrl) =>
        {
            var culture = c is "en" ? "en" : "vi-VN";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
        return app;
    }
}

using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using OneStop.Host.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Identity;

public static class IdentityExtensions
{
    /// <summary>The scope that grants access to OneStop's REST API, and the audience of its tokens.</summary>
    public const string ApiScope = "api";
    public const string ApiAudience = "onestop-api";

    /// <summary>ASP.NET Core Identity (cookie sign-in for pages) and OpenIddict (server and bearer validation for /api).</summary>
    public static IHostApplicationBuilder AddOneStopIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                o.ClaimsIdentity.UserNameClaimType = Claims.PreferredUsername;
                o.ClaimsIdentity.RoleClaimType = Claims.Role;
                o.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<OneStopDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<OneStopClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "onestop.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes, never with a redirect to the login page.
            o.Events.OnRedirectToLogin = c => ApiStatusOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOrRedirect(c, StatusCodes.Status403Forbidden);
        });

        var section = builder.Configuration.GetSection(OneStopOpenIddictOptions.Section);
        var options = section.Get<OneStopOpenIddictOptions>() ?? new OneStopOpenIddictOptions();
        services.Configure<OneStopOpenIddictOptions>(section);
        var environment = builder.Environment;

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<OneStopDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AllowRefreshTokenFlow();
                o.AllowClientCredentialsFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, ApiScope);
                o.SetAccessTokenLifetime(options.AccessTokenLifetime);
                // Access tokens are signed, not encrypted: integrations (national portal, kiosk) validate them with
                // the published keys. Codes and refresh tokens stay encrypted.
                o.DisableAccessTokenEncryption();
                AddKeys(o, options, environment);

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(ApiAudience);
                o.UseAspNetCore();
            });

        services.AddOneStopAuthorization();
        return builder;
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static void AddKeys(OpenIddictServerBuilder server, OneStopOpenIddictOptions options, IHostEnvironment environment)
    {
        var signing = options.SigningCertificate;
        var encryption = options.EncryptionCertificate;
        if (!string.IsNullOrWhiteSpace(signing.Path) && !string.IsNullOrWhiteSpace(encryption.Path))
        {
            server.AddSigningCertificate(LoadCertificate(signing, "SigningCertificate"));
            server.AddEncryptionCertificate(LoadCertificate(encryption, "EncryptionCertificate"));
        }
        else if (environment.IsDevelopment())
        {
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        else
        {
            throw new StartupException(
                $"OS1004: OpenIddict:SigningCertificate:Path and OpenIddict:EncryptionCertificate:Path must name .pfx files outside Development (environment '{environment.EnvironmentName}'); development keys are refused.");
        }
    }

    private static X509Certificate2 LoadCertificate(CertificateFile file, string name)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path!, file.Password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new StartupException($"OS1005: OpenIddict:{name} '{file.Path}' has no private key.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new StartupException($"OS1005: OpenIddict:{name} '{file.Path}' cannot be loaded: {ex.Message}", ex);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OneStop.Host.Features.Account;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Inbox;
using OneStop.Host.Features.Lookup;
using OneStop.Host.Features.Operations;
using OneStop.Host.Features.Notices;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Features.ProcessDesign;
using OneStop.Host.Health;
using OneStop.Host.Identity;
using OneStop.Host.Logging;
using Scalar.AspNetCore;

namespace OneStop.Host.Web;

public static class WebExtensions
{
    private static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en")];

    /// <summary>Pages (Vietnamese first, English available), ProblemDetails, OpenAPI and health checks.</summary>
    public static IHostApplicationBuilder AddOneStopWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Vietnamese letters are written as themselves, not as &#x...; entities: readable pages, smaller HTML.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                // The citizens' address of the one sign-in page.
                o.Conventions.AddPageRoute("/Account/Login", "dang-nhap");
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddProblemDetails();
        // Enums travel as their names ("Holiday", "Department"), readable and stable when members are added.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OneStop API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from /connect/token (authorization code + PKCE, or client credentials) with the `api` scope.",
                };
                return Task.CompletedTask;
            });
        });
        services.AddOneStopHealthChecks();
        services.AddLookup(builder.Configuration);
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies(builder.Configuration, o));
        return builder;
    }

    /// <summary>
    /// Behind a reverse proxy the client's address (the look-up's rate limit, the logs) and scheme come from
    /// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> — only on requests from the proxies named in
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR). Nothing named:
    /// the headers are ignored, so no client can pick its own address.
    /// </summary>
    private static void TrustedProxies(IConfiguration configuration, ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network (e.g. 10.0.0.0/8)."));
        }
    }

    public static WebApplication UseOneStopWeb(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (proxies.KnownProxies.Count > 0 || proxies.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseOneStopRequestLogging();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseUserLogContext();
        app.UseAuthorization();
        // After routing: only endpoints that ask for a policy (the public look-up) are limited.
        app.UseRateLimiter();

        app.MapOneStopHealthChecks();
        app.MapConnectEndpoints();
        app.MapAccountEndpoints();
        app.MapRazorPages();

        var api = app.MapGroup("/api");
        api.MapAgenciesApi();
        api.MapProcessDesignApi();
        api.MapCalendarApi();
        api.MapOperationsApi();
        api.MapCatalogueApi();
        api.MapNoticesApi();
        api.MapDossiersApi();
        api.MapLifecycleApi();
        api.MapInboxApi();
        api.MapNotificationsApi();
        api.MapLookupApi();

        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/api-docs");
        }

        return app;
    }
}

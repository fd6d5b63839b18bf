using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace OneStop.Host.Features.Lookup;

/// <summary>Settings of the public look-up (section <c>Lookup</c>).</summary>
public sealed class LookupOptions
{
    public const string Section = "Lookup";

    /// <summary>Look-ups one client address may make per window (page and API together). Default: 30.</summary>
    public int PermitLimit { get; set; } = 30;

    /// <summary>Length of the fixed window in seconds. Default: 60.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Per client address, a fixed window of <see cref="LookupOptions.PermitLimit"/> look-ups: enough for a citizen, too few
/// to walk the code space (a day's codes of an agency are sequential). Rejections answer 429 with Retry-After, as
/// ProblemDetails on the API and as a short page on /tra-cuu. Behind a reverse proxy, name it in
/// <c>ForwardedHeaders:KnownProxies</c> (see <c>WebExtensions</c>), or every citizen shares the proxy's window.
/// </summary>
public sealed class LookupRateLimiterPolicy(IOptions<LookupOptions> options, IStringLocalizer<SharedResource> text) : IRateLimiterPolicy<string>
{
    public const string Name = "lookup";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                QueueLimit = 0,
            });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : Math.Max(1, options.Value.WindowSeconds);
        seconds = Math.Max(1, seconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await http.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Title = "Tra cứu quá nhiều lần (too many look-ups)",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {seconds} giây."),
                Status = StatusCodes.Status429TooManyRequests,
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
            return;
        }

        // A small page of its own: the rejected request never reaches Razor, and the message must still read as the site.
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // The site's encoder writes Vietnamese letters as themselves (see AddOneStopWeb).
        var encoder = http.RequestServices.GetRequiredService<HtmlEncoder>();
        string Encode(string s) => encoder.Encode(s);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{Encode(text["Lookup_TooManyTitle"])} · OneStop</title>
            <link rel="stylesheet" href="/css/site.css" /><link rel="stylesheet" href="/css/lookup.css" /></head>
            <body><main class="lookup">
            <h1>{Encode(text["Lookup_TooManyTitle"])}</h1>
            <p class="lookup-too-many" role="alert" data-testid="lookup-too-many">{Encode(text["Lookup_TooMany", seconds])}</p>
            <p><a href="/tra-cuu">{Encode(text["Lookup_Back"])}</a></p>
            </main></body></html>
            """, cancellationToken);
    }
}

public static class LookupExtensions
{
    /// <summary>The look-up query and its rate limiter policy (<c>Lookup:PermitLimit</c>, <c>Lookup:WindowSeconds</c>).</summary>
    public static IServiceCollection AddLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LookupOptions>(configuration.GetSection(LookupOptions.Section));
        services.AddScoped<LookupQuery>();
        services.AddRateLimiter(o => o.AddPolicy<string, LookupRateLimiterPolicy>(LookupRateLimiterPolicy.Name));
        return services;
    }
}

using System.Security.Claims;
using Serilog;
using Serilog.Context;
using Serilog.Settings.Configuration;
using Serilog.Formatting.Compact;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Host.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> section (levels, file sink, enrichers); the console writes readable text when
    /// <c>Serilog:ConsoleFormat</c> is <c>text</c> (Development) and compact JSON otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddOneStopLogging(this IHostApplicationBuilder builder)
    {
        var json = !string.Equals(builder.Configuration["Serilog:ConsoleFormat"], "text", StringComparison.OrdinalIgnoreCase);
        // Each host owns its logger (preserveStaticLogger): the static Log.Logger stays the start-up console logger of
        // Program, and several hosts in one process (the tests) never write into each other's files.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            // Sink assemblies are named, not discovered: discovery depends on the entry assembly's dependency file,
            // which differs under a test runner.
            var readerOptions = new ConfigurationReaderOptions(typeof(FileLoggerConfigurationExtensions).Assembly, typeof(CompactJsonFormatter).Assembly);
            logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>(), readerOptions)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<PersonalDataRedactor>();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseOneStopRequestLogging(this IApplicationBuilder app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        // Path only: query strings can carry codes or tokens and are not logged.
        return app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // This host's logger, not the static one (see AddOneStopLogging).
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        });
    }

    /// <summary>After authentication: the signed-in user's id on every later log event and on the request log line.</summary>
    public static IApplicationBuilder UseUserLogContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The user id (a GUID) identifies the actor for audit without personal data; names and e-mails stay out.
        var userId = context.User.FindFirstValue(Claims.Subject);
        if (userId is null)
        {
            await next(context);
            return;
        }

        context.RequestServices.GetRequiredService<IDiagnosticContext>().Set("UserId", userId);
        using (LogContext.PushProperty("UserId", userId))
        {
            await next(context);
        }
    });
}

using OneStop.Host;
using OneStop.Host.Cli;
using OneStop.Host.Engine;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notices;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Features.Portal.Account;
using OneStop.Host.Identity;
using OneStop.Host.Logging;
using OneStop.Host.Persistence;
using OneStop.Host.Seeding;
using OneStop.Host.Web;
using Serilog;

// `bpmn run` needs no web host and must keep stdout for its JSON lines.
if (Commands.IsBpmnRun(args))
{
    return await Commands.RunBpmnAsync(args);
}

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(SourceCheckout.Options(args));
    SourceCheckout.UseDefaultUrl(builder);
    builder.AddOneStopLogging();
    builder.AddOneStopPersistence();
    builder.AddOneStopIdentity();
    builder.Services.AddCitizenAccounts();
    builder.Services.AddOneStopEngine(builder.Configuration);
    builder.Services.AddDossiers();
    builder.Services.AddNotices();
    builder.Services.AddNotifications(builder.Configuration);
    builder.Services.AddOneStopSeeding(builder.Configuration);
    builder.AddOneStopWeb();

    var app = builder.Build();
    if (Commands.IsDbMigrate(args))
    {
        await app.Services.MigrateDatabaseAsync();
        return 0;
    }

    if (app.Configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.MigrateOnStartup), true))
    {
        await app.Services.MigrateDatabaseAsync();
    }

    await app.Services.SeedAsync();
    app.UseOneStopWeb();
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    // One clear line, no stack trace: these are configuration or environment problems, not bugs.
    Log.Fatal("OneStop cannot start. {Reason}", ex.Message);
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "OneStop stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Host.Features.Calendar;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Engine;

public static class EngineExtensions
{
    /// <summary>The workflow engine on the Host's database: one engine per node, state only in the database.</summary>
    public static IServiceCollection AddOneStopEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<JobExecutorOptions>(configuration.GetSection(JobExecutorOptions.Section));
        services.AddSingleton<JobWakeUp>();
        services.AddHostedService<JobExecutor>();
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        // Engine:MessageTimeToLive — how long a message that found no waiting instance is kept for one that starts
        // waiting later (e.g. a payment confirmed before the step that waits for it). Default: one day.
        var messageTtl = configuration.GetValue("Engine:MessageTimeToLive", TimeSpan.FromDays(1));
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<CalendarService>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarService>());
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<IWorkflowStore>(),
            new WorkflowEngineOptions
            {
                TimeProvider = sp.GetRequiredService<TimeProvider>(),
                MessageTimeToLive = messageTtl,
                Calendars = sp.GetRequiredService<CalendarService>(),
            }));
        return services;
    }
}

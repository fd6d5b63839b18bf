using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Engine;

public static class EngineExtensions
{
    /// <summary>The workflow engine on the Host's database: one engine per node, state only in the database.</summary>
    public static IServiceCollection AddOneStopEngine(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<IWorkflowStore>(),
            new WorkflowEngineOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }));
        return services;
    }
}

using Microsoft.Extensions.Options;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;

namespace OneStop.Host.Seeding;

public static class SeedingExtensions
{
    public static IServiceCollection AddOneStopSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<ClientRegistrar>();
        services.AddScoped<Seeder>();
        return services;
    }

    /// <summary>Seeds what every installation needs, and the demo province where <c>Database:SeedDemoData</c> (default: Development) allows.</summary>
    public static async Task SeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var demo = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoData ?? environment.IsDevelopment();
        if (demo && environment.IsProduction())
        {
            throw new StartupException("OS1006: Database:SeedDemoData is refused in Production: demo users have a published password.");
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(demo, cancellationToken);
    }
}

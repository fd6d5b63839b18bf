using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Notifications;

namespace OneStop.Host.Persistence;

public static class PersistenceExtensions
{
    /// <summary>Registers <see cref="OneStopDbContext"/> on the configured provider.</summary>
    public static IHostApplicationBuilder AddOneStopPersistence(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = options.ParseProvider();
        var connectionString = builder.Configuration.GetConnectionString("OneStop");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseProviderExtensions.DefaultSqliteConnectionString(builder.Environment.ContentRootPath)
                : throw new StartupException(
                    $"OS1003: ConnectionStrings:OneStop is required for Database:Provider '{provider}'.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
        }

        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        // Notifications are written by an interceptor in the same save as the dossier change (transactional outbox).
        void Configure(IServiceProvider sp, DbContextOptionsBuilder o) =>
            o.UseProvider(provider, connectionString).AddInterceptors(sp.GetRequiredService<OutboxInterceptor>());
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.Services.AddDbContextPool<OneStopDbContext, SqliteOneStopDbContext>(Configure),
            DatabaseProvider.PostgreSql => builder.Services.AddDbContextPool<OneStopDbContext, PostgreSqlOneStopDbContext>(Configure),
            _ => builder.Services.AddDbContextPool<OneStopDbContext, SqlServerOneStopDbContext>(Configure),
        };
        // The data-protection key ring (sign-in cookies, anti-forgery tokens, Identity's codes) lives in the database, so
        // every node reads and writes the same keys: a cookie issued by one node is accepted by the others, and a restart
        // or a new container keeps sessions. Without this, each machine kept its own keys in the user's profile folder.
        builder.Services.AddDataProtection().SetApplicationName("OneStop").PersistKeysToDbContext<OneStopDbContext>();
        return builder;
    }

    /// <summary>
    /// Applies pending migrations. An unreachable database becomes a <see cref="StartupException"/> with one clear line.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<OneStopDbContext>>();
        try
        {
            if (db.Database.IsSqlite())
            {
                // Write-ahead log: readers never wait for a writer and a commit never waits for readers. With the default
                // rollback journal a page's query could wait behind a background round's commit up to the 30 s busy
                // timeout. The mode is stored in the file, so a database migrated once keeps it.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                logger.LogInformation("Database schema is up to date ({Provider})", db.Database.ProviderName);
                return;
            }

            logger.LogInformation("Applying {Count} migration(s) on {Provider}", pending.Count, db.Database.ProviderName);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException { InnerException: DbException })
        {
            var cause = ex is DbException ? ex : ex.InnerException!;
            throw new StartupException($"OS1002: The database cannot be reached or migrated ({db.Database.ProviderName}): {cause.Message}", ex);
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

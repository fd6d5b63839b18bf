using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Host.Persistence;

/// <summary>The relational databases OneStop runs on. Chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Which database to use. Default: <c>Sqlite</c>, which needs nothing installed.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Apply pending migrations when the Host starts. Default: true; turn off where a DBA runs <c>db migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed the demo agencies, counters and one user per role. Default: only in Development.</summary>
    public bool? SeedDemoData { get; set; }

    public DatabaseProvider ParseProvider() =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupException(
                $"OS1001: Database:Provider '{Provider}' is not supported. Use Sqlite, PostgreSql or SqlServer.");
}

public static class DatabaseProviderExtensions
{
    /// <summary>The SQLite connection string used when none is configured: a file in the content root's data folder.</summary>
    public static string DefaultSqliteConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(contentRoot, "data", "onestop.db")}";

    /// <summary>
    /// Where OneStop keeps its own files (uploads, notification pickup folders): the SQLite database's folder, else
    /// <c>data</c> in the content root.
    /// </summary>
    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? nameof(DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("OneStop");
        if (string.Equals(provider, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(connectionString)
            && new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } source && source != ":memory:")
        {
            return Path.GetDirectoryName(Path.GetFullPath(source, environment.ContentRootPath)) ?? environment.ContentRootPath;
        }

        return Path.Combine(environment.ContentRootPath, "data");
    }

    /// <summary>Configures <paramref name="options"/> for <paramref name="provider"/>, with migrations kept per provider.</summary>
    public static DbContextOptionsBuilder UseProvider(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
}

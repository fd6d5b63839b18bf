using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Sqlite_migrations_create_every_table_of_the_model()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteOneStopDbContext(options))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
                Assert.All(ModelTables(db), t => Assert.Contains(t, tables));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_hosts_sqlite_database_runs_with_a_write_ahead_log()
    {
        await using var app = await OneStopApp.StartAsync(new Dictionary<string, string?>());
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.Folder, "onestop.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        // Readers never wait for a writer's commit, nor a commit for readers (the rollback journal stalled page requests).
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Sqlite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new SqliteOneStopDbContext(
            new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --project src/Host --context SqliteOneStopDbContext --output-dir Persistence/Migrations/Sqlite");
    }

    [Fact]
    public void PostgreSql_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new PostgreSqlOneStopDbContext(
            new DbContextOptionsBuilder<PostgreSqlOneStopDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration with --context PostgreSqlOneStopDbContext --output-dir Persistence/Migrations/PostgreSql");
    }

    [Fact]
    public void SqlServer_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration with --context SqlServerOneStopDbContext --output-dir Persistence/Migrations/SqlServer");
    }

    [Fact]
    public void SqlServer_idempotent_migration_script_parses_without_errors()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [OpenIddictApplications]", script, StringComparison.Ordinal);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var statements = ((TSqlScript)fragment).Batches.Sum(b => b.Statements.Count);
        Assert.True(statements > 20, $"expected the whole schema, parsed {statements} statements");
    }

    internal static IReadOnlyList<string> ModelTables(DbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();

    private static SqlServerOneStopDbContext SqlServerContext() => new(
        new DbContextOptionsBuilder<SqlServerOneStopDbContext>().UseSqlServer("Server=unused;Database=OneStop;TrustServerCertificate=True").Options);
}

[Collection(PostgreSqlDefinition.Name)]
public sealed class PostgreSqlMigrationTests(PostgreSqlServer server)
{
    [Fact]
    public async Task PostgreSql_migrations_apply_on_a_real_server_and_create_every_table()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlOneStopDbContext>().UseNpgsql(await server.CreateDatabaseAsync()).Options;
        await using var db = new PostgreSqlOneStopDbContext(options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();
        Assert.All(MigrationTests.ModelTables(db), t => Assert.Contains(t, tables));
    }

    [Fact]
    public async Task Host_on_PostgreSql_migrates_seeds_and_reports_ready()
    {
        await using var app = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:OneStop"] = await server.CreateDatabaseAsync(),
        });
        using var http = app.CreateHttpClient();

        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}

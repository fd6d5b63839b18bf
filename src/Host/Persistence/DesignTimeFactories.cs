using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneStop.Host.Persistence;

// `dotnet ef migrations add NAME --context <Provider>OneStopDbContext --output-dir Persistence/Migrations/<Provider>`
// uses these factories, so adding a migration needs no running database and no configuration.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneStopDbContext>
{
    public SqliteOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlOneStopDbContext>
{
    public PostgreSqlOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlOneStopDbContext>().UseNpgsql("Host=localhost;Database=onestop").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOneStopDbContext>
{
    public SqlServerOneStopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerOneStopDbContext>().UseSqlServer("Server=localhost;Database=OneStop;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Identity;

namespace OneStop.Host.Persistence;

/// <summary>
/// The one EF Core model of OneStop: domain, engine, Identity, OpenIddict and data-protection keys.
/// Each database provider has a subclass that owns its migrations (see <see cref="DatabaseProvider"/>).
/// </summary>
public abstract class OneStopDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(OneStopDbContext).Assembly);
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteOneStopDbContext(DbContextOptions<SqliteOneStopDbContext> options) : OneStopDbContext(options);

/// <summary>The model on PostgreSQL.</summary>
public sealed class PostgreSqlOneStopDbContext(DbContextOptions<PostgreSqlOneStopDbContext> options) : OneStopDbContext(options);

/// <summary>The model on SQL Server.</summary>
public sealed class SqlServerOneStopDbContext(DbContextOptions<SqlServerOneStopDbContext> options) : OneStopDbContext(options);

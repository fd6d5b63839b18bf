using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneStop.Host.Engine;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notices;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Features.ProcessDesign;
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

    public DbSet<WorkflowDefinitionRow> WorkflowDefinitions => Set<WorkflowDefinitionRow>();

    public DbSet<WorkflowInstanceRow> WorkflowInstances => Set<WorkflowInstanceRow>();

    public DbSet<UserTaskRow> UserTasks => Set<UserTaskRow>();

    public DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();

    public DbSet<JobRow> Jobs => Set<JobRow>();

    public DbSet<BufferedMessageRow> BufferedMessages => Set<BufferedMessageRow>();

    public DbSet<JournalRow> Journal => Set<JournalRow>();

    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();

    public DbSet<ProcessDraft> ProcessDrafts => Set<ProcessDraft>();

    public DbSet<CalendarSpecialDayRow> CalendarSpecialDays => Set<CalendarSpecialDayRow>();

    public DbSet<CalendarHolidayRuleRow> CalendarHolidayRules => Set<CalendarHolidayRuleRow>();

    public DbSet<Field> CatalogueFields => Set<Field>();

    public DbSet<Procedure> CatalogueProcedures => Set<Procedure>();

    public DbSet<DossierSequence> DossierSequences => Set<DossierSequence>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    public DbSet<SupplementRequest> DossierSupplements => Set<SupplementRequest>();

    public DbSet<Apology> DossierApologies => Set<Apology>();

    public DbSet<IssuedNotice> DossierNotices => Set<IssuedNotice>();

    public DbSet<DossierFile> DossierFiles => Set<DossierFile>();

    public DbSet<TaskClaim> TaskClaims => Set<TaskClaim>();

    public DbSet<NoticeTemplateOverride> NoticeTemplateOverrides => Set<NoticeTemplateOverride>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(OneStopDbContext).Assembly);
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteOneStopDbContext(DbContextOptions<SqliteOneStopDbContext> options) : OneStopDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; as 64-bit numbers UTC instants compare correctly,
        // which due-job and inbox queries need. Every time OneStop stores is UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The model on PostgreSQL.</summary>
public sealed class PostgreSqlOneStopDbContext(DbContextOptions<PostgreSqlOneStopDbContext> options) : OneStopDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz takes UTC only; deadlines come from the calendar in local time (+07:00), the same instant.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>Writes every instant as UTC (the same instant, offset 0); reads it back as stored.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>The model on SQL Server.</summary>
public sealed class SqlServerOneStopDbContext(DbContextOptions<SqlServerOneStopDbContext> options) : OneStopDbContext(options);

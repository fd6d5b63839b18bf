using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Dossiers;

public sealed class DossierCodeTests
{
    [Fact]
    public async Task Fifty_parallel_allocations_on_Sqlite_give_fifty_consecutive_codes_and_a_rollback_leaves_no_gap()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-codes-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteOneStopDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            await DossierCodeScenario.RunAsync(() => new SqliteOneStopDbContext(options));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_date_is_the_receipt_day_in_Vietnam_and_each_agency_and_day_counts_from_one()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-codes-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite($"Data Source={file}").Options;
            await using var db = new SqliteOneStopDbContext(options);
            await db.Database.MigrateAsync();
            var codes = DossierCodeScenario.Generator();

            await using var transaction = await db.Database.BeginTransactionAsync();
            // 16:59 UTC is 23:59 in Hà Nội, 17:00 UTC is already the next day there.
            var lateEvening = await codes.NextAsync(db, "000.00.03.H56", new DateTimeOffset(2026, 11, 26, 16, 59, 0, TimeSpan.Zero), default);
            var nextMorning = await codes.NextAsync(db, "000.00.03.H56", new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), default);
            var otherAgency = await codes.NextAsync(db, "000.00.04.H56", new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), default);
            var again = await codes.NextAsync(db, "000.00.03.H56", new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), default);
            await transaction.CommitAsync();

            Assert.Equal("000.00.03.H56-261126-0001", lateEvening);
            Assert.Equal("000.00.03.H56-261127-0001", nextMorning);
            Assert.Equal("000.00.04.H56-261127-0001", otherAgency);
            Assert.Equal("000.00.03.H56-261127-0002", again);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Outside_a_transaction_no_number_is_handed_out()
    {
        await using var db = new SqliteOneStopDbContext(new DbContextOptionsBuilder<SqliteOneStopDbContext>().UseSqlite("Data Source=:memory:").Options);

        await Assert.ThrowsAsync<InvalidOperationException>(() => DossierCodeScenario.Generator().NextAsync(db, "000.00.03.H56", DateTimeOffset.UtcNow, default));
    }
}

[Collection(PostgreSqlDefinition.Name)]
public sealed class PostgreSqlDossierCodeTests(PostgreSqlServer server)
{
    [Fact]
    public async Task Fifty_parallel_allocations_on_PostgreSql_give_fifty_consecutive_codes_and_a_rollback_leaves_no_gap()
    {
        var options = new DbContextOptionsBuilder<PostgreSqlOneStopDbContext>().UseNpgsql(await server.CreateDatabaseAsync()).Options;
        await using (var db = new PostgreSqlOneStopDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        await DossierCodeScenario.RunAsync(() => new PostgreSqlOneStopDbContext(options));
    }
}

internal static class DossierCodeScenario
{
    private const string Agency = "000.00.03.H56";

    // 08:30 on Thursday 26/11/2026 in Hà Nội.
    private static readonly DateTimeOffset Received = new(2026, 11, 26, 1, 30, 0, TimeSpan.Zero);

    /// <summary>The generator as the Host registers it, with the calendar's default time zone.</summary>
    public static IDossierCodeGenerator Generator()
    {
        var services = new ServiceCollection();
        services.AddOptions<CalendarOptions>();
        services.AddDossierCodes();
        return services.BuildServiceProvider().GetRequiredService<IDossierCodeGenerator>();
    }

    public static async Task RunAsync(Func<OneStopDbContext> newContext)
    {
        var codes = Generator();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allocations = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await using var db = newContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var code = await codes.NextAsync(db, Agency, Received, default);
            await transaction.CommitAsync();
            return code;
        })).ToList();
        start.SetResult();
        var allocated = await Task.WhenAll(allocations);

        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"{Agency}-261126-{n:D4}"), allocated.Order(StringComparer.Ordinal));

        await using (var db = newContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal($"{Agency}-261126-0051", await codes.NextAsync(db, Agency, Received, default));
            await transaction.RollbackAsync();
        }

        await using (var db = newContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal($"{Agency}-261126-0051", await codes.NextAsync(db, Agency, Received, default));
            await transaction.CommitAsync();
        }
    }
}

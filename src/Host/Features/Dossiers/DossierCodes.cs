using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Persistence;
using OneStop.Workflows.Calendar;

namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// Hands out dossier codes (mã hồ sơ). Replaceable: Circular 03/2025/TT-VPCP re-specifies the code, and a province may
/// adopt the new shape on its own date.
/// </summary>
public interface IDossierCodeGenerator
{
    /// <summary>
    /// The next code of <paramref name="agencyCode"/> for a dossier received at <paramref name="receivedAt"/>, allocated in
    /// the open transaction of <paramref name="db"/>: committed with the dossier, or given back when it rolls back.
    /// </summary>
    Task<string> NextAsync(OneStopDbContext db, string agencyCode, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}

/// <summary>
/// <c>&lt;agency code&gt;-YYMMDD-NNNN</c> (Circular 01/2018): a per-agency sequence restarting each day of receipt in the
/// centre's time zone, kept in <c>DossierSequences</c>. An atomic <c>UPDATE … SET Last = Last + 1</c> locks the day's row
/// until the caller commits, so nodes queue on the database instead of an in-process lock, and a rollback returns the
/// number: no gaps, no duplicates. The day's first allocation inserts the row; losing that race to another node
/// (a unique-key violation) rolls back to a savepoint and increments the winner's row.
/// </summary>
public sealed class DailySequenceDossierCodes(TimeZoneInfo timeZone) : IDossierCodeGenerator
{
    private const int MaxAttempts = 5;

    public async Task<string> NextAsync(OneStopDbContext db, string agencyCode, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyCode);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Dossier codes are allocated inside the caller's transaction, so a rollback gives the number back.");
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, timeZone).DateTime);
        for (var attempt = 1; ; attempt++)
        {
            var number = await IncrementAsync(db, agencyCode, date, cancellationToken);
            if (number is null && await TryInsertFirstAsync(db, transaction, agencyCode, date, cancellationToken))
            {
                number = 1;
            }

            if (number is { } n)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{date:yyMMdd}-{n:D4}");
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"No dossier number for {agencyCode} on {date:yyyy-MM-dd} after {MaxAttempts} attempts.");
            }
        }
    }

    private static async Task<int?> IncrementAsync(OneStopDbContext db, string agencyCode, DateOnly date, CancellationToken cancellationToken)
    {
        var day = db.DossierSequences.Where(s => s.AgencyCode == agencyCode && s.Date == date);
        if (await day.ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), cancellationToken) == 0)
        {
            return null;
        }

        // The UPDATE holds the row's write lock until commit, so this read sees our own increment.
        return await day.Select(s => s.Last).SingleAsync(cancellationToken);
    }

    private static async Task<bool> TryInsertFirstAsync(
        OneStopDbContext db, IDbContextTransaction transaction, string agencyCode, DateOnly date, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(DossierSequence))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var insert = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} "
            + $"({Column(nameof(DossierSequence.AgencyCode))}, {Column(nameof(DossierSequence.Date))}, {Column(nameof(DossierSequence.Last))}) "
            + "VALUES ({0}, {1}, 1)";

        // PostgreSQL aborts the whole transaction on an error; the savepoint keeps the caller's work alive.
        const string savepoint = "dossier_sequence";
        await transaction.CreateSavepointAsync(savepoint, cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(insert, [agencyCode, date], cancellationToken);
            await transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
            return true;
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            return false;
        }
    }

    private static bool IsUniqueViolation(DbException e) => e switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        SqlException s => s.Number is 2627 or 2601,
        _ => false,
    };
}

public static class DossierCodesExtensions
{
    /// <summary>Registers the Circular 01/2018 code generator, dated in the calendar's time zone (<c>Calendar:TimeZone</c>).</summary>
    public static IServiceCollection AddDossierCodes(this IServiceCollection services)
    {
        services.TryAddSingleton<IDossierCodeGenerator>(sp =>
            new DailySequenceDossierCodes(WorkingCalendar.ResolveTimeZone(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.TimeZone)));
        return services;
    }
}

using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Persistence;
using OneStop.Host.Seeding;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Seeding;

public sealed class SeedingTests
{
    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"onestop-seed-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:OneStop"] = $"Data Source={Path.Combine(folder, "seed.db")}" };
        Directory.CreateDirectory(folder);
        try
        {
            string first;
            await using (var app = await OneStopApp.StartAsync(settings))
            {
                first = await SnapshotAsync(app);
                await app.Services.SeedAsync();
                Assert.Equal(first, await SnapshotAsync(app));
            }

            // A restart on the same database seeds again at start-up.
            await using var restarted = await OneStopApp.StartAsync(settings);
            Assert.Equal(first, await SnapshotAsync(restarted));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_province_has_its_agencies_counters_and_one_user_per_role()
    {
        await using var app = await OneStopApp.StartAsync(new Dictionary<string, string?>());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();

        var kinds = await db.Agencies.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).Distinct().CountAsync();

        Assert.Equal(15, kinds["Department"]);
        Assert.Equal(2, kinds["Company"]);
        Assert.Equal(2, kinds["VerticalAgency"]);
        Assert.Equal(1, kinds["ServiceCentre"]);
        Assert.True(await db.Departments.CountAsync() >= 40);
        Assert.Equal(10, await db.Counters.CountAsync());
        Assert.Equal(8, roles);
    }

    /// <summary>Every row of every table, in key order: any change made by seeding shows up as a difference.</summary>
    private static async Task<string> SnapshotAsync(OneStopApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            text.Append('#').AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i)).Append(';');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}

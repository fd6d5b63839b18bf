using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;
using Xunit.Abstractions;

namespace OneStop.Host.Tests.Engine;

/// <summary>
/// Three Host processes on one PostgreSQL database share 10,000 due timers; one is killed mid-way. Every timer must
/// fire exactly once, none early, none lost.
/// </summary>
[Collection(PostgreSqlDefinition.Name)]
public sealed class ClusterTimerTests(PostgreSqlServer server, ITestOutputHelper output)
{
    private const int Instances = 2_000;
    private static readonly string[] Durations = ["PT4S", "PT5S", "PT6S", "PT7S", "PT8S"];

    [Fact]
    public async Task Ten_thousand_timers_on_three_nodes_fire_exactly_once_when_one_node_dies()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var control = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:OneStop"] = connectionString,
            ["Engine:Jobs:Enabled"] = "false",
        });
        var engine = control.Services.GetRequiredService<WorkflowEngine>();
        await DurableEngineTests.DeployAsync(engine, Flows.ParallelTimers("cluster", Durations));
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Instances, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await engine.StartAsync(new StartInstanceRequest { Key = "cluster", BusinessKey = $"C-{i:D5}" }, ct));
        output.WriteLine($"Started {Instances} instances ({Instances * Durations.Length} timers) in {clock.Elapsed.TotalSeconds:F1} s");

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__OneStop"] = connectionString,
            ["Database__MigrateOnStartup"] = "false",
            ["Engine__Jobs__LeaseDuration"] = "00:00:05",
            ["Engine__Jobs__MaxSleep"] = "00:00:01",
            ["Serilog__ConsoleFormat"] = "json",
        };
        var nodes = Enumerable.Range(0, 3).Select(_ => HostProcess.Start(environment)).ToList();
        try
        {
            clock.Restart();
            await WaitForFiredAsync(control, n => n >= Instances * Durations.Length / 3, TimeSpan.FromMinutes(3));
            nodes[1].Kill();
            output.WriteLine($"Killed node 2 after {clock.Elapsed.TotalSeconds:F1} s");
            var total = await WaitForFiredAsync(control, n => n >= Instances * Durations.Length, TimeSpan.FromMinutes(5));
            output.WriteLine($"All {total} timers fired in {clock.Elapsed.TotalSeconds:F1} s ({total / clock.Elapsed.TotalSeconds:F0} timers/s on 3 nodes, one killed)");
            await Task.Delay(TimeSpan.FromSeconds(6)); // past the dead node's leases: a late double firing would show

            Assert.False(nodes[0].HasExited, nodes[0].Output);
            Assert.False(nodes[2].HasExited, nodes[2].Output);
            await using var scope = control.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var timerRows = await db.Journal.AsNoTracking()
                .Where(j => j.Event == JournalEvents.TimerFired || j.Event == JournalEvents.TimerScheduled)
                .Select(j => new { j.InstanceId, j.ElementId, j.Event, j.Time, j.EntryJson })
                .ToListAsync();
            var fired = timerRows.Where(r => r.Event == JournalEvents.TimerFired).ToList();
            Assert.Equal(Instances * Durations.Length, fired.Count);
            Assert.Empty(fired.GroupBy(r => (r.InstanceId, r.ElementId)).Where(g => g.Count() > 1).Select(g => g.Key));
            var due = timerRows.Where(r => r.Event == JournalEvents.TimerScheduled)
                .ToDictionary(r => (r.InstanceId, r.ElementId), r => DueAt(r.EntryJson));
            Assert.All(fired, f => Assert.True(f.Time >= due[(f.InstanceId, f.ElementId)], $"{f.InstanceId}/{f.ElementId} fired early"));
            Assert.Equal(Instances, await db.WorkflowInstances.CountAsync(i => i.Status == nameof(InstanceStatus.Completed)));
            Assert.Empty(await db.Jobs.ToListAsync());
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private static async Task<int> WaitForFiredAsync(OneStopApp control, Func<int, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var scope = control.Services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Journal.CountAsync(j => j.Event == JournalEvents.TimerFired);
            if (done(count))
            {
                return count;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {count} timers fired within {timeout}.");
            }

            await Task.Delay(250);
        }
    }

    private static DateTimeOffset DueAt(string entryJson) =>
        DateTimeOffset.Parse(JsonDocument.Parse(entryJson).RootElement.GetProperty("data").GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}

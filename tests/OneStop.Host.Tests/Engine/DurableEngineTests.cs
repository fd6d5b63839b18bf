using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Engine;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Host.Tests.Engine;

/// <summary>The engine on a real database through the Host: restarts, races, early messages. Run on SQLite and PostgreSQL.</summary>
public abstract class DurableEngineTests
{
    protected static readonly Dictionary<string, string?> FastJobs = new()
    {
        ["Engine:Jobs:MaxSleep"] = "00:00:00.500",
        ["Engine:Jobs:LeaseDuration"] = "00:00:05",
    };

    /// <summary>Settings of a host on this test's database (the same database for every call in one test).</summary>
    protected abstract Task<Dictionary<string, string?>> DatabaseAsync();

    [Fact]
    public async Task Waiting_instance_survives_a_restart_and_its_timer_fires_once_afterwards()
    {
        var settings = await DatabaseAsync();
        string instanceId;
        DateTimeOffset due;
        await using (var first = await OneStopApp.StartAsync(settings.With(FastJobs).With("Engine:Jobs:Enabled", "false")))
        {
            var engine = first.Services.GetRequiredService<WorkflowEngine>();
            await DeployAsync(engine, Flows.ReviewWithDeadline("restart", "PT3S"));
            var instance = await engine.StartAsync(new StartInstanceRequest { Key = "restart", BusinessKey = "000.00.03.H56-261126-0001" });
            instanceId = instance.Id;
            due = instance.Timers.Single().DueAt;
            Assert.Equal("review", Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { InstanceId = instanceId })).ElementId);
        }

        await using var second = await OneStopApp.StartAsync(settings.With(FastJobs));
        var restarted = second.Services.GetRequiredService<WorkflowEngine>();
        var journal = await WaitForAsync(restarted, instanceId, j => j.Any(e => e.Event == JournalEvents.TaskCreated && e.ElementId == "escalate"));
        await Task.Delay(1500); // room for a wrong second firing to show

        journal = await restarted.GetJournalAsync(instanceId);
        var fired = Assert.Single(journal, e => e.Event == JournalEvents.TimerFired);
        Assert.True(fired.Time >= due, $"fired at {fired.Time:O}, due {due:O}");
        Assert.Equal("escalate", Assert.Single(await restarted.ListUserTasksAsync(new UserTaskQuery { InstanceId = instanceId })).ElementId);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var review = await db.UserTasks.SingleAsync(t => t.InstanceId == instanceId && t.ElementId == "review");
        Assert.Equal(UserTaskStatus.Cancelled, review.Status);
        Assert.Empty(await db.Jobs.Where(j => j.InstanceId == instanceId).ToListAsync());
    }

    [Fact]
    public async Task Two_concurrent_completions_of_one_task_let_exactly_one_through()
    {
        await using var app = await OneStopApp.StartAsync(await DatabaseAsync());
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        await DeployAsync(engine, Flows.ReviewWithDeadline("race", "P10D"));
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "race" });
        var task = Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { InstanceId = instance.Id }));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            try
            {
                await engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "Chuyển tiếp", User = $"officer-{i}" });
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        })));

        Assert.Single(attempts, a => a is null);
        var loser = Assert.Single(attempts, a => a is not null);
        Assert.True(loser is ConcurrencyConflictException or TaskNotOpenException, loser!.ToString());
        var journal = await engine.GetJournalAsync(instance.Id);
        Assert.Single(journal, e => e.Event == JournalEvents.TaskCompleted);
        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().UserTasks.SingleAsync(t => t.Id == task.Id);
        Assert.Equal(UserTaskStatus.Completed, row.Status);
        Assert.Equal("Chuyển tiếp", row.Outcome);
        Assert.StartsWith("officer-", row.CompletedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_before_its_subscription_gives_the_same_journal_as_after()
    {
        await using var app = await OneStopApp.StartAsync((await DatabaseAsync()).With("Engine:MessageTimeToLive", "01:00:00"));
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        await DeployAsync(engine, Flows.AwaitPayment("payment"));

        var after = await engine.StartAsync(new StartInstanceRequest { Key = "payment", Variables = Vars("A-1") });
        var correlated = await engine.CorrelateMessageAsync("payment", "A-1");
        var early = await engine.CorrelateMessageAsync("payment", "B-2");
        var before = await engine.StartAsync(new StartInstanceRequest { Key = "payment", Variables = Vars("B-2") });

        Assert.True(correlated.Correlated);
        Assert.True(early.Buffered);
        Assert.Equal(Shape(await engine.GetJournalAsync(after.Id)), Shape(await engine.GetJournalAsync(before.Id)));
        Assert.Equal(InstanceStatus.Completed, (await engine.GetInstanceAsync(before.Id))!.Status);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().BufferedMessages.ToListAsync());
    }

    internal static async Task DeployAsync(WorkflowEngine engine, string xml)
    {
        var deployed = await engine.DeployAsync(xml, new DeployOptions { Publish = true });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems.Select(p => p.MessageEn)));
    }

    internal static async Task<IReadOnlyList<JournalEntry>> WaitForAsync(WorkflowEngine engine, string instanceId, Func<IReadOnlyList<JournalEntry>, bool> condition, int seconds = 30)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var journal = await engine.GetJournalAsync(instanceId);
            if (condition(journal))
            {
                return journal;
            }
        }

        throw new TimeoutException($"Instance {instanceId} did not reach the expected state in {seconds} s.");
    }

    private static Dictionary<string, JsonNode?> Vars(string dossier) => new() { ["dossier"] = dossier };

    private static List<string> Shape(IReadOnlyList<JournalEntry> journal) => [.. journal.Select(e => $"{e.Event}:{e.ElementId}")];
}

public sealed class SqliteDurableEngineTests : DurableEngineTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"onestop-engine-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    protected override Task<Dictionary<string, string?>> DatabaseAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["ConnectionStrings:OneStop"] = $"Data Source={file}" });
}

[Collection(PostgreSqlDefinition.Name)]
public sealed class PostgreSqlDurableEngineTests(PostgreSqlServer server) : DurableEngineTests
{
    private string? connectionString;

    protected override async Task<Dictionary<string, string?>> DatabaseAsync() => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:OneStop"] = connectionString ??= await server.CreateDatabaseAsync(),
    };
}

internal static class SettingsExtensions
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?> more) =>
        settings.Concat(more.Where(m => !settings.ContainsKey(m.Key))).ToDictionary();

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string value) =>
        new(settings) { [key] = value };
}

/// <summary>The Host's own rows written through the transaction hook commit or roll back with the engine command.</summary>
public sealed class TransactionHookTests
{
    [Fact]
    public async Task A_failing_hook_rolls_back_the_whole_command()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-hook-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = await OneStopApp.StartAsync(
                new Dictionary<string, string?> { ["ConnectionStrings:OneStop"] = $"Data Source={file}" },
                services: s => s.AddSingleton<IWorkflowTransactionHook, RefuseCompletionHook>());
            var engine = app.Services.GetRequiredService<WorkflowEngine>();
            await DurableEngineTests.DeployAsync(engine, Flows.ReviewWithDeadline("hooked", "P10D"));
            var instance = await engine.StartAsync(new StartInstanceRequest { Key = "hooked" });
            var task = Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { InstanceId = instance.Id }));

            await Assert.ThrowsAsync<InvalidOperationException>(() => engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { User = "u" }));

            // Nothing of the refused command is left: the task is still open, the journal has no completion.
            Assert.Equal(task.Id, Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { InstanceId = instance.Id })).Id);
            Assert.DoesNotContain(await engine.GetJournalAsync(instance.Id), e => e.Event == JournalEvents.TaskCompleted);
            Assert.Equal(instance.RowVersion, (await engine.GetInstanceAsync(instance.Id))!.RowVersion);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private sealed class RefuseCompletionHook : IWorkflowTransactionHook
    {
        public Task OnSavingAsync(OneStopDbContext db, InstanceState instance, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken) =>
            journal.Any(e => e.Event == JournalEvents.TaskCompleted)
                ? throw new InvalidOperationException("The outbox refused the change.")
                : Task.CompletedTask;
    }
}

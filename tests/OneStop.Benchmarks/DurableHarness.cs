using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneStop.Host.Engine;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Benchmarks;

/// <summary>
/// The 5-step procedure end to end on the Host's database store (every start and every task completion a committed
/// transaction), on SQLite and on a throwaway PostgreSQL server; beside it, in the same run, pgbench's TPC-B-like
/// script on the same PostgreSQL server as the ceiling for committed transactions per second.
/// </summary>
internal static partial class DurableHarness
{
    private const int TasksPerInstance = 5;

    public static async Task RunAsync(TimeSpan duration, int clients)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Durable 5-step procedure, {clients} concurrent clients, {duration.TotalSeconds:F0} s per database"));
        var folder = Directory.CreateTempSubdirectory("onestop-bench-").FullName;
        try
        {
            var sqlite = await MeasureAsync("Sqlite", $"Data Source={Path.Combine(folder, "bench.db")}", duration, clients);
            Print("SQLite", sqlite);

            // fsync on: commits reach the disk, as in production; pgbench below runs on the same server.
            var server = new PostgreSqlServer { Durable = true };
            await server.InitializeAsync();
            try
            {
                var postgres = await MeasureAsync("PostgreSql", await server.CreateDatabaseAsync(), duration, clients);
                Print("PostgreSQL", postgres);
                var tps = await PgbenchAsync(server, duration, clients);
                Console.WriteLine(string.Create(c, $"pgbench (TPC-B-like, -c {clients} -j 2, same server): {tps:N0} transactions/s"));
                Console.WriteLine(string.Create(c, $"Ratio engine transactions / pgbench transactions on PostgreSQL: {postgres.TransactionsPerSecond / tps:P1}"));
            }
            finally
            {
                await server.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(int Instances, int Completions, TimeSpan Elapsed, long Commands)
    {
        /// <summary>Database round trips per engine transaction, reads included (lookups of tasks by the client too).</summary>
        public double CommandsPerTransaction => Commands / (double)(Instances + Completions);

        public double InstancesPerSecond => Instances / Elapsed.TotalSeconds;

        public double CompletionsPerSecond => Completions / Elapsed.TotalSeconds;

        /// <summary>One start plus one commit per task completion.</summary>
        public double TransactionsPerSecond => (Instances + Completions) / Elapsed.TotalSeconds;
    }

    private static void Print(string name, Result r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {r.Instances} instances, {r.InstancesPerSecond:N1} completed instances/s, {r.CompletionsPerSecond:N1} task completions/s, {r.TransactionsPerSecond:N1} engine transactions/s, {r.CommandsPerTransaction:N1} SQL commands per transaction"));

    private static async Task<Result> MeasureAsync(string provider, string connectionString, TimeSpan duration, int clients)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:OneStop"] = connectionString,
            ["Engine:Jobs:Enabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.AddOneStopPersistence();
        using var counter = new CommandCounter();
        builder.Services.AddOneStopEngine(builder.Configuration);
        await using var services = builder.Services.BuildServiceProvider();
        await services.MigrateDatabaseAsync();
        var engine = services.GetRequiredService<WorkflowEngine>();
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "procedure.bpmn"));
        var deployed = await engine.DeployAsync(xml, new DeployOptions { Publish = true });
        if (!deployed.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", deployed.Problems));
        }

        // Warm-up: caches, connection pool, JIT.
        await RunInstanceAsync(engine, "warm-up");
        counter.Reset();
        var instances = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                await RunInstanceAsync(engine, $"HS-{client}-{i}");
                Interlocked.Increment(ref instances);
            }
        })));
        stopwatch.Stop();
        return new Result(instances, instances * TasksPerInstance, stopwatch.Elapsed, counter.Count);
    }

    private static async Task RunInstanceAsync(WorkflowEngine engine, string businessKey)
    {
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "procedure", BusinessKey = businessKey });
        var query = new UserTaskQuery { InstanceId = instance.Id };
        while ((await engine.ListUserTasksAsync(query)) is [var task, ..])
        {
            await engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = task.Outcomes.Count > 0 ? "approve" : null, User = "bench" });
        }
    }

    private static async Task<double> PgbenchAsync(PostgreSqlServer server, TimeSpan duration, int clients)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync()).Database!;
        var common = new[] { "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "onestop" };
        await RunAsync(Path.Combine(server.Binaries, "pgbench"), [.. common, "-i", "-q", database]);
        var output = await RunAsync(Path.Combine(server.Binaries, "pgbench"),
            [.. common, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), database]);
        var match = TpsPattern().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("pgbench printed no tps: " + output);
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output + error : throw new InvalidOperationException($"{program} failed: {output}{error}");
    }

    /// <summary>Counts the commands EF sends (its diagnostic events), to show the round trips of one engine transaction.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];
        private long count;

        public CommandCounter() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public long Count => Interlocked.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore")
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name)
            {
                Interlocked.Increment(ref count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose() => subscriptions.ForEach(s => s.Dispose());
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsPattern();
}

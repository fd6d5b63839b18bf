using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Dossiers;

/// <summary>50 officers press "receive" at once for the same agency and day: 50 distinct, consecutive codes, 50 flows.</summary>
public abstract class ParallelReceptionTests
{
    protected abstract Task<OneStopApp> StartAsync();

    [Fact]
    public async Task Fifty_parallel_receptions_for_one_agency_give_fifty_consecutive_codes()
    {
        await using var app = await StartAsync();
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => AsAsync(app, "reception")));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var receptions = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return (await ReceiveAsync(clients[i % clients.Length], Request(procedure))).GetProperty("code").GetString()!;
        })).ToList();
        start.SetResult();
        string[] codes;
        try
        {
            codes = await Task.WhenAll(receptions);
        }
        catch (Exception ex)
        {
            var logs = string.Join("\n", Directory.GetFiles(Path.Combine(app.Folder, "logs")).Select(File.ReadAllText));
            throw new InvalidOperationException(ex.Message + "\n" + string.Join("\n", logs.Split('\n').Where(l => l.Contains("ERR") || l.Contains("Exception") || l.Contains("   at ")).Take(40)), ex);
        }

        var prefix = codes[0][..^4];
        Assert.All(codes, c => Assert.StartsWith(prefix, c, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"{prefix}{n:D4}"), codes.Order(StringComparer.Ordinal));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}

public sealed class SqliteParallelReceptionTests : ParallelReceptionTests
{
    protected override async Task<OneStopApp> StartAsync() => await OneStopApp.StartAsync(new Dictionary<string, string?>());
}

[Collection(PostgreSqlDefinition.Name)]
public sealed class PostgreSqlParallelReceptionTests(PostgreSqlServer server) : ParallelReceptionTests
{
    protected override async Task<OneStopApp> StartAsync() => await OneStopApp.StartAsync(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:OneStop"] = await server.CreateDatabaseAsync(),
    });
}

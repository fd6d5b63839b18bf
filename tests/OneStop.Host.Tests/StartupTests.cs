using System.Net;
using System.Net.Sockets;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests;

/// <summary>The Host started as a process, as an operator would, with bad configuration.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Wrong_provider_name_gives_one_clear_line_and_a_non_zero_exit()
    {
        var result = await HostProcess.RunAsync(Environment("Development", new() { ["Database__Provider"] = "Oracle" }));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("OS1001: Database:Provider 'Oracle' is not supported", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_gives_one_clear_line_and_a_non_zero_exit()
    {
        var result = await HostProcess.RunAsync(Environment("Development", new()
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__OneStop"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=onestop;Database=onestop;Timeout=3",
        }));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("OS1002: The database cannot be reached", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_certificates()
    {
        var result = await HostProcess.RunAsync(Environment("Production", []));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("OS1004", result.Output, StringComparison.Ordinal);
        Assert.Contains("development keys are refused", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_command_applies_migrations_and_exits()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onestop-cli-{Guid.NewGuid():N}.db");
        try
        {
            var result = await HostProcess.RunAsync(
                Environment("Development", new() { ["ConnectionStrings__OneStop"] = $"Data Source={file}" }), "db", "migrate");

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("Applying 1 migration(s)", result.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, string> Environment(string environment, Dictionary<string, string> values)
    {
        values["ASPNETCORE_ENVIRONMENT"] = environment;
        values.TryAdd("ConnectionStrings__OneStop", $"Data Source={Path.Combine(Path.GetTempPath(), $"onestop-start-{Guid.NewGuid():N}.db")}");
        return values;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

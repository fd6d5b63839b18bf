using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OneStop.Host.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a temporary folder, started on a free loopback port, stopped and
/// deleted afterwards. No system service is assumed; the binaries come from the distribution's package
/// (./test.sh installs it). As root, the server runs as <c>postgres</c>. Shared by the tests (as a collection
/// fixture) and the benchmarks.
/// </summary>
public sealed partial class PostgreSqlServer
{
    private const string Superuser = "onestop";
    private string folder = "";
    private string binaries = "";
    private int databaseCounter;

    public int Port { get; private set; }

    /// <summary>Flush commits to disk as a production server does. Off for the tests (speed); on for benchmarks.</summary>
    public bool Durable { get; init; }

    /// <summary>The folder of the server's binaries (initdb, pg_ctl, pgbench).</summary>
    public string Binaries => binaries;

    public async Task InitializeAsync()
    {
        binaries = FindBinaries();
        folder = Path.Combine("/tmp", $"onestop-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        Port = FreePort();
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(binaries, "initdb"),
            ["-D", data, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        await RunAsync(Path.Combine(binaries, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30",
             "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync={(Durable ? "on" : "off")} -c max_connections=200", "start"], asRoot);
    }

    public async Task DisposeAsync()
    {
        if (binaries.Length > 0 && Directory.Exists(Path.Combine(folder, "data")))
        {
            await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop"],
                Environment.UserName == "root");
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A new empty database on the server; each test gets its own so tests stay independent.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref databaseCounter)}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Pooling=true;Include Error Detail=true";

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or PG_BIN. Run ./test.sh, which installs them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : program,
            // initdb and pg_ctl must not inherit a working directory postgres cannot read.
            WorkingDirectory = "/",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}

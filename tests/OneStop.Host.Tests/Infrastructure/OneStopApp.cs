using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Host.Tests.Infrastructure;

/// <summary>
/// The real Host on Kestrel, on a free loopback port, in Development unless told otherwise, with its own SQLite file (or the database the
/// settings name) and its log files in a temporary folder. Tests talk to it over real HTTP.
/// </summary>
public class OneStopApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;
    private readonly Action<IServiceCollection>? services;

    public OneStopApp() : this(new Dictionary<string, string?>())
    {
    }

    private OneStopApp(IDictionary<string, string?> overrides, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        this.environment = environment;
        this.services = services;
        Folder = Path.Combine(Path.GetTempPath(), $"onestop-host-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:OneStop"] = $"Data Source={Path.Combine(Folder, "onestop.db")}",
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(Folder, "logs", "onestop-.log"),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        UseKestrel(0);
    }

    /// <summary>Temporary folder of this host: database file and logs.</summary>
    public string Folder { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    /// <summary>A real HTTP client (sockets, no redirects followed) with its own cookie jar.</summary>
    public HttpClient CreateHttpClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Host settings reach Program's registration code; app configuration makes them win over appsettings.json.
        // Serilog keys go only to app configuration: host settings arrive with empty parent sections, which
        // Serilog would read as a sink without a name.
        foreach (var (key, value) in settings.Where(s => !s.Key.StartsWith("Serilog:", StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Starts a host outside a fixture; dispose it with <c>await using</c>.</summary>
    public static async Task<OneStopApp> StartAsync(
        IDictionary<string, string?> overrides, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        var app = new OneStopApp(overrides, environment, services);
        await app.InitializeAsync();
        return app;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still flushing; the OS cleans the temporary folder.
        }
    }
}

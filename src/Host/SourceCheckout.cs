namespace OneStop.Host;

/// <summary>
/// `dotnet run --project src/Host` must start a working demo with nothing configured, and the headless runner must
/// own stdout (a launch profile makes `dotnet run` print a line there). So the Host runs as Development when it is
/// started from a source checkout (its project file beside the working directory) and no environment is named; a
/// published build has no project file and keeps ASP.NET Core's safe default, Production.
/// </summary>
internal static class SourceCheckout
{
    public static WebApplicationOptions Options(string[] args)
    {
        var named = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? (args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase)) ? "from arguments" : null);
        var fromSource = named is null && File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "OneStop.Host.csproj"));
        return new WebApplicationOptions { Args = args, EnvironmentName = fromSource ? Environments.Development : null };
    }

    /// <summary>The fixed local address of the README, unless <c>urls</c> is configured (ASPNETCORE_URLS, --urls, settings).</summary>
    public static void UseDefaultUrl(WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }
    }
}

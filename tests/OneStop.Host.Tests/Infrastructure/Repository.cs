namespace OneStop.Host.Tests.Infrastructure;

/// <summary>Paths inside the repository checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding OneStop.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string HostProject => Path.Combine(Root, "src", "Host");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace OneStop.Host.Cli;

/// <summary>
/// The Host's command-line verbs beside serving: <c>db migrate</c> applies migrations and exits;
/// <c>bpmn run FILE …</c> runs a BPMN file headless on a virtual clock (see the engine's runner).
/// </summary>
internal static class Commands
{
    public static bool IsDbMigrate(string[] args) => args is ["db", "migrate", ..];

    public static bool IsBpmnRun(string[] args) => args is ["bpmn", "run", ..];

    public static async Task<int> RunBpmnAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        string[] runnerArgs = [.. args[2..]];
        if (runnerArgs.Length > 0)
        {
            runnerArgs[0] = FromCallersFolder(runnerArgs[0]);
        }

        return await OneStop.Workflows.Runner.HeadlessRunner.RunAsync(runnerArgs, Console.Out, Console.Error, cancellation.Token);
    }

    /// <summary>
    /// `dotnet run --project src/Host` starts the Host in its project folder, so a relative FILE typed in another
    /// folder is looked up from there (the shell's PWD) when it is not found here.
    /// </summary>
    private static string FromCallersFolder(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell)
        {
            return file;
        }

        var fromShell = Path.Combine(shell, file);
        return File.Exists(fromShell) ? fromShell : file;
    }
}

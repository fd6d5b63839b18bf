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
        return await OneStop.Workflows.Runner.HeadlessRunner.RunAsync(args[2..], Console.Out, Console.Error, cancellation.Token);
    }
}

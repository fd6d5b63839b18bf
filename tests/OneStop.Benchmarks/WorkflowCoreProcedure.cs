using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneStop.Benchmarks;

/// <summary>
/// The same procedure on WorkflowCore 3.22.0 with its in-memory providers: five waits for "task completed" events and
/// one decision. WorkflowCore has no boundary events, so the five deadline timers have no counterpart here.
/// </summary>
public sealed class WorkflowCoreProcedure : IAsyncDisposable
{
    private static readonly string[] Steps = ["receive", "specialist", "head", "leader", "return"];
    private ServiceProvider? _services;
    private IWorkflowHost? _host;

    public Task SetupAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(o => o.UsePollInterval(TimeSpan.FromMilliseconds(100)));
        _services = services.BuildServiceProvider();
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<ProcedureWorkflow, ProcedureData>();
        return _host.StartAsync(CancellationToken.None);
    }

    /// <summary>Starts a batch, publishes each task's completion, and waits until all instances completed.</summary>
    public async Task RunBatchAsync(int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await _host!.StartWorkflow("procedure", 1, new ProcedureData { Key = Guid.NewGuid().ToString("N") });
        }
        var persistence = _services!.GetRequiredService<IPersistenceProvider>();
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((ProcedureData)(await persistence.GetWorkflowInstance(ids[i])).Data).Key;
        }
        foreach (var step in Steps)
        {
            foreach (var key in keys)
            {
                await _host!.PublishEvent(step, key, step == "head" ? "approve" : "done");
            }
        }
        foreach (var id in ids)
        {
            while ((await persistence.GetWorkflowInstance(id)).Status != WorkflowStatus.Complete)
            {
                await Task.Delay(1);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
        }
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    public sealed class ProcedureData
    {
        public string Key { get; set; } = "";
        public string? Decision { get; set; }
    }

    public sealed class ProcedureWorkflow : IWorkflow<ProcedureData>
    {
        public string Id => "procedure";

        public int Version => 1;

        public void Build(IWorkflowBuilder<ProcedureData> builder) => builder
            .StartWith(_ => ExecutionResult.Next())
            .WaitFor("receive", data => data.Key)
            .WaitFor("specialist", data => data.Key)
            .WaitFor("head", data => data.Key)
                .Output(data => data.Decision, step => step.EventData)
            .If(data => data.Decision == "approve").Do(then => then
                .StartWith(_ => ExecutionResult.Next())
                .WaitFor("leader", data => data.Key))
            .WaitFor("return", data => data.Key);
    }
}

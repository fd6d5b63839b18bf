using OneStop.Workflows;
using OneStop.Workflows.Persistence;

namespace OneStop.Benchmarks;

/// <summary>The 5-step procedure on the OneStop engine, in memory: start, then complete each user task in turn.</summary>
public sealed class OneStopProcedure
{
    private readonly WorkflowEngine _engine = new(new InMemoryWorkflowStore());

    public async Task SetupAsync()
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "procedure.bpmn"));
        var result = await _engine.DeployAsync(xml, new DeployOptions { Publish = true });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Problems));
        }
    }

    public async Task RunOneAsync(int index)
    {
        var instance = await _engine.StartAsync(new StartInstanceRequest { Key = "procedure", BusinessKey = $"HS-{index}" });
        var query = new UserTaskQuery { InstanceId = instance.Id };
        while ((await _engine.ListUserTasksAsync(query)) is [var task, ..])
        {
            await _engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = task.Outcomes.Count > 0 ? "approve" : null, User = "bench" });
        }
        var state = await _engine.GetInstanceAsync(instance.Id);
        if (state!.Status != Workflows.Execution.InstanceStatus.Completed)
        {
            throw new InvalidOperationException($"Instance ended as {state.Status}.");
        }
    }
}

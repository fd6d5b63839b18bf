namespace OneStop.Workflows.Tests.Execution;

public sealed class BasicFlowTests
{
    [Fact]
    public async Task Start_task_end_completes_and_journals_each_step_with_status_and_notice()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("simple.bpmn");

        Assert.Equal(Workflows.Execution.InstanceStatus.Completed, instance.Status);
        Assert.Equal(
        [
            "element.entered p",
            "element.entered start", "element.completed start",
            "element.entered task", "status.changed task", "notice.requested task", "element.completed task",
            "element.entered end", "element.completed end",
            "element.completed p",
        ], await t.Journal(instance.Id));
    }
}

using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests.Execution;

public sealed class IntegrationTests
{
    [Fact]
    public async Task An_uncaught_error_in_a_called_process_is_caught_by_the_call_activity_boundary()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-error.bpmn");
        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p", BusinessKey = "HS-2" });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync(new UserTaskQuery { Department = "SXD" }));
        Assert.Equal("HS-2", task.BusinessKey);

        await t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "refuse" });

        Assert.Equal(InstanceStatus.Completed, (await t.State(parent.Id)).Status);
        var child = await t.State(task.InstanceId);
        Assert.Equal((InstanceStatus.Terminated, parent.Id), (child.Status, child.ParentInstanceId));
        Expect.Sequence(["element.entered ask", "error.thrown ask", "element.cancelled ask", "element.entered refused", "element.completed refused",
            "element.entered endRefused", "element.completed endRefused", "element.completed p"], (await t.Journal(parent.Id))[3..]);
        Expect.Sequence(["element.entered aRefuse", "element.completed aRefuse", "error.thrown aRefuse", "element.cancelled agency"],
            (await t.Journal(child.Id))[^4..]);
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_the_called_instance()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-error.bpmn");
        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });
        var childId = Assert.Single(await t.Engine.ListUserTasksAsync()).InstanceId;
        await t.Engine.CancelAsync(parent.Id);
        Assert.Equal(InstanceStatus.Terminated, (await t.State(childId)).Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
    }

    [Fact]
    public async Task Timers_and_deadlines_use_the_calendar_named_by_os_calendar_and_timer_expressions_are_evaluated()
    {
        var store = new InMemoryWorkflowStore();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestEngine.Origin);
        var engine = new WorkflowEngine(store, new WorkflowEngineOptions { TimeProvider = clock, Calendars = new SimpleCalendarProvider(new DoubleTimeCalendar()) });
        await engine.DeployAsync(await File.ReadAllTextAsync(TestPaths.Bpmn("timer-expression.bpmn")), new DeployOptions { Publish = true });
        var instance = await engine.StartAsync(new StartInstanceRequest
        {
            Key = "p",
            Variables = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["hours"] = 3 },
        });

        Assert.Equal(TestEngine.Origin.AddDays(4), Assert.Single(await engine.ListUserTasksAsync()).DueAt);
        Assert.Equal(TestEngine.Origin.AddHours(6), Assert.Single(instance.Timers).DueAt);
    }

    [Fact]
    public async Task A_message_that_arrives_early_is_kept_until_its_subscription_appears_and_expires_after_its_time_to_live()
    {
        var store = new InMemoryWorkflowStore();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestEngine.Origin);
        var engine = new WorkflowEngine(store, new WorkflowEngineOptions { TimeProvider = clock, MessageTimeToLive = TimeSpan.FromHours(1) });
        await engine.DeployAsync(await File.ReadAllTextAsync(TestPaths.Bpmn("messages.bpmn")), new DeployOptions { Publish = true });

        var expiring = await engine.CorrelateMessageAsync("documents", "HS-7");
        Assert.Equal((false, true), (expiring.Correlated, expiring.Buffered));
        clock.Advance(TimeSpan.FromMinutes(45));
        Assert.True((await engine.CorrelateMessageAsync("payment", "HS-7", new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["paidAmount"] = 5 })).Buffered);
        clock.Advance(TimeSpan.FromMinutes(30));

        var instance = await engine.StartAsync(new StartInstanceRequest
        {
            Key = "p",
            Variables = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["dossier"] = "HS-7" },
        });

        var state = (await engine.GetInstanceAsync(instance.Id))!;
        Assert.Equal("5", state.Variables["paidAmount"]!.ToJsonString());
        Assert.Equal(["docs"], state.Subscriptions.Where(x => x.TokenId is not null && x.ElementId == "docs").Select(x => x.ElementId));
        Assert.True((await engine.CorrelateMessageAsync("documents", "HS-7")).Correlated);
        Assert.Equal(InstanceStatus.Completed, (await engine.GetInstanceAsync(instance.Id))!.Status);
    }

    /// <summary>Stands in for the working-day calendar of part 2: every working duration takes twice as long.</summary>
    private sealed class DoubleTimeCalendar : IBusinessCalendar
    {
        public DateTimeOffset AddWorkingTime(DateTimeOffset start, IsoDuration duration) => start + 2 * duration.FixedPart;

        public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset finish) => (finish - start) / 2;

        public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => instant;
    }
}

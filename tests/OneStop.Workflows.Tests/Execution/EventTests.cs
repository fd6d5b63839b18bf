using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Tests.Execution;

public sealed class EventTests
{
    private static readonly string[] Started = ["element.entered p", "element.entered start", "element.completed start"];

    [Fact]
    public async Task Intermediate_timer_waits_for_its_duration()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("timer-catch.bpmn");
        var timer = Assert.Single((await t.State(instance.Id)).Timers);
        Assert.Equal(TestEngine.Origin.AddHours(1), timer.DueAt);

        await t.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(InstanceStatus.Waiting, (await t.State(instance.Id)).Status);
        await t.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
        Expect.Sequence([.. Started, "element.entered wait", "timer.scheduled wait", "timer.fired wait", "element.completed wait",
            "element.entered end", "element.completed end", "element.completed p"], await t.Journal(instance.Id, all: true));
    }

    [Fact]
    public async Task Interrupting_boundary_timer_cancels_the_task_and_takes_the_escalation_path()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("boundary-timer.bpmn");
        await t.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
        Expect.Sequence(
        [
            .. Started, "element.entered review", "task.created review",
            "timer.fired remind", "element.entered remind", "element.completed remind", "element.entered reminded", "element.completed reminded",
            "timer.fired remind", "element.entered remind", "element.completed remind", "element.entered reminded", "element.completed reminded",
            "timer.fired late", "task.cancelled review", "element.cancelled review", "element.entered late", "element.completed late",
            "element.entered escalate", "element.completed escalate", "element.entered expired", "element.completed expired", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Non_interrupting_boundary_timer_cycle_fires_its_repetitions_while_the_task_stays_open()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("boundary-timer.bpmn");
        await t.AdvanceAsync(TimeSpan.FromMinutes(30));
        await t.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Single(await t.Engine.ListUserTasksAsync());
        var timers = (await t.State(instance.Id)).Timers;
        Assert.Equal(["late"], timers.Select(x => x.ElementId));

        await t.CompleteTaskAsync("review");

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Empty(state.Timers);
        var journal = await t.Journal(instance.Id);
        Assert.Equal(2, journal.Count(l => l == "timer.fired remind"));
        Expect.Sequence(["task.completed review", "element.completed review", "element.entered done", "element.completed done", "element.completed p"], journal[^5..]);
        Assert.DoesNotContain("element.cancelled review", journal);
    }

    [Fact]
    public async Task Messages_correlate_by_name_and_correlation_key_to_catch_events_and_receive_tasks()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("messages.bpmn", variables: new() { ["dossier"] = "HS-7" });

        Assert.False((await t.Engine.CorrelateMessageAsync("payment", "HS-other")).Correlated);
        Assert.False((await t.Engine.CorrelateMessageAsync("documents", "HS-7")).Correlated);
        var paid = await t.Engine.CorrelateMessageAsync("payment", "HS-7", new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["paidAmount"] = 120 });
        Assert.Equal((true, instance.Id), (paid.Correlated, paid.InstanceId));
        Assert.True((await t.Engine.CorrelateMessageAsync("documents", "HS-7")).Correlated);

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal("120", state.Variables["paidAmount"]!.ToJsonString());
        Expect.Sequence(
        [
            .. Started, "element.entered pay", "message.correlated pay", "element.completed pay",
            "element.entered docs", "message.correlated docs", "element.completed docs",
            "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Interrupting_message_boundary_cancels_the_receive_task()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("messages.bpmn", variables: new() { ["dossier"] = "HS-7" });
        await t.Engine.CorrelateMessageAsync("payment", "HS-7");
        Assert.True((await t.Engine.CorrelateMessageAsync("withdraw")).Correlated);

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Empty(state.Subscriptions);
        Expect.Sequence(["element.entered docs", "message.correlated withdrawn", "element.cancelled docs", "element.entered withdrawn",
            "element.completed withdrawn", "element.entered endWithdrawn", "element.completed endWithdrawn", "element.completed p"],
            (await t.Journal(instance.Id))[^8..]);
    }

    [Fact]
    public async Task Event_based_gateway_message_wins_and_the_timer_is_cancelled()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("event-gateway.bpmn");
        Assert.True((await t.Engine.CorrelateMessageAsync("supplement")).Correlated);
        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Empty(state.Timers);
        Expect.Sequence([.. Started, "element.entered gw", "message.correlated supplied", "element.completed gw",
            "element.entered supplied", "element.completed supplied", "element.entered endSupplied", "element.completed endSupplied", "element.completed p"],
            await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Event_based_gateway_timer_wins_and_the_subscription_is_dropped()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("event-gateway.bpmn");
        await t.AdvanceAsync(TimeSpan.FromDays(5));
        Assert.False((await t.Engine.CorrelateMessageAsync("supplement")).Correlated);
        Expect.Sequence([.. Started, "element.entered gw", "timer.fired expired", "element.completed gw",
            "element.entered expired", "element.completed expired", "element.entered endExpired", "element.completed endExpired", "element.completed p"],
            await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Message_start_event_starts_an_instance_of_the_published_process()
    {
        var t = new TestEngine();
        await t.DeployAsync("message-start.bpmn");
        var result = await t.Engine.CorrelateMessageAsync("apply", "HS-9");
        Assert.True(result.Correlated);
        var state = await t.State(result.InstanceId!);
        Assert.Equal(("HS-9", InstanceStatus.Completed), (state.BusinessKey, state.Status));
        Expect.Sequence(["element.entered applyProcess", "element.entered received", "message.correlated received", "element.completed received",
            "element.entered end", "element.completed end", "element.completed applyProcess"], await t.Journal(state.Id));
    }

    [Fact]
    public async Task Timer_start_event_starts_through_the_timer()
    {
        var t = new TestEngine();
        await t.DeployAsync("timer-start.bpmn");
        var instance = await t.Engine.StartByTimerAsync(new StartInstanceRequest { Key = "p", StartEventId = "daily" });
        Expect.Sequence(["element.entered p", "element.entered daily", "timer.fired daily", "element.completed daily",
            "element.entered end", "element.completed end", "element.completed p"], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Cancel_ends_the_instance_and_removes_its_wait_states()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("boundary-timer.bpmn");
        var cancelled = await t.Engine.CancelAsync(instance.Id, "citizen withdrew");
        Assert.Equal(InstanceStatus.Terminated, cancelled.Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
        Assert.Null(await t.Engine.GetNextTimerDueAsync());
        Expect.Sequence(["task.cancelled review", "element.cancelled review", "element.cancelled p"], (await t.Journal(instance.Id))[^3..]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => t.Engine.CancelAsync(instance.Id));
    }

    [Fact]
    public async Task Non_interrupting_message_boundary_fires_each_time_and_an_escalation_end_is_caught_by_the_interrupting_boundary()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("boundary-variants.bpmn");
        Assert.True((await t.Engine.CorrelateMessageAsync("query")).Correlated);
        Assert.True((await t.Engine.CorrelateMessageAsync("query")).Correlated);
        Assert.Single(await t.Engine.ListUserTasksAsync());

        await t.CompleteTaskAsync("inner");

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Empty(state.Subscriptions);
        var journal = await t.Journal(instance.Id);
        Assert.Equal(2, journal.Count(l => l == "element.completed endAnswer"));
        Expect.Sequence(
        [
            "task.completed inner", "element.completed inner", "element.entered raise", "element.completed raise", "escalation.thrown raise",
            "element.cancelled sub", "element.entered escalated", "element.completed escalated",
            "element.entered endEscalated", "element.completed endEscalated", "element.completed p",
        ], journal[^11..]);
    }

    [Fact]
    public async Task Event_based_gateway_can_wait_on_a_receive_task_and_a_timer_cycle()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("event-gateway-receive.bpmn");
        Assert.Equal(TestEngine.Origin.AddHours(10), Assert.Single((await t.State(instance.Id)).Timers).DueAt);
        Assert.True((await t.Engine.CorrelateMessageAsync("documents")).Correlated);
        Expect.Sequence(
        [
            .. Started, "element.entered gw", "message.correlated docs", "element.completed gw",
            "element.entered docs", "element.completed docs", "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }
}

using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Tests.Execution;

public sealed class ScopeTests
{
    private static readonly string[] Started = ["element.entered p", "element.entered start", "element.completed start"];

    [Fact]
    public async Task Error_end_event_in_a_sub_process_is_caught_by_the_boundary_error_event()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("subprocess-error.bpmn", variables: new() { ["missing"] = true });
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Expect.Sequence(
        [
            .. Started, "element.entered sub", "element.entered subStart", "element.completed subStart",
            "element.entered check", "element.completed check", "element.entered ok", "element.completed ok",
            "element.entered fail", "element.completed fail", "error.thrown fail", "element.cancelled sub",
            "element.entered caught", "element.completed caught", "element.entered supplement", "element.completed supplement",
            "element.entered endSupplement", "element.completed endSupplement", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Sub_process_without_error_completes_normally()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("subprocess-error.bpmn", variables: new() { ["missing"] = false });
        Expect.Sequence(["element.entered subEnd", "element.completed subEnd", "element.completed sub", "element.entered end", "element.completed end", "element.completed p"],
            (await t.Journal(instance.Id))[^6..]);
    }

    [Fact]
    public async Task Error_is_caught_by_a_catch_all_error_event_sub_process()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("error-eventsub.bpmn");
        await t.CompleteTaskAsync("work");
        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Expect.Sequence(
        [
            "task.completed work", "element.completed work", "element.entered boom", "element.completed boom", "error.thrown boom",
            "element.entered onError", "element.entered errStart", "element.completed errStart", "element.entered recover", "element.completed recover",
            "element.entered errEnd", "element.completed errEnd", "element.completed onError", "element.completed p",
        ], (await t.Journal(instance.Id))[^14..]);
    }

    [Fact]
    public async Task Uncaught_error_fails_the_instance_with_a_clear_incident()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("error-uncaught.bpmn");
        Assert.Equal(InstanceStatus.Failed, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("boom", "unhandled-error"), (incident.ElementId, incident.Kind));
        Assert.Contains("E_FATAL", incident.Message, StringComparison.Ordinal);
        Expect.Sequence([.. Started, "element.entered boom", "element.completed boom", "error.thrown boom", "incident boom"], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Escalation_is_caught_non_interrupting_and_an_uncaught_escalation_is_not_fatal()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("escalation.bpmn");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Expect.Sequence(
        [
            .. Started, "element.entered sub", "element.entered subStart", "element.completed subStart",
            "element.entered raise", "escalation.thrown raise", "element.entered notifyLeader", "element.completed notifyLeader", "element.completed raise",
            "element.entered notify", "element.completed notify", "element.entered raiseOther", "escalation.thrown raiseOther", "element.completed raiseOther",
            "element.entered endNotify", "element.completed endNotify", "element.entered subEnd", "element.completed subEnd",
            "element.completed sub", "element.entered end", "element.completed end",
            "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Non_interrupting_message_event_sub_process_runs_beside_the_main_flow()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("eventsub.bpmn");
        Assert.True((await t.Engine.CorrelateMessageAsync("query")).Correlated);
        Assert.True((await t.Engine.CorrelateMessageAsync("query")).Correlated);
        Assert.Single(await t.Engine.ListUserTasksAsync());
        await t.CompleteTaskAsync("work");
        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Empty(state.Subscriptions);
        Assert.Empty(state.Timers);
        var journal = await t.Journal(instance.Id);
        Expect.Sequence(
        [
            "message.correlated queryStart", "element.entered onQuery", "element.entered queryStart", "element.completed queryStart",
            "element.entered answer", "element.completed answer", "element.entered queryEnd", "element.completed queryEnd", "element.completed onQuery",
        ], journal[5..14]);
        Assert.Equal(2, journal.Count(l => l == "element.completed onQuery"));
        Assert.Equal("element.completed p", journal[^1]);
    }

    [Fact]
    public async Task Interrupting_timer_event_sub_process_cancels_the_main_flow()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("eventsub.bpmn");
        await t.AdvanceAsync(TimeSpan.FromDays(1));
        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
        Expect.Sequence(
        [
            .. Started, "element.entered work", "task.created work",
            "timer.fired expiryStart", "task.cancelled work", "element.cancelled work",
            "element.entered onExpiry", "element.entered expiryStart", "element.completed expiryStart",
            "element.entered expire", "element.completed expire", "element.entered expiryEnd", "element.completed expiryEnd",
            "element.completed onExpiry", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Call_activity_starts_the_published_child_and_maps_variables_in_and_out()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-child.bpmn");
        var instance = await t.StartAsync("call-parent.bpmn", variables: new() { ["amount"] = 10 });

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal("31", state.Variables["childResult"]!.ToJsonString());
        Assert.False(state.Variables.ContainsKey("secret"));
        Expect.Sequence(
        [
            "element.entered p", "variables.changed p", "element.entered start", "element.completed start", "element.entered call", "variables.changed call", "element.completed call",
            "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id, all: true));
    }

    [Fact]
    public async Task Parallel_multi_instance_user_task_stops_at_its_completion_condition()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("mi-parallel.bpmn", variables: new()
        {
            ["reviewers"] = new System.Text.Json.Nodes.JsonArray("an", "binh", "chi"),
        });
        var tasks = await t.Engine.ListUserTasksAsync();
        Assert.Equal(["an", "binh", "chi"], tasks.Select(x => x.Assignee));

        await t.Engine.CompleteUserTaskAsync(tasks[1].Id);
        Assert.Equal(InstanceStatus.Waiting, (await t.State(instance.Id)).Status);
        await t.Engine.CompleteUserTaskAsync(tasks[0].Id);

        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
        var journal = await t.Journal(instance.Id);
        Expect.Sequence([.. Started, "element.entered vote"], journal[..4]);
        Assert.Equal(3, journal.Count(l => l == "task.created vote"));
        Expect.Sequence(
        [
            "task.completed vote", "element.completed vote", "task.completed vote", "element.completed vote",
            "task.cancelled vote", "element.cancelled vote", "element.completed vote",
            "element.entered end", "element.completed end", "element.completed p",
        ], journal[^10..]);
    }

    [Fact]
    public async Task Sequential_multi_instance_runs_items_in_order_and_cardinality_drives_a_sub_process()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("mi-sequential.bpmn", variables: new()
        {
            ["items"] = new System.Text.Json.Nodes.JsonArray(5, 7, 9),
            ["sum"] = 0,
            ["order"] = new System.Text.Json.Nodes.JsonArray(),
        });
        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal("21", state.Variables["sum"]!.ToJsonString());
        Assert.Equal("[0,1,2]", state.Variables["order"]!.ToJsonString());
        var journal = await t.Journal(instance.Id);
        Assert.Equal(4, journal.Count(l => l == "element.entered add"));
        Assert.Equal(3, journal.Count(l => l == "element.entered sub"));
        Assert.Equal(2, journal.Count(l => l == "element.completed sTask"));
    }

    [Fact]
    public async Task Standard_loop_repeats_until_the_condition_is_false()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("loop.bpmn", variables: new() { ["count"] = 0 });
        var state = await t.State(instance.Id);
        Assert.Equal("3", state.Variables["count"]!.ToJsonString());
        Expect.Sequence(
        [
            .. Started, "element.entered count", "element.completed count", "element.entered count", "element.completed count",
            "element.entered count", "element.completed count", "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(5, 5)]
    public async Task Test_before_loop_checks_first_and_loop_maximum_caps_iterations(int start, int expectedCount)
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("loop-test-before.bpmn", variables: new() { ["count"] = start, ["rounds"] = 0 });
        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal(expectedCount.ToString(System.Globalization.CultureInfo.InvariantCulture), state.Variables["count"]!.ToJsonString());
        Assert.Equal("4", state.Variables["rounds"]!.ToJsonString());
    }

    [Fact]
    public async Task Non_interrupting_timer_cycle_event_sub_process_repeats_and_an_interrupting_message_one_ends_the_scope()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("eventsub-variants.bpmn");
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        await t.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(await t.Engine.ListUserTasksAsync());

        Assert.True((await t.Engine.CorrelateMessageAsync("withdraw")).Correlated);

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        var journal = await t.Journal(instance.Id);
        Assert.Equal(2, journal.Count(l => l == "timer.fired reminderStart"));
        Assert.Equal(2, journal.Count(l => l == "element.completed onReminder"));
        Expect.Sequence(
        [
            "message.correlated withdrawStart", "task.cancelled work", "element.cancelled work",
            "element.entered onWithdraw", "element.entered withdrawStart", "element.completed withdrawStart",
            "element.entered withdrawEnd", "element.completed withdrawEnd", "element.completed onWithdraw", "element.completed p",
        ], journal[^10..]);
    }
}

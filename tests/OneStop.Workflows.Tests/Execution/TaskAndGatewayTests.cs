using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Tests.Execution;

public sealed class TaskAndGatewayTests
{
    [Fact]
    public async Task User_task_creates_an_inbox_row_and_its_outcome_drives_the_exclusive_gateway()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });

        var task = Assert.Single(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "TN-MT" }));
        Assert.Equal(("review", "nva", "specialist", "HS-001"), (task.ElementId, task.Assignee, task.Role, task.BusinessKey));
        Assert.Equal(["approve", "reject"], task.Outcomes);
        Assert.Equal(TestEngine.Origin.AddHours(12), task.DueAt);
        Assert.Equal(InstanceStatus.Waiting, (await t.State(instance.Id)).Status);

        await Assert.ThrowsAsync<ArgumentException>(() => t.Engine.CompleteUserTaskAsync(task.Id, new() { Outcome = "maybe" }));
        await t.CompleteTaskAsync("review", "approve");

        var state = await t.State(instance.Id);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal("approve", state.Variables["outcome"]!.GetValue<string>());
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start",
            "element.entered review", "task.created review", "task.completed review", "element.completed review",
            "element.entered decide", "element.completed decide",
            "element.entered approved", "element.completed approved", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Exclusive_gateway_without_default_takes_the_default_flow_when_declared()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });
        await t.CompleteTaskAsync("review", "reject");
        Assert.Contains("element.completed rejected", await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Exclusive_gateway_takes_the_first_true_condition_in_document_order()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("exclusive-nomatch.bpmn", variables: new() { ["amount"] = 500 });
        var journal = await t.Journal(instance.Id);
        Assert.Contains("element.completed big", journal);
        Assert.DoesNotContain("element.entered small", journal);
        Assert.DoesNotContain("element.entered also", journal);
    }

    [Fact]
    public async Task Exclusive_gateway_with_no_matching_flow_raises_an_incident_and_fails_the_instance()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("exclusive-nomatch.bpmn", variables: new() { ["amount"] = 1 });

        Assert.Equal(InstanceStatus.Failed, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("xor", "no-matching-flow"), (incident.ElementId, incident.Kind));
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start",
            "element.entered xor", "incident xor",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Parallel_gateway_forks_and_joins_only_when_every_branch_arrived()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("parallel.bpmn");
        var journal = await t.Journal(instance.Id);
        Assert.Equal(["element.entered p", "element.entered start", "element.completed start", "element.entered fork", "element.completed fork"], journal[..5]);
        Assert.Equal(
            new HashSet<string> { "element.entered a", "task.created a", "element.entered b", "element.completed b" },
            journal[5..].ToHashSet());
        Assert.DoesNotContain("element.entered join", journal);

        await t.CompleteTaskAsync("a");
        journal = await t.Journal(instance.Id);
        Assert.Equal(["task.completed a", "element.completed a", "element.entered join", "element.completed join",
            "element.entered end", "element.completed end", "element.completed p"], journal[9..]);
    }

    [Fact]
    public async Task Inclusive_join_waits_only_for_branches_that_were_taken_and_ignores_the_dead_branch()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("inclusive.bpmn", variables: new() { ["needA"] = true, ["needB"] = true, ["needC"] = false });
        var journal = await t.Journal(instance.Id);
        Assert.DoesNotContain("element.entered c", journal);
        Assert.DoesNotContain("element.entered join", journal);
        Assert.Contains("element.completed b", journal);

        await t.CompleteTaskAsync("a");
        journal = await t.Journal(instance.Id);
        Assert.Equal(["task.completed a", "element.completed a", "element.entered join", "element.completed join",
            "element.entered end", "element.completed end", "element.completed p"], journal[^7..]);
        Assert.Single(journal, l => l == "element.entered join");
    }

    [Fact]
    public async Task Inclusive_fork_with_one_true_branch_passes_the_join_at_once()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("inclusive.bpmn", variables: new() { ["needA"] = false, ["needB"] = true, ["needC"] = false });
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start", "element.entered fork", "element.completed fork",
            "element.entered b", "element.completed b", "element.entered join", "element.completed join",
            "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Service_task_handler_sets_variables_and_a_bpmn_error_is_caught_by_the_boundary_event()
    {
        var t = new TestEngine(h => h
            .Register("fee", (ctx, _) => ValueTask.FromResult(new ServiceTaskResult(new Dictionary<string, JsonNode?> { ["fee"] = 50_000 })))
            .Register("check", (ctx, _) => throw new BpmnErrorException("E_INVALID")));
        var instance = await t.StartAsync("service.bpmn");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("50000", instance.Variables["fee"]!.ToJsonString());
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start",
            "element.entered calc", "variables.changed calc", "element.completed calc",
            "element.entered check", "error.thrown check", "element.cancelled check",
            "element.entered invalid", "element.completed invalid",
            "element.entered endInvalid", "element.completed endInvalid", "element.completed p",
        ], await t.Journal(instance.Id, all: true));
    }

    [Fact]
    public async Task Service_task_handler_exception_becomes_an_incident()
    {
        var t = new TestEngine(h => h
            .Register("fee", (_, _) => throw new InvalidOperationException("gateway down"))
            .Register("check", (_, _) => ValueTask.FromResult(ServiceTaskResult.Done)));
        var instance = await t.StartAsync("service.bpmn");
        Assert.Equal(InstanceStatus.Failed, instance.Status);
        Assert.Contains("gateway down", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_task_and_message_throw_and_end_events_journal_the_sent_message()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("send.bpmn");
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start",
            "element.entered notify", "message.sent notify", "element.completed notify",
            "element.entered throw", "message.sent throw", "element.completed throw",
            "element.entered end", "message.sent end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Script_task_assignments_update_process_variables()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("script.bpmn", variables: new() { ["price"] = 20_000, ["qty"] = 3 });
        Assert.True(instance.Status == InstanceStatus.Completed, string.Join("; ", instance.Incidents.Select(i => i.Message)));
        Assert.Equal("60000", instance.Variables["total"]!.ToJsonString());
        Assert.Equal("Phí 60000", instance.Variables["label"]!.GetValue<string>());
        Assert.Equal("[\"a\",\"b\"]", instance.Variables["tags"]!.ToJsonString());
        var changed = (await t.Engine.GetJournalAsync(instance.Id)).Single(e => e.Event == JournalEvents.VariablesChanged && e.ElementId == "calc");
        Assert.Equal(["total", "label", "tags"], changed.Data!["variables"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Link_throw_jumps_to_the_link_catch_and_none_throw_passes_through()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("link.bpmn");
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start",
            "element.entered jump", "element.completed jump", "element.entered land", "element.completed land",
            "element.entered note", "element.completed note", "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Terminate_end_event_cancels_the_other_branches_and_completes_the_instance()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("terminate.bpmn");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
        Assert.Equal(
        [
            "element.entered p", "element.entered start", "element.completed start", "element.entered fork", "element.completed fork",
            "element.entered wait", "task.created wait", "element.entered stop", "element.completed stop",
            "task.cancelled wait", "element.cancelled wait", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task A_department_written_as_an_expression_is_evaluated_when_the_task_is_created()
    {
        var t = new TestEngine();
        await t.StartAsync("department-expression.bpmn", variables: new() { ["processingUnit"] = "STP/HCTP", ["leadAgency"] = "STP" });
        var fallback = await t.StartAsync("department-expression.bpmn", variables: new() { ["leadAgency"] = "SXD" });

        Assert.Single(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "STP/HCTP" }));
        var review = Assert.Single(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "SXD/QLHDXD" }));
        Assert.Equal(fallback.Id, review.InstanceId);
        await t.Engine.CompleteUserTaskAsync(review.Id);
        Assert.Equal("sign", Assert.Single(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "SXD/BGD" })).ElementId);
    }

    [Fact]
    public async Task A_task_transferred_to_another_department_keeps_its_due_time_and_is_journaled()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "TN-MT" }));

        await Assert.ThrowsAsync<ArgumentException>(() => t.Engine.TransferUserTaskAsync(task.Id, "TN-MT"));
        await t.Engine.TransferUserTaskAsync(task.Id, "XD", "truong-phong");

        Assert.Empty(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "TN-MT" }));
        var moved = Assert.Single(await t.Engine.ListUserTasksAsync(new Persistence.UserTaskQuery { Department = "XD" }));
        Assert.Equal((task.Id, task.DueAt), (moved.Id, moved.DueAt));
        var journal = await t.Engine.GetJournalAsync(instance.Id);
        var transfer = Assert.Single(journal, e => e.Event == JournalEvents.TaskTransferred);
        Assert.Equal(("TN-MT", "XD", "truong-phong"), ((string?)transfer.Data!["from"], (string?)transfer.Data["to"], (string?)transfer.Data["user"]));
        await t.CompleteTaskAsync("review", "approve");
        await Assert.ThrowsAsync<TaskNotOpenException>(() => t.Engine.TransferUserTaskAsync(task.Id, "TN-MT"));
    }
}

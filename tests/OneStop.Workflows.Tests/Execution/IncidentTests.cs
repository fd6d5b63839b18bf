using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Tests.Execution;

public sealed class IncidentTests
{
    private static readonly string[] Started = ["element.entered p", "element.entered start", "element.completed start"];

    [Fact]
    public async Task Retrying_a_failed_handler_runs_it_again_and_the_instance_goes_on()
    {
        var calls = 0;
        var t = new TestEngine(h => h
            .Register("fee", (_, _) => ++calls == 1
                ? throw new InvalidOperationException("payment gateway down")
                : ValueTask.FromResult(new ServiceTaskResult(new Dictionary<string, JsonNode?> { ["fee"] = 15 })))
            .Register("check", (_, _) => ValueTask.FromResult(ServiceTaskResult.Done)));
        var instance = await t.StartAsync("service.bpmn");
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("calc", "handler", InstanceStatus.Failed), (incident.ElementId, incident.Kind, instance.Status));

        var retried = await t.Engine.RetryIncidentAsync(instance.Id, incident.Id);

        Assert.Equal(InstanceStatus.Completed, retried.Status);
        Assert.Empty(retried.Incidents);
        Assert.Equal("15", retried.Variables["fee"]!.ToJsonString());
        Expect.Sequence([.. Started, "element.entered calc", "incident calc", "incident.retried calc", "element.entered calc", "element.completed calc",
            "element.entered check", "element.completed check", "element.entered end", "element.completed end", "element.completed p"],
            await t.Journal(instance.Id));
        var retriedEntry = (await t.Engine.GetJournalAsync(instance.Id)).Single(e => e.Event == JournalEvents.IncidentRetried);
        Assert.Equal((incident.Id, "handler"), ((string?)retriedEntry.Data!["incidentId"], (string?)retriedEntry.Data["kind"]));
    }

    [Fact]
    public async Task A_retry_that_fails_again_raises_a_new_incident_and_keeps_only_that_one()
    {
        var t = new TestEngine(h => h
            .Register("fee", (_, _) => throw new InvalidOperationException("still down"))
            .Register("check", (_, _) => ValueTask.FromResult(ServiceTaskResult.Done)));
        var instance = await t.StartAsync("service.bpmn");
        var first = Assert.Single(instance.Incidents);

        var retried = await t.Engine.RetryIncidentAsync(instance.Id, first.Id);

        Assert.Equal(InstanceStatus.Failed, retried.Status);
        var second = Assert.Single(retried.Incidents);
        Assert.NotEqual(first.Id, second.Id);
        Expect.Sequence([.. Started, "element.entered calc", "incident calc", "incident.retried calc", "element.entered calc", "incident calc"],
            await t.Journal(instance.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => t.Engine.RetryIncidentAsync(instance.Id, first.Id));
    }

    [Fact]
    public async Task Open_tasks_of_a_failed_instance_leave_the_inbox_and_come_back_with_the_same_id_after_a_retry()
    {
        var calls = 0;
        var t = new TestEngine(h => h.Register("fee", (_, _) => ++calls == 1
            ? throw new InvalidOperationException("down")
            : ValueTask.FromResult(ServiceTaskResult.Done)));
        var xml = (await File.ReadAllTextAsync(TestPaths.Bpmn("parallel.bpmn")))
            .Replace("<manualTask id=\"b\" />", "<serviceTask id=\"b\" os:handler=\"fee\" />", StringComparison.Ordinal);
        await t.Engine.DeployAsync(xml, new DeployOptions { Publish = true });
        var instance = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });
        var task = Assert.Single(instance.UserTasks);
        Assert.Equal(InstanceStatus.Failed, instance.Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());

        var retried = await t.Engine.RetryIncidentAsync(instance.Id, Assert.Single(instance.Incidents).Id);

        Assert.Equal(InstanceStatus.Waiting, retried.Status);
        Assert.Equal(task.Id, Assert.Single(await t.Engine.ListUserTasksAsync()).Id);
        await t.CompleteTaskAsync("a");
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task Retrying_a_gateway_with_no_matching_flow_chooses_again_with_corrected_variables()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("exclusive-nomatch.bpmn", variables: new() { ["amount"] = 1 });
        var incident = Assert.Single(instance.Incidents);

        var retried = await t.Engine.RetryIncidentAsync(instance.Id, incident.Id, new Dictionary<string, JsonNode?> { ["amount"] = 50 });

        Assert.Equal(InstanceStatus.Completed, retried.Status);
        Expect.Sequence(["element.entered xor", "incident xor", "incident.retried xor", "variables.changed xor", "element.completed xor",
            "element.entered small", "element.completed small", "element.completed p"], (await t.Journal(instance.Id, all: true))[^8..]);
    }

    [Fact]
    public async Task A_condition_that_cannot_be_evaluated_is_a_retryable_incident_at_the_gateway()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("condition-error.bpmn", variables: new() { ["documents"] = 5 });
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(("xor", "expression", IncidentStep.Leave), (incident.ElementId, incident.Kind, incident.Step));

        var retried = await t.Engine.RetryIncidentAsync(instance.Id, incident.Id, new Dictionary<string, JsonNode?> { ["documents"] = new JsonArray("form", "id-card") });

        Assert.Equal(InstanceStatus.Completed, retried.Status);
        Expect.Sequence(["incident.retried xor", "element.completed xor", "element.entered big", "element.completed big", "element.completed p"],
            (await t.Journal(instance.Id))[^5..]);
    }

    [Fact]
    public async Task An_incident_whose_token_is_gone_cannot_be_retried_but_the_instance_can_be_cancelled_with_a_reason()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("error-uncaught.bpmn");
        var incident = Assert.Single(instance.Incidents);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Engine.RetryIncidentAsync(instance.Id, incident.Id));
        Assert.Contains("Cancel the instance", refused.Message, StringComparison.Ordinal);

        var cancelled = await t.Engine.CancelAsync(instance.Id, "cannot be repaired", "admin");
        Assert.Equal(InstanceStatus.Terminated, cancelled.Status);
        Assert.Empty(cancelled.Incidents);
        var last = (await t.Engine.GetJournalAsync(instance.Id))[^1];
        Assert.Equal(("element.cancelled", "p"), (last.Event, last.ElementId));
        Assert.Equal("""{"reason":"cannot be repaired","user":"admin"}""", last.Data!.ToJsonString());
    }

    [Fact]
    public async Task Cancel_journals_its_reason()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });

        await t.Engine.CancelAsync(instance.Id, "citizen withdrew the dossier");

        var last = (await t.Engine.GetJournalAsync(instance.Id))[^1];
        Assert.Equal(("element.cancelled", "process"), (last.Event, last.ElementType));
        Assert.Equal("""{"reason":"citizen withdrew the dossier"}""", last.Data!.ToJsonString());
        Expect.Sequence(["task.cancelled review", "element.cancelled review", "element.cancelled p"], (await t.Journal(instance.Id))[^3..]);
    }

    [Fact]
    public async Task Incidents_survive_a_reload_until_they_are_resolved()
    {
        var t = new TestEngine(h => h
            .Register("fee", (_, _) => throw new InvalidOperationException("down"))
            .Register("check", (_, _) => ValueTask.FromResult(ServiceTaskResult.Done)));
        var instance = await t.StartAsync("service.bpmn");

        var stored = await t.State(instance.Id);

        var incident = Assert.Single(stored.Incidents);
        Assert.Equal((instance.Incidents[0].Id, "calc", IncidentStep.Element), (incident.Id, incident.TokenId is null ? null : incident.ElementId, incident.Step));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => t.Engine.RetryIncidentAsync(instance.Id, "i999"));
    }
}

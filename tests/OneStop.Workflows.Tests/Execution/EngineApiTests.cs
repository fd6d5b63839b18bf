using System.Text.Json;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests.Execution;

public sealed class EngineApiTests
{
    [Fact]
    public async Task Deploy_versions_drafts_publishes_and_keeps_running_instances_on_their_version()
    {
        var t = new TestEngine();
        var xml = await File.ReadAllTextAsync(TestPaths.Bpmn("parallel.bpmn"));
        var draft = await t.Engine.DeployAsync(xml);
        Assert.Equal((1, DefinitionStatus.Draft), (draft.Definitions[0].Version, draft.Definitions[0].Status));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => t.Engine.StartAsync(new StartInstanceRequest { Key = "p" }));

        var same = await t.Engine.DeployAsync(xml);
        Assert.Equal(1, same.Definitions[0].Version);
        await t.Engine.PublishAsync("p", 1);
        var v1 = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });

        var changed = await t.Engine.DeployAsync(xml.Replace("<manualTask id=\"b\" />", "<manualTask id=\"b\" name=\"B\" />", StringComparison.Ordinal), new DeployOptions { Publish = true });
        Assert.Equal((2, DefinitionStatus.Published), (changed.Definitions[0].Version, changed.Definitions[0].Status));
        Assert.Equal(DefinitionStatus.Retired, (await t.Store.GetDefinitionVersionsAsync("p", default))[0].Status);
        var v2 = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });
        Assert.Equal((1, 2), (v1.DefinitionVersion, v2.DefinitionVersion));

        await t.CompleteTaskAsync("a");
        Assert.Equal(InstanceStatus.Completed, (await t.State(v1.Id)).Status);
    }

    [Fact]
    public async Task Deploy_refuses_a_document_with_errors()
    {
        var t = new TestEngine();
        var result = await t.Engine.DeployAsync(await File.ReadAllTextAsync(TestPaths.Bpmn("invalid.bpmn")));
        Assert.False(result.Succeeded);
        Assert.Empty(result.Definitions);
        Assert.Empty(await t.Store.GetDefinitionVersionsAsync("p", default));
    }

    [Fact]
    public async Task Instance_state_is_plain_json_that_round_trips()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("mi-parallel.bpmn", variables: new() { ["reviewers"] = new System.Text.Json.Nodes.JsonArray("an", "binh") });
        var json = JsonSerializer.Serialize(instance, WorkflowJson.Options);
        var copy = JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(copy, WorkflowJson.Options));
        Assert.Contains("\"status\":\"Waiting\"", json, StringComparison.Ordinal);
        Assert.Equal(2, copy.UserTasks.Count);
        Assert.Equal(3, copy.Scopes.Count);
    }

    [Fact]
    public async Task A_stale_row_version_is_a_concurrency_conflict()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("parallel.bpmn");
        var stale = (await t.State(instance.Id));
        await t.CompleteTaskAsync("a");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => t.Store.SaveInstanceAsync(stale, stale.RowVersion, [], default));
    }

    [Fact]
    public async Task Journal_sequence_continues_across_commands()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("parallel.bpmn");
        await t.CompleteTaskAsync("a");
        var journal = await t.Engine.GetJournalAsync(instance.Id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
    }
}

using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests.Execution;

public sealed class DefinitionVersionTests
{
    private static Task<string> Xml(string file = "parallel.bpmn") => File.ReadAllTextAsync(TestPaths.Bpmn(file));

    private static string Changed(string xml, string name) =>
        xml.Replace("<manualTask id=\"b\" />", $"<manualTask id=\"b\" name=\"{name}\" />", StringComparison.Ordinal);

    [Fact]
    public async Task A_retired_version_starts_no_new_instances_but_its_running_instances_continue()
    {
        var t = new TestEngine();
        await t.Engine.DeployAsync(await Xml(), new DeployOptions { Publish = true });
        var running = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });

        var retired = await t.Engine.RetireAsync("p", 1);

        Assert.Equal(DefinitionStatus.Retired, retired.Status);
        var byKey = await Assert.ThrowsAsync<KeyNotFoundException>(() => t.Engine.StartAsync(new StartInstanceRequest { Key = "p" }));
        Assert.Equal("Definition 'p' has no published version.", byKey.Message);
        var byVersion = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Engine.StartAsync(new StartInstanceRequest { Key = "p", Version = 1 }));
        Assert.Equal("Definition 'p' version 1 is retired: it starts no new instances.", byVersion.Message);
        await t.CompleteTaskAsync("a");
        Assert.Equal(InstanceStatus.Completed, (await t.State(running.Id)).Status);
        Assert.Equal(DefinitionStatus.Retired, (await t.Engine.RetireAsync("p", 1)).Status);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => t.Engine.RetireAsync("p", 9));
    }

    [Fact]
    public async Task Start_by_key_takes_the_published_version_not_a_newer_draft_and_refuses_a_retired_one_by_number()
    {
        var t = new TestEngine();
        var xml = await Xml();
        await t.Engine.DeployAsync(xml, new DeployOptions { Publish = true });
        await t.Engine.DeployAsync(Changed(xml, "B"), new DeployOptions { Publish = true });
        await t.Engine.DeployAsync(Changed(xml, "B2"));

        Assert.Equal(2, (await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" })).DefinitionVersion);
        Assert.Equal(3, (await t.Engine.StartAsync(new StartInstanceRequest { Key = "p", Version = 3 })).DefinitionVersion);
        await Assert.ThrowsAsync<InvalidOperationException>(() => t.Engine.StartAsync(new StartInstanceRequest { Key = "p", Version = 1 }));
        Assert.Equal([DefinitionStatus.Retired, DefinitionStatus.Published, DefinitionStatus.Draft],
            (await t.Engine.GetDefinitionVersionsAsync("p")).Select(v => v.Status));
    }

    [Fact]
    public async Task Versions_record_who_deployed_and_published_them_and_when()
    {
        var t = new TestEngine();
        var xml = await Xml();
        var draft = (await t.Engine.DeployAsync(xml, new DeployOptions { User = "an" })).Definitions[0];
        Assert.Equal(("an", TestEngine.Origin, (string?)null), (draft.DeployedBy, draft.DeployedAt, draft.PublishedBy));
        t.Clock.Advance(TimeSpan.FromHours(1));
        var published = await t.Engine.PublishAsync("p", 1, "binh");
        var both = (await t.Engine.DeployAsync(Changed(xml, "B"), new DeployOptions { Publish = true, User = "chi" })).Definitions[0];

        Assert.Equal(("binh", TestEngine.Origin.AddHours(1)), (published.PublishedBy, published.PublishedAt));
        Assert.Equal((2, "chi", "chi", DefinitionStatus.Published), (both.Version, both.DeployedBy, both.PublishedBy, both.Status));
        var stored = await t.Engine.GetDefinitionVersionsAsync("p");
        Assert.Equal([("an", "binh"), ("chi", "chi")], stored.Select(v => (v.DeployedBy, v.PublishedBy)));
    }

    [Fact]
    public async Task Redeploying_the_content_of_the_published_or_latest_version_makes_no_duplicate_but_a_retired_one_is_not_revived()
    {
        var t = new TestEngine();
        var a = await Xml();
        var b = Changed(a, "B");
        await t.Engine.DeployAsync(a, new DeployOptions { Publish = true });
        await t.Engine.DeployAsync(b);

        Assert.Equal(1, (await t.Engine.DeployAsync(a)).Definitions[0].Version);
        Assert.Equal(2, (await t.Engine.DeployAsync(b)).Definitions[0].Version);
        Assert.Equal(2, (await t.Engine.GetDefinitionVersionsAsync("p")).Count);

        await t.Engine.RetireAsync("p", 1);
        var again = (await t.Engine.DeployAsync(a)).Definitions[0];
        Assert.Equal((3, DefinitionStatus.Draft), (again.Version, again.Status));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Engine.PublishAsync("p", 1, "an"));
        Assert.Contains("retired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_activity_whose_process_is_retired_raises_an_incident()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-child.bpmn");
        await t.Engine.RetireAsync("child", 1);
        await t.DeployAsync("call-parent.bpmn");

        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p", Variables = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["amount"] = 10 } });

        var incident = Assert.Single((await t.State(parent.Id)).Incidents);
        Assert.Equal("call-activity", incident.Kind);
    }
}

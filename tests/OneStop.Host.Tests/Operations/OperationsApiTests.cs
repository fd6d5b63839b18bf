using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Tests.Engine;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Execution;

namespace OneStop.Host.Tests.Operations;

public sealed class OperationsApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private const string NoMatch = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:onestop:test">
          <process id="fee-check" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="xor" />
            <exclusiveGateway id="xor" name="Có thu phí?" />
            <sequenceFlow id="fFee" sourceRef="xor" targetRef="fee"><conditionExpression>amount &gt; 0</conditionExpression></sequenceFlow>
            <endEvent id="fee" />
          </process>
        </definitions>
        """;

    [Fact]
    public async Task Admin_sees_an_incident_and_retries_it_with_the_missing_value()
    {
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        await DurableEngineTests.DeployAsync(engine, NoMatch);
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "fee-check", BusinessKey = "000.00.04.H56-261126-0007", Variables = new Dictionary<string, JsonNode?> { ["amount"] = 0 } });
        using var admin = await AsAsync("admin");

        var listed = await OidcClient.ReadJsonAsync(await admin.GetAsync(new Uri("/api/operations/incidents", UriKind.Relative)));
        var incident = listed.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == instance.Id);
        Assert.Equal("xor", incident.GetProperty("elementId").GetString());
        Assert.Equal("000.00.04.H56-261126-0007", incident.GetProperty("businessKey").GetString());

        var retried = await admin.PostAsJsonAsync(
            $"/api/operations/instances/{instance.Id}/incidents/{incident.GetProperty("incidentId").GetString()}/retry",
            new { variables = new { amount = 50_000 } });

        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(InstanceStatus.Completed, (await engine.GetInstanceAsync(instance.Id))!.Status);
        Assert.Contains(await engine.GetJournalAsync(instance.Id), e => e.Event == "incident.retried");
        var after = await OidcClient.ReadJsonAsync(await admin.GetAsync(new Uri("/api/operations/incidents", UriKind.Relative)));
        Assert.DoesNotContain(after.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("instanceId").GetString() == instance.Id);
    }

    [Fact]
    public async Task Cancel_needs_a_reason_keeps_it_in_the_journal_and_is_for_admins_only()
    {
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        await DurableEngineTests.DeployAsync(engine, Flows.ReviewWithDeadline("cancel-me", "P10D"));
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "cancel-me" });
        using var admin = await AsAsync("admin");
        using var specialist = await AsAsync("specialist");
        var url = $"/api/operations/instances/{instance.Id}/cancel";

        var refused = await specialist.PostAsJsonAsync(url, new { reason = "Công dân rút hồ sơ" });
        var noReason = await admin.PostAsJsonAsync(url, new { reason = " " });
        var cancelled = await admin.PostAsJsonAsync(url, new { reason = "Công dân rút hồ sơ" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var journal = await engine.GetJournalAsync(instance.Id);
        var entry = journal.Last(e => e.Event == JournalEvents.ElementCancelled && e.ElementId == "cancel-me");
        Assert.Equal("Công dân rút hồ sơ", (string?)entry.Data?["reason"]);
        Assert.Equal("admin", (string?)entry.Data?["user"]);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(url, new { reason = "again" })).StatusCode);
    }

    private async Task<HttpClient> AsAsync(string user) =>
        app.CreateHttpClient().WithBearer((await OidcClient.SignInAsync(app, user)).AccessToken);
}

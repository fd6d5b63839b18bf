using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;

namespace OneStop.Workflows.Tests.Execution;

/// <summary>What one instance does to another: escalations from called processes and messages thrown between instances.</summary>
public sealed class InterInstanceTests
{
    private static readonly string[] ChildUntilTask =
    [
        "element.entered agency", "element.entered aStart", "element.completed aStart",
        "element.entered raiseLate", "escalation.thrown raiseLate", "element.completed raiseLate",
        "element.entered consider", "task.created consider",
    ];

    [Fact]
    public async Task A_called_process_escalation_is_caught_non_interrupting_on_the_call_activity_and_an_uncaught_one_is_not_fatal()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-escalation.bpmn");
        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });
        var childId = Assert.Single(await t.Engine.ListUserTasksAsync()).InstanceId;

        await t.CompleteTaskAsync("consider", "ok");

        Assert.Equal(InstanceStatus.Completed, (await t.State(parent.Id)).Status);
        Assert.Equal(InstanceStatus.Completed, (await t.State(childId)).Status);
        Expect.Sequence(
        [
            "element.entered p", "element.entered start", "element.completed start", "element.entered ask",
            "escalation.thrown ask", "element.entered late", "element.completed late",
            "element.entered notify", "element.completed notify", "element.entered endNotified", "element.completed endNotified",
            "escalation.thrown ask", "element.completed ask", "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(parent.Id));
        Expect.Sequence(
        [
            .. ChildUntilTask, "task.completed consider", "element.completed consider", "element.entered aGw", "element.completed aGw",
            "element.entered raiseNobody", "escalation.thrown raiseNobody", "element.completed raiseNobody",
            "element.entered aEnd", "element.completed aEnd", "element.completed agency",
        ], await t.Journal(childId));
        var codes = (await t.Engine.GetJournalAsync(parent.Id)).Where(e => e.Event == JournalEvents.EscalationThrown).Select(e => (string?)e.Data!["code"]);
        Assert.Equal(["LATE", "NOBODY"], codes);
    }

    [Fact]
    public async Task A_called_process_escalation_end_is_caught_by_the_interrupting_boundary_of_the_call_activity()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-escalation.bpmn");
        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });
        var childId = Assert.Single(await t.Engine.ListUserTasksAsync()).InstanceId;

        await t.CompleteTaskAsync("consider", "stop");

        Assert.Equal(InstanceStatus.Completed, (await t.State(parent.Id)).Status);
        Expect.Sequence(
        [
            "escalation.thrown ask", "element.cancelled ask", "element.entered stop", "element.completed stop",
            "element.entered endStopped", "element.completed endStopped", "element.completed p",
        ], (await t.Journal(parent.Id))[^7..]);
        Expect.Sequence(
        [
            .. ChildUntilTask, "task.completed consider", "element.completed consider", "element.entered aGw", "element.completed aGw",
            "element.entered aStop", "element.completed aStop", "escalation.thrown aStop", "element.completed agency",
        ], await t.Journal(childId));
    }

    [Fact]
    public async Task An_interrupting_catch_of_a_called_process_escalation_cancels_the_called_instance()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-escalation.bpmn");
        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "pInterrupt" });

        Assert.Equal(InstanceStatus.Completed, (await t.State(parent.Id)).Status);
        Assert.Empty(await t.Engine.ListUserTasksAsync());
        var childId = t.Intercept.SavedInstances.Keys.Single(id => id != parent.Id);
        Assert.Equal(InstanceStatus.Terminated, (await t.State(childId)).Status);
        Expect.Sequence(
        [
            "element.entered pInterrupt", "element.entered iStart", "element.completed iStart", "element.entered iAsk",
            "escalation.thrown iAsk", "element.cancelled iAsk", "element.entered tooLate", "element.completed tooLate",
            "element.entered iEndLate", "element.completed iEndLate", "element.completed pInterrupt",
        ], await t.Journal(parent.Id));
        Expect.Sequence([.. ChildUntilTask, "task.cancelled consider", "element.cancelled consider", "element.cancelled agency"], await t.Journal(childId));
    }

    [Fact]
    public async Task A_called_process_escalation_starts_the_parents_escalation_event_sub_process()
    {
        var t = new TestEngine();
        await t.DeployAsync("call-escalation.bpmn");
        var parent = await t.Engine.StartAsync(new StartInstanceRequest { Key = "pSub" });
        await t.CompleteTaskAsync("consider", "ok");

        Assert.Equal(InstanceStatus.Completed, (await t.State(parent.Id)).Status);
        Expect.Sequence(
        [
            "element.entered pSub", "element.entered sStart", "element.completed sStart", "element.entered sAsk",
            "escalation.thrown sAsk", "element.entered onLate", "element.entered lateStart", "element.completed lateStart",
            "element.entered remind", "element.completed remind", "element.entered lateEnd", "element.completed lateEnd", "element.completed onLate",
            "escalation.thrown sAsk", "element.completed sAsk", "element.entered sEnd", "element.completed sEnd", "element.completed pSub",
        ], await t.Journal(parent.Id));
    }

    [Fact]
    public async Task A_thrown_message_starts_the_receiving_process_and_its_answer_reaches_the_waiting_sender()
    {
        var t = new TestEngine(h => h.Register("stamp", (_, _) =>
            ValueTask.FromResult(new ServiceTaskResult(new Dictionary<string, JsonNode?> { ["stamp"] = "S-1" }))));
        await t.DeployAsync("message-throw.bpmn");
        var client = await t.Engine.StartAsync(new StartInstanceRequest
        {
            Key = "client", Variables = new Dictionary<string, JsonNode?> { ["dossier"] = "HS-1", ["amount"] = 5 },
        });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync());
        var agency = await t.State(task.InstanceId);
        Assert.Equal(("agencyP", "HS-1"), (agency.DefinitionKey, agency.BusinessKey));
        Assert.Equal("""{"dossier":"HS-1","stamp":"S-1","doubled":10}""", JsonSerializer(agency.Variables));

        await t.CompleteTaskAsync("review");

        Assert.Equal(InstanceStatus.Completed, (await t.State(client.Id)).Status);
        Expect.Sequence(
        [
            "element.entered client", "element.entered start", "element.completed start",
            "element.entered sendRequest", "message.sent sendRequest", "element.completed sendRequest", "element.entered awaitReply",
            "message.correlated awaitReply", "element.completed awaitReply", "element.entered end", "element.completed end", "element.completed client",
        ], await t.Journal(client.Id));
        Expect.Sequence(
        [
            "element.entered agencyP", "element.entered received", "message.correlated received", "element.completed received",
            "element.entered review", "task.created review", "task.completed review", "element.completed review",
            "element.entered replied", "message.sent replied", "element.completed replied", "element.completed agencyP",
        ], await t.Journal(agency.Id));
        var sent = (await t.Engine.GetJournalAsync(client.Id)).Single(e => e.Event == JournalEvents.MessageSent);
        Assert.Equal(("request", "HS-1"), ((string?)sent.Data!["messageName"], (string?)sent.Data["correlationKey"]));
    }

    [Fact]
    public async Task A_message_sent_before_its_receiver_waits_is_buffered_and_delivered_when_the_catch_is_reached()
    {
        var t = new TestEngine(messageTimeToLive: TimeSpan.FromHours(1));
        await t.DeployAsync("message-buffer.bpmn");
        var vars = new Dictionary<string, JsonNode?> { ["dossier"] = "HS-2" };
        var receiver = await t.Engine.StartAsync(new StartInstanceRequest { Key = "late", Variables = vars });
        var other = await t.Engine.StartAsync(new StartInstanceRequest { Key = "late", Variables = new Dictionary<string, JsonNode?> { ["dossier"] = "HS-3" } });
        var sender = await t.Engine.StartAsync(new StartInstanceRequest { Key = "early", Variables = vars });
        Assert.Equal(InstanceStatus.Completed, sender.Status);

        var task = (await t.Engine.ListUserTasksAsync()).Single(x => x.InstanceId == receiver.Id);
        await t.Engine.CompleteUserTaskAsync(task.Id);

        Assert.Equal((InstanceStatus.Completed, InstanceStatus.Waiting), ((await t.State(receiver.Id)).Status, (await t.State(other.Id)).Status));
        Expect.Sequence(
        [
            "element.entered early", "element.entered eStart", "element.completed eStart",
            "element.entered ping", "message.sent ping", "element.completed ping", "element.entered eEnd", "element.completed eEnd", "element.completed early",
        ], await t.Journal(sender.Id));
        Expect.Sequence(
        [
            "task.completed prepare", "element.completed prepare", "element.entered awaitPing",
            "message.correlated awaitPing", "element.completed awaitPing", "element.entered lEnd", "element.completed lEnd", "element.completed late",
        ], (await t.Journal(receiver.Id))[^8..]);
    }

    [Fact]
    public async Task Without_a_time_to_live_a_message_nobody_waits_for_is_only_journaled()
    {
        var t = new TestEngine();
        await t.DeployAsync("message-buffer.bpmn");
        var vars = new Dictionary<string, JsonNode?> { ["dossier"] = "HS-2" };
        var receiver = await t.Engine.StartAsync(new StartInstanceRequest { Key = "late", Variables = vars });
        await t.Engine.StartAsync(new StartInstanceRequest { Key = "early", Variables = vars });
        await t.CompleteTaskAsync("prepare");

        Assert.Equal(InstanceStatus.Waiting, (await t.State(receiver.Id)).Status);
        Assert.Equal("element.entered awaitPing", (await t.Journal(receiver.Id))[^1]);
    }

    [Fact]
    public async Task A_message_is_correlated_after_the_senders_command_committed_so_its_own_waiting_branch_receives_it()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("message-self.bpmn");

        Assert.Equal(InstanceStatus.Waiting, instance.Status); // the state the start command saved, before the send
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
        Expect.Sequence(
        [
            "element.entered p", "element.entered start", "element.completed start", "element.entered fork", "element.completed fork",
            "element.entered awaitNote", "element.entered sendNote", "message.sent sendNote", "element.completed sendNote",
            "message.correlated awaitNote", "element.completed awaitNote", "element.entered join", "element.completed join",
            "element.entered end", "element.completed end", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    private static string JsonSerializer(IReadOnlyDictionary<string, JsonNode?> variables) =>
        new JsonObject(variables.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToJsonString();
}

using System.Text.Json.Nodes;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests.Execution;

/// <summary>Modelling habits of other tools the engine carries over: lanes bound to departments, JUEL/FEEL conditions, cycles with a start.</summary>
public sealed class CompatibilityTests
{
    [Fact]
    public async Task User_tasks_take_the_department_of_their_nearest_lane_unless_they_name_their_own()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("lanes.bpmn");
        foreach (var task in new[] { "receive", "survey", "permit", "sign", "unlaned" })
        {
            await t.CompleteTaskAsync(task);
        }

        var created = (await t.Engine.GetJournalAsync(instance.Id))
            .Where(e => e.Event is JournalEvents.TaskCreated or JournalEvents.TaskCompleted)
            .Select(e => $"{e.Event} {e.ElementId} {e.Data?["department"]}".TrimEnd()).ToArray();
        Expect.Sequence(
        [
            "task.created receive MC", "task.completed receive", "task.created survey TNMT", "task.completed survey",
            "task.created permit SXD", "task.completed permit", "task.created sign UBND", "task.completed sign",
            "task.created unlaned", "task.completed unlaned",
        ], created);
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task The_inbox_filters_by_the_department_a_lane_gave()
    {
        var t = new TestEngine();
        await t.StartAsync("lanes.bpmn");
        await t.CompleteTaskAsync("receive");
        Assert.Equal("survey", Assert.Single(await t.Engine.ListUserTasksAsync(new UserTaskQuery { Department = "TNMT" })).ElementId);
        Assert.Empty(await t.Engine.ListUserTasksAsync(new UserTaskQuery { Department = "MC" }));
    }

    [Theory]
    [InlineData(150, "A", "high")]
    [InlineData(150, "B", "low")]
    [InlineData(60, "A", "mid")]
    [InlineData(10, "A", "low")]
    public async Task Juel_and_feel_conditions_choose_the_flow(int amount, string kind, string end)
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("foreign-conditions.bpmn", variables: new() { ["amount"] = amount, ["kind"] = kind });
        Expect.Sequence(
        [
            "element.entered p", "element.entered start", "element.completed start", "element.entered gw", "element.completed gw",
            $"element.entered {end}", $"element.completed {end}", "element.completed p",
        ], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task A_cycle_with_a_start_instant_fires_first_at_that_instant_then_every_period()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("timer-cycle-start.bpmn");
        Assert.Equal(TestEngine.Origin.AddHours(1), Assert.Single(instance.Timers).DueAt); // 02:00Z is 09:00 at +07:00
        for (var i = 0; i < 3; i++)
        {
            await t.AdvanceAsync(TimeSpan.FromHours(1));
        }
        var fired = (await t.Engine.GetJournalAsync(instance.Id)).Where(e => e.Event == JournalEvents.TimerFired).Select(e => e.Time).ToArray();
        Assert.Equal([TestEngine.Origin.AddHours(1), TestEngine.Origin.AddHours(2)], fired);
        Assert.Empty((await t.State(instance.Id)).Timers);
    }
}

using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests.Execution;

public sealed class ConcurrencyTests
{
    private static readonly string[] Started = ["element.entered p", "element.entered start", "element.completed start"];

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or TaskNotOpenException)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Two_completions_that_loaded_the_same_state_one_succeeds_the_other_gets_a_conflict()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync());
        var arrived = 0;
        var bothLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        t.Intercept.AfterLoad = () =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothLoaded.SetResult();
            }
            return bothLoaded.Task;
        };

        var outcomes = await Task.WhenAll(
            Outcome(Task.Run(() => t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "approve", User = "an" }))),
            Outcome(Task.Run(() => t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "reject", User = "binh" }))));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConcurrencyConflictException);
        var journal = await t.Journal(instance.Id);
        Assert.Single(journal, l => l == "task.completed review");
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task A_completion_that_starts_after_the_first_committed_gets_task_not_open()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync());
        await t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "approve" });

        var late = await Assert.ThrowsAsync<TaskNotOpenException>(() => t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "reject" }));

        Assert.Equal(task.Id, late.TaskId);
        Assert.Single(await t.Journal(instance.Id), l => l == "task.completed review");
    }

    [Fact]
    public async Task Many_concurrent_completions_of_one_task_journal_exactly_one_completion()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Outcome(Task.Run(() => t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "approve", User = $"u{i}" })))));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(await t.Journal(instance.Id), l => l == "task.completed review");
    }

    [Fact]
    public async Task A_user_command_raises_a_conflict_at_once_and_changes_nothing()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("usertask-gateway.bpmn", variables: new() { ["officer"] = "nva" });
        var task = Assert.Single(await t.Engine.ListUserTasksAsync());
        var saves = t.Intercept.Saves;
        t.Intercept.ConflictsToRaise = 1;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "approve" }));

        Assert.Equal(saves + 1, t.Intercept.Saves);
        Assert.Equal(InstanceStatus.Waiting, (await t.State(instance.Id)).Status);
        await t.Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = "approve" });
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task Message_correlation_retries_conflicts_with_a_fresh_load_and_correlates_once()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("messages.bpmn", variables: new() { ["dossier"] = "HS-7" });
        var saves = t.Intercept.Saves;
        t.Intercept.ConflictsToRaise = 3;

        var result = await t.Engine.CorrelateMessageAsync("payment", "HS-7");

        Assert.Equal((true, instance.Id), (result.Correlated, result.InstanceId));
        Assert.Equal(saves + 4, t.Intercept.Saves);
        Assert.Single(await t.Journal(instance.Id), l => l == "message.correlated pay");
    }

    [Fact]
    public async Task A_background_command_gives_up_after_its_retries_with_the_conflict()
    {
        var t = new TestEngine(conflictRetries: 2);
        var instance = await t.StartAsync("messages.bpmn", variables: new() { ["dossier"] = "HS-7" });
        var saves = t.Intercept.Saves;
        t.Intercept.ConflictsToRaise = 3;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => t.Engine.CorrelateMessageAsync("payment", "HS-7"));

        Assert.Equal(saves + 3, t.Intercept.Saves);
        Assert.DoesNotContain("message.correlated pay", await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Fire_timer_fires_a_due_timer_once_and_drops_it_afterwards()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("timer-catch.bpmn");
        var timer = Assert.Single(instance.Timers);

        Assert.Equal(TimerFireResult.NotDue, await t.Engine.FireTimerAsync(instance.Id, timer.Id));
        t.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimerFireResult.Fired, await t.Engine.FireTimerAsync(instance.Id, timer.Id));
        Assert.Equal(TimerFireResult.Dropped, await t.Engine.FireTimerAsync(instance.Id, timer.Id));
        Assert.Equal(TimerFireResult.Dropped, await t.Engine.FireTimerAsync("no-such-instance", timer.Id));

        Expect.Sequence([.. Started, "element.entered wait", "timer.fired wait", "element.completed wait",
            "element.entered end", "element.completed end", "element.completed p"], await t.Journal(instance.Id));
    }

    [Fact]
    public async Task Fire_timer_drops_the_timer_of_an_ended_instance_and_of_a_completed_task()
    {
        var t = new TestEngine();
        var cancelled = await t.StartAsync("timer-catch.bpmn");
        await t.Engine.CancelAsync(cancelled.Id, "withdrawn");
        var waiting = await t.StartAsync("boundary-timer.bpmn");
        var late = waiting.Timers.Single(x => x.ElementId == "late");
        await t.CompleteTaskAsync("review");
        t.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(TimerFireResult.Dropped, await t.Engine.FireTimerAsync(cancelled.Id, Assert.Single(cancelled.Timers).Id));
        Assert.Equal(TimerFireResult.Dropped, await t.Engine.FireTimerAsync(waiting.Id, late.Id));
        Assert.DoesNotContain(await t.Journal(waiting.Id), l => l.StartsWith("timer.fired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fire_timer_retries_conflicts_and_lets_the_last_one_through_to_the_executor()
    {
        var t = new TestEngine(conflictRetries: 1);
        var instance = await t.StartAsync("timer-catch.bpmn");
        var timer = Assert.Single(instance.Timers);
        t.Clock.Advance(TimeSpan.FromHours(1));
        t.Intercept.ConflictsToRaise = 2;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => t.Engine.FireTimerAsync(instance.Id, timer.Id));
        Assert.Equal(InstanceStatus.Waiting, (await t.State(instance.Id)).Status);

        t.Intercept.ConflictsToRaise = 1;
        Assert.Equal(TimerFireResult.Fired, await t.Engine.FireTimerAsync(instance.Id, timer.Id));
        Assert.Single(await t.Journal(instance.Id), l => l == "timer.fired wait");
        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }

    [Fact]
    public async Task Fire_due_timers_fires_through_the_same_path_and_counts_only_timers_that_fired()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("boundary-timer.bpmn");
        t.Clock.Advance(TimeSpan.FromMinutes(30));
        t.Intercept.ConflictsToRaise = 2;

        Assert.Equal(1, await t.Engine.FireDueTimersAsync());
        Assert.Equal(0, await t.Engine.FireDueTimersAsync());
        Assert.Single(await t.Journal(instance.Id), l => l == "timer.fired remind");
    }

    [Fact]
    public async Task Fire_due_timers_skips_index_rows_whose_timer_is_gone_and_fires_the_rest()
    {
        var t = new TestEngine();
        var instance = await t.StartAsync("timer-catch.bpmn");
        t.Intercept.StaleTimers.Add(new TimerJob { Id = "j9", InstanceId = "gone", ElementId = "wait", DueAt = TestEngine.Origin });
        t.Intercept.StaleTimers.Add(new TimerJob { Id = "j8", InstanceId = instance.Id, ElementId = "wait", DueAt = TestEngine.Origin });
        t.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await t.Engine.FireDueTimersAsync());

        Assert.Equal(InstanceStatus.Completed, (await t.State(instance.Id)).Status);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Persistence;

namespace OneStop.Workflows.Tests.Execution;

public sealed class WorkingTimeTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int day, int hour = 8) => new(2026, 1, day, hour, 0, 0, Vietnam);

    [Fact]
    public async Task Working_time_timers_and_deadlines_remember_how_they_were_counted_and_others_do_not()
    {
        var t = new TestEngine(calendars: new SimpleCalendarProvider(new DaysOffCalendar()));
        var instance = await t.StartAsync("working-time.bpmn");

        var timers = instance.Timers.ToDictionary(x => x.ElementId);
        Assert.Equal((At(6), TestEngine.Origin, "P1D", "working"), (timers["remind"].DueAt, timers["remind"].ArmedAt, timers["remind"].Duration, timers["remind"].Calendar));
        Assert.Equal((At(8), (DateTimeOffset?)null, (string?)null), (timers["wallLate"].DueAt, timers["wallLate"].ArmedAt, timers["wallLate"].Duration));
        Assert.Equal((At(20), (DateTimeOffset?)null), (timers["fixed"].DueAt, timers["fixed"].ArmedAt));
        var task = Assert.Single(instance.UserTasks);
        Assert.Equal((At(7), "P2D", "working"), (task.DueAt, task.Deadline, task.DeadlineCalendar));
    }

    [Fact]
    public async Task A_new_day_off_moves_armed_working_time_timers_and_task_deadlines_and_journals_each_move()
    {
        var calendar = new DaysOffCalendar();
        var t = new TestEngine(calendars: new SimpleCalendarProvider(calendar));
        var instance = await t.StartAsync("working-time.bpmn");
        Assert.Equal(0, await t.Engine.RecomputeWorkingTimersAsync(instance.Id));

        calendar.DaysOff.Add(new DateOnly(2026, 1, 6));
        var moved = await t.Engine.RecomputeWorkingTimersAsync(instance.Id);

        Assert.Equal(2, moved);
        var state = await t.State(instance.Id);
        Assert.Equal([("remind", At(7)), ("wallLate", At(8)), ("fixed", At(20))], state.Timers.Select(x => (x.ElementId, x.DueAt)));
        Assert.Equal(At(8), Assert.Single(await t.Engine.ListUserTasksAsync()).DueAt);
        var journal = await t.Engine.GetJournalAsync(instance.Id);
        Expect.Sequence(["element.entered review", "timer.scheduled remind", "timer.scheduled wallLate", "timer.scheduled fixed", "task.created review",
            "timer.rescheduled remind", "task.rescheduled review"], journal.Skip(3).Select(e => $"{e.Event} {e.ElementId}").ToArray());
        static (string?, string?, string?, string?) Data(JournalEntry e, string idName) =>
            ((string?)e.Data![idName], (string?)e.Data["previousDueAt"], (string?)e.Data["dueAt"], string.Join(",", e.Data.Select(p => p.Key)));
        Assert.Equal((state.Timers[0].Id, "2026-01-06T08:00:00+07:00", "2026-01-07T08:00:00+07:00", "timerId,previousDueAt,dueAt"), Data(journal[^2], "timerId"));
        Assert.Equal((state.UserTasks[0].Id, "2026-01-07T08:00:00+07:00", "2026-01-08T08:00:00+07:00", "taskId,previousDueAt,dueAt"), Data(journal[^1], "taskId"));

        var version = state.RowVersion;
        Assert.Equal(0, await t.Engine.RecomputeWorkingTimersAsync(instance.Id));
        Assert.Equal(version, (await t.State(instance.Id)).RowVersion);
    }

    [Fact]
    public async Task A_rescheduled_timer_is_not_due_at_its_old_time_and_fires_at_its_new_one()
    {
        var calendar = new DaysOffCalendar();
        var t = new TestEngine(calendars: new SimpleCalendarProvider(calendar));
        var instance = await t.StartAsync("working-time.bpmn");
        var remind = instance.Timers.Single(x => x.ElementId == "remind");
        calendar.DaysOff.Add(new DateOnly(2026, 1, 6));
        await t.Engine.RecomputeWorkingTimersAsync(instance.Id);

        t.Clock.SetUtcNow(At(6));
        Assert.Equal(TimerFireResult.NotDue, await t.Engine.FireTimerAsync(instance.Id, remind.Id));
        Assert.Equal(0, await t.Engine.FireDueTimersAsync());
        t.Clock.SetUtcNow(At(7));
        Assert.Equal(1, await t.Engine.FireDueTimersAsync());

        var fired = (await t.Engine.GetJournalAsync(instance.Id)).Single(e => e.Event == JournalEvents.TimerFired);
        Assert.Equal(("remind", At(7)), (fired.ElementId, fired.Time));
    }

    [Fact]
    public async Task A_later_firing_of_a_working_time_cycle_counts_from_the_previous_due_time()
    {
        var calendar = new DaysOffCalendar();
        var t = new TestEngine(calendars: new SimpleCalendarProvider(calendar));
        var xml = (await File.ReadAllTextAsync(TestPaths.Bpmn("boundary-timer.bpmn")))
            .Replace("cancelActivity=\"false\">", "cancelActivity=\"false\" os:calendar=\"working\">", StringComparison.Ordinal)
            .Replace("R2/PT30M", "R3/P1D", StringComparison.Ordinal).Replace("PT2H", "P10D", StringComparison.Ordinal);
        await t.Engine.DeployAsync(xml, new DeployOptions { Publish = true });
        var instance = await t.Engine.StartAsync(new StartInstanceRequest { Key = "p" });
        t.Clock.SetUtcNow(At(6));
        await t.Engine.FireDueTimersAsync();

        calendar.DaysOff.Add(new DateOnly(2026, 1, 7));
        Assert.Equal(1, await t.Engine.RecomputeWorkingTimersAsync(instance.Id));

        var remind = (await t.State(instance.Id)).Timers.Single(x => x.ElementId == "remind");
        Assert.Equal((At(6), At(8)), (remind.ArmedAt, remind.DueAt));
    }

    [Fact]
    public async Task State_written_before_part_2_still_loads_runs_and_is_left_alone_by_recomputation()
    {
        var calendar = new DaysOffCalendar();
        var t = new TestEngine(calendars: new SimpleCalendarProvider(calendar));
        var current = await t.StartAsync("working-time.bpmn");
        var old = JsonNode.Parse(JsonSerializer.Serialize(current, WorkflowJson.Options))!.AsObject();
        old["id"] = "part1";
        old["rowVersion"] = 0;
        foreach (var timer in old["timers"]!.AsArray())
        {
            foreach (var name in new[] { "armedAt", "duration", "calendar" })
            {
                timer!.AsObject().Remove(name);
            }
        }
        foreach (var name in new[] { "deadline", "deadlineCalendar" })
        {
            old["userTasks"]![0]!.AsObject().Remove(name);
        }
        var restored = JsonSerializer.Deserialize<InstanceState>(old.ToJsonString(), WorkflowJson.Options)!;
        await t.Store.SaveInstanceAsync(restored, 0, [], default);

        calendar.DaysOff.Add(new DateOnly(2026, 1, 6));
        Assert.Equal(0, await t.Engine.RecomputeWorkingTimersAsync("part1"));
        Assert.Null((await t.State("part1")).Timers[0].ArmedAt);
        t.Clock.SetUtcNow(At(6));
        Assert.Equal(TimerFireResult.Fired, await t.Engine.FireTimerAsync("part1", restored.Timers[0].Id));
    }

    [Fact]
    public void An_old_incident_without_a_step_reads_as_an_element_retry()
    {
        var incident = JsonSerializer.Deserialize<Incident>("""{"id":"i4","elementId":"calc","tokenId":"t3","kind":"handler","message":"down","createdAt":"2026-01-05T08:00:00+07:00"}""",
            WorkflowJson.Options)!;
        Assert.Equal(IncidentStep.Element, incident.Step);
    }

    [Theory]
    [InlineData("P1D", "P1D")]
    [InlineData("PT4H", "PT4H")]
    [InlineData("P0.5D", "P0.5D")]
    [InlineData("P2W", "P14D")]
    [InlineData("P1Y2M3DT4H5M6.5S", "P1Y2M3DT4H5M6.5S")]
    [InlineData("PT0S", "PT0S")]
    public void Durations_print_as_iso_8601_that_reads_back(string text, string printed)
    {
        var duration = IsoDuration.Parse(text);
        Assert.Equal(printed, duration.ToString());
        Assert.Equal(duration, IsoDuration.Parse(duration.ToString()));
    }

    /// <summary>A wall-clock calendar whose listed local days (UTC+7) do not count, standing in for a holiday table an administrator edits.</summary>
    private sealed class DaysOffCalendar : IBusinessCalendar
    {
        public HashSet<DateOnly> DaysOff { get; } = [];

        public DateTimeOffset AddWorkingTime(DateTimeOffset start, IsoDuration duration)
        {
            var end = duration.AddTo(start);
            for (var day = Local(start); day <= Local(end); day = day.AddDays(1))
            {
                if (DaysOff.Contains(day))
                {
                    end = end.AddDays(1);
                }
            }
            return end;
        }

        public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset finish) => finish - start;

        public DateTimeOffset NextWorkingInstant(DateTimeOffset instant) => instant;

        private static DateOnly Local(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Vietnam).DateTime);
    }
}

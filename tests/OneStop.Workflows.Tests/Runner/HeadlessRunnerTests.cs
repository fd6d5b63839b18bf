using System.Text.Json.Nodes;
using OneStop.Workflows.Runner;

namespace OneStop.Workflows.Tests.Runner;

public sealed class HeadlessRunnerTests
{
    private static async Task<(int Code, JsonObject[] Lines, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HeadlessRunner.RunAsync(args, output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        return (code, lines, error.ToString());
    }

    private static string[] Events(JsonObject[] lines) =>
        lines.Where(l => (string?)l["event"] is not ("variables.changed" or "timer.scheduled"))
            .Select(l => $"{l["event"]} {l["elementId"]}".TrimEnd()).ToArray();

    [Fact]
    public async Task Completes_user_tasks_with_their_first_outcome_and_prints_the_journal_then_the_summary()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("usertask-gateway.bpmn"), "--var", "officer=\"nva\"", "--start", "2026-01-05T08:00:00+07:00");

        Assert.Equal(0, code);
        Expect.Sequence(
        [
            "element.entered p", "element.entered start", "element.completed start",
            "element.entered review", "task.created review", "task.completed review", "element.completed review",
            "element.entered decide", "element.completed decide", "element.entered approved", "element.completed approved",
            "element.completed p", "instance.completed",
        ], Events(lines));
        var created = lines.Single(l => (string?)l["event"] == "task.created");
        Assert.Equal(("userTask", "Thẩm định", "nva"), ((string?)created["elementType"], (string?)created["elementName"], (string?)created["assignee"]));
        Assert.Equal("2026-01-05T08:00:00+07:00", (string?)created["time"]);
        Assert.Equal("approve", (string?)lines[^1]["variables"]!["outcome"]);
        Assert.Empty(lines[^1]["incidents"]!.AsArray());
    }

    [Fact]
    public async Task No_auto_complete_leaves_the_instance_waiting_with_exit_code_2()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("usertask-gateway.bpmn"), "--no-auto-complete", "--var", "officer=nva");
        Assert.Equal(2, code);
        Assert.Equal("instance.waiting", (string?)lines[^1]["event"]);
        Assert.Equal("task.created", (string?)lines[^2]["event"]);
    }

    [Fact]
    public async Task Advances_the_virtual_clock_to_timers_within_max_time()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("boundary-timer.bpmn"), "--no-auto-complete", "--start", "2026-01-05T08:00:00Z");
        Assert.Equal(0, code);
        var fired = lines.Where(l => (string?)l["event"] == "timer.fired").Select(l => $"{l["elementId"]}@{l["time"]}").ToArray();
        Expect.Sequence(["remind@2026-01-05T08:30:00+00:00", "remind@2026-01-05T09:00:00+00:00", "late@2026-01-05T10:00:00+00:00"], fired);
    }

    [Theory]
    [InlineData("2026-01-09T16:00:00+07:00", "2026-01-12T16:00:00+07:00")] // Friday 16:00 + one working day: Monday 16:00
    [InlineData("2026-02-13T16:00:00+07:00", "2026-02-23T16:00:00+07:00")] // across Tết 2026 (14/02–22/02 off)
    [InlineData("2026-01-09T17:30:00+07:00", "2026-01-12T17:00:00+07:00")] // after office hours: counted from Monday 07:00, a full day
    public async Task Working_time_timers_count_in_the_vietnamese_calendar_from_the_start_instant(string start, string fires)
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("timer-working.bpmn"), "--start", start);

        Assert.Equal(0, code);
        var scheduled = lines.Single(l => (string?)l["event"] == "timer.scheduled");
        Assert.Equal((start, fires), ((string?)scheduled["time"], (string?)scheduled["dueAt"]));
        var fired = lines.Single(l => (string?)l["event"] == "timer.fired");
        Assert.Equal(("wait", fires), ((string?)fired["elementId"], (string?)fired["time"]));
    }

    [Fact]
    public async Task Stops_at_max_time_and_reports_waiting()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("event-gateway.bpmn"), "--max-time", "P4D");
        Assert.Equal(2, code);
        Assert.DoesNotContain(lines, l => (string?)l["event"] == "timer.fired");
    }

    [Fact]
    public async Task Delivers_scheduled_messages_with_correlation_key_and_delay()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("messages.bpmn"), "--var", "dossier=\"HS-7\"",
            "--message", "documents:HS-7@PT2H", "--message", "payment:HS-7@PT1H", "--start", "2026-01-05T08:00:00+07:00");
        Assert.Equal(0, code);
        var correlated = lines.Where(l => (string?)l["event"] == "message.correlated")
            .Select(l => $"{l["messageName"]}:{l["correlationKey"]}@{l["time"]}").ToArray();
        Expect.Sequence(["payment:HS-7@2026-01-05T09:00:00+07:00", "documents:HS-7@2026-01-05T10:00:00+07:00"], correlated);
    }

    [Fact]
    public async Task A_message_that_arrives_early_waits_for_its_subscription()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("event-gateway.bpmn"), "--message", "supplement");
        Assert.Equal(0, code);
        Assert.Contains(lines, l => (string?)l["event"] == "element.completed" && (string?)l["elementId"] == "endSupplied");
    }

    [Fact]
    public async Task Message_start_event_is_started_by_a_message()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("message-start.bpmn"), "--message", "apply:HS-1", "--message", "apply:HS-2", "--var", "fee=15");
        Assert.Equal(0, code);
        Expect.Sequence(["element.entered applyProcess", "element.entered received", "message.correlated received", "element.completed received",
            "element.entered end", "element.completed end", "element.completed applyProcess", "instance.completed"], Events(lines));
        Assert.Equal("15", lines[^1]["variables"]!["fee"]!.ToJsonString());
    }

    [Fact]
    public async Task Timer_start_event_starts_at_its_date()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("timer-start.bpmn"), "--start", "2026-01-05T08:00:00+07:00");
        Assert.Equal(0, code);
        Assert.Equal("2026-01-05T09:00:00+07:00", (string?)lines[0]["time"]);
    }

    [Fact]
    public async Task Call_activity_journals_of_parent_and_child_are_printed_in_commit_order()
    {
        var dir = Directory.CreateTempSubdirectory("onestop-runner-");
        try
        {
            // Parent and child processes in one file, as an admin would check them together.
            var parent = await File.ReadAllTextAsync(TestPaths.Bpmn("call-parent.bpmn"));
            var child = await File.ReadAllTextAsync(TestPaths.Bpmn("call-child.bpmn"));
            var childProcess = child[child.IndexOf("<process", StringComparison.Ordinal)..(child.IndexOf("</process>", StringComparison.Ordinal) + 10)];
            var file = Path.Combine(dir.FullName, "both.bpmn");
            await File.WriteAllTextAsync(file, parent.Replace("</definitions>", childProcess + "\n</definitions>", StringComparison.Ordinal));

            var (code, lines, _) = await Run(file, "--process", "p", "--var", "amount=10");
            Assert.Equal(0, code);
            Assert.Equal("31", lines[^1]["variables"]!["childResult"]!.ToJsonString());
            var processes = lines.Where(l => (string?)l["elementType"] == "process").Select(l => $"{l["event"]} {l["elementId"]}").ToArray();
            Expect.Sequence(["element.entered p", "element.entered child", "element.completed child", "element.completed p"],
                processes.Where(p => !p.StartsWith("variables", StringComparison.Ordinal)).ToArray());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_collaboration_runs_the_pool_its_message_starts_and_prints_both_journals_in_commit_order()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("collaboration.bpmn"), "--var", "dossier=\"HS-1\"", "--start", "2026-01-05T08:00:00+07:00");

        Assert.Equal(0, code);
        Expect.Sequence(
        [
            "element.entered citizen", "element.entered start", "element.completed start",
            "element.entered submit", "message.sent submit", "element.completed submit", "element.entered result",
            "element.entered office", "element.entered received", "message.correlated received", "element.completed received",
            "element.entered check", "task.created check",
            "task.completed check", "element.completed check", "element.entered answer", "message.sent answer", "element.completed answer",
            "element.completed office",
            "message.correlated result", "element.completed result", "element.entered end", "element.completed end", "element.completed citizen",
            "instance.completed",
        ], Events(lines));
        var citizen = (string?)lines[0]["instanceId"];
        var office = (string?)lines.First(l => (string?)l["elementId"] == "office")["instanceId"];
        Assert.NotEqual(citizen, office);
        Assert.Equal(citizen, (string?)lines[^1]["instanceId"]);
        var task = lines.Single(l => (string?)l["event"] == "task.created");
        Assert.Equal((office, "MC"), ((string?)task["instanceId"], (string?)task["department"]));
        var correlated = lines.Where(l => (string?)l["event"] == "message.correlated").Select(l => $"{l["messageName"]}:{l["correlationKey"]}").ToArray();
        Expect.Sequence(["apply:HS-1", "result:HS-1"], correlated);
    }

    [Fact]
    public async Task A_collaboration_starts_with_the_pool_that_has_a_none_start_even_when_it_is_written_second()
    {
        var dir = Directory.CreateTempSubdirectory("onestop-runner-");
        try
        {
            var xml = await File.ReadAllTextAsync(TestPaths.Bpmn("collaboration.bpmn"));
            var citizen = xml[xml.IndexOf("<process id=\"citizen\"", StringComparison.Ordinal)..(xml.IndexOf("</process>", StringComparison.Ordinal) + 10)];
            var file = Path.Combine(dir.FullName, "office-first.bpmn");
            await File.WriteAllTextAsync(file, xml.Replace(citizen, "", StringComparison.Ordinal).Replace("</definitions>", citizen + "\n</definitions>", StringComparison.Ordinal));

            var (code, lines, _) = await Run(file, "--var", "dossier=\"HS-1\"");

            Assert.Equal(0, code);
            Assert.Equal(("element.entered", "citizen"), ((string?)lines[0]["event"], (string?)lines[0]["elementId"]));
            Assert.Contains(lines, l => (string?)l["event"] == "element.completed" && (string?)l["elementId"] == "office");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_collaboration_whose_started_pool_still_waits_exits_waiting()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("collaboration.bpmn"), "--var", "dossier=\"HS-1\"", "--no-auto-complete");

        Assert.Equal(2, code);
        Assert.Equal(("instance.waiting", "task.created"), ((string?)lines[^1]["event"], (string?)lines[^2]["event"]));
    }

    [Fact]
    public async Task Incident_fails_with_exit_code_3_and_lists_it()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("exclusive-nomatch.bpmn"), "--var", "amount=1");
        Assert.Equal(3, code);
        Assert.Equal("instance.failed", (string?)lines[^1]["event"]);
        Assert.Equal("no-matching-flow", (string?)lines[^1]["incidents"]![0]!["kind"]);
    }

    [Fact]
    public async Task Invalid_model_prints_problems_and_exits_4()
    {
        var (code, lines, _) = await Run(TestPaths.Bpmn("invalid.bpmn"));
        Assert.Equal(4, code);
        Assert.All(lines, l => Assert.Equal("problem", (string?)l["event"]));
        Assert.Contains(lines, l => (string?)l["code"] == "OS2011" && (string?)l["elementId"] == "js" && (int)l["line"]! > 0);
    }

    [Fact]
    public async Task Not_well_formed_xml_is_an_invalid_model()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "<definitions><process>");
            var (code, lines, _) = await Run(file);
            Assert.Equal(4, code);
            Assert.Equal("OS2000", (string?)lines[0]["code"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("a.bpmn", "--bogus")]
    [InlineData("a.bpmn", "--max-time", "soon")]
    [InlineData("a.bpmn", "--start", "yesterday")]
    [InlineData("a.bpmn", "--message", "x@later")]
    [InlineData("a.bpmn", "--var", "novalue")]
    [InlineData("missing-file.bpmn")]
    public async Task Bad_usage_exits_64_with_a_message(params string[] args)
    {
        var (code, lines, error) = await Run(args);
        Assert.Equal(64, code);
        Assert.Empty(lines);
        Assert.StartsWith("bpmn run:", error, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Tests.Engine;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Execution;

namespace OneStop.Host.Tests.Calendar;

public sealed class CalendarApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task Deadline_of_the_real_receipt_counts_five_working_days()
    {
        using var http = await AsAsync("reception");

        var response = await http.PostAsJsonAsync("/api/calendar/deadline",
            new { start = "2023-10-27T09:32:00+07:00", duration = "P5D", calendar = "working" });

        var json = await OidcClient.ReadJsonAsync(response);
        Assert.Equal(DateTimeOffset.Parse("2023-11-03T09:32:00+07:00", System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("due").GetDateTimeOffset());
    }

    [Fact]
    public async Task Tet_2026_break_and_the_Hung_Kings_compensatory_day_are_days_off()
    {
        using var http = await AsAsync("specialist");

        var tet = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/api/calendar/days?from=2026-02-13&to=2026-02-23", UriKind.Relative)));
        var hung = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/api/calendar/days?from=2026-04-27&to=2026-04-27", UriKind.Relative)));

        var working = tet.EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("working").GetBoolean());
        Assert.True(working["2026-02-13"]);
        Assert.All(Enumerable.Range(14, 9), day => Assert.False(working[$"2026-02-{day:D2}"], $"2026-02-{day} should be off"));
        Assert.True(working["2026-02-23"]);
        var monday = Assert.Single(hung.EnumerateArray());
        Assert.False(monday.GetProperty("working").GetBoolean());
        Assert.Equal("CompensatoryDayOff", monday.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_new_holiday_moves_armed_working_time_deadlines_and_is_journaled()
    {
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        await DurableEngineTests.DeployAsync(engine, Flows.ReviewWithDeadline("holiday-move", "P3D").Replace(
            "<boundaryEvent id=\"late\" attachedToRef=\"review\">", "<boundaryEvent id=\"late\" attachedToRef=\"review\" os:calendar=\"working\">", StringComparison.Ordinal));
        var instance = await engine.StartAsync(new StartInstanceRequest { Key = "holiday-move" });
        var before = instance.Timers.Single().DueAt;
        using var admin = await AsAsync("admin");
        var days = await OidcClient.ReadJsonAsync(await admin.GetAsync(new Uri(
            $"/api/calendar/days?from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(20):yyyy-MM-dd}", UriKind.Relative)));
        var nextWorkingDay = days.EnumerateArray().First(d => d.GetProperty("working").GetBoolean()).GetProperty("date").GetString();

        var added = await admin.PostAsJsonAsync("/api/calendar/special-days",
            new { date = nextWorkingDay, kind = "Holiday", name = "Ngày nghỉ thử nghiệm", source = "Quyết định thử nghiệm 1/QĐ" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var after = (await engine.GetInstanceAsync(instance.Id))!.Timers.Single().DueAt;
        Assert.True(after > before, $"due {before:O} should move later, is {after:O}");
        Assert.Contains(await engine.GetJournalAsync(instance.Id), e => e.Event == "timer.rescheduled" && e.ElementId == "late");
        var id = (await OidcClient.ReadJsonAsync(added)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/calendar/special-days/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(before, (await engine.GetInstanceAsync(instance.Id))!.Timers.Single().DueAt);
        await engine.CancelAsync(instance.Id, "test done");
    }

    [Fact]
    public async Task Bad_special_day_gets_field_errors_a_duplicate_a_conflict_and_a_specialist_is_refused()
    {
        using var admin = await AsAsync("admin");
        using var specialist = await AsAsync("specialist");

        var empty = await admin.PostAsJsonAsync("/api/calendar/special-days", new { date = "2031-05-05", kind = "Holiday", name = "", source = "" });
        var duplicate = await admin.PostAsJsonAsync("/api/calendar/special-days", new { date = "2026-02-17", kind = "Holiday", name = "Tết", source = "x" });
        var refused = await specialist.PostAsJsonAsync("/api/calendar/special-days", new { date = "2031-05-06", kind = "Holiday", name = "N", source = "S" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await OidcClient.ReadJsonAsync(empty)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("source", out _));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<HttpClient> AsAsync(string user) =>
        app.CreateHttpClient().WithBearer((await OidcClient.SignInAsync(app, user)).AccessToken);
}

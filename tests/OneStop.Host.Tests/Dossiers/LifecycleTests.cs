using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Engine;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;
using static OneStop.Host.Tests.Dossiers.Dossiers;
using static OneStop.Host.Tests.Infrastructure.FakeClock;

namespace OneStop.Host.Tests.Dossiers;

/// <summary>
/// The Host on a fake clock set to plain weeks of March 2026 (no holidays): Monday 02/03 is the day of reception. The
/// job executor is off, so no timer fires behind a test's back; access tokens live long enough for any date a test sets.
/// </summary>
public sealed class LifecycleApp : IAsyncLifetime
{
    public FakeClock Clock { get; } = new(Vn(2026, 3, 2, 9, 0));

    public OneStopApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["Engine:Jobs:Enabled"] = "false",
            ["OpenIddict:AccessTokenLifetime"] = "3650.00:00:00",
        }, services: s => s.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class LifecycleTests(LifecycleApp fixture) : IClassFixture<LifecycleApp>
{
    /// <summary>Đăng ký hành nghề và cấp Thẻ công chứng viên: Sở Tư pháp, 5 working days, pause on supplement, flow tthc-mot-phong.</summary>
    private const string FiveDayProcedure = "2.001719.000.00.03.H56";

    /// <summary>Cấp Phiếu lý lịch tư pháp: Sở Tư pháp, 10 working days, flow tthc-mot-phong; the restart test switches it to restart.</summary>
    private const string TenDayProcedure = "2.000488.000.00.03.H56";

    private const string Supplement = "Yêu cầu bổ sung";

    private readonly OneStopApp app = fixture.App;
    private readonly FakeClock clock = fixture.Clock;

    private WorkingCalendar Calendar => app.Services.GetRequiredService<CalendarService>().Current;

    [Fact]
    public async Task A_step_past_its_due_time_is_overdue_completes_late_and_a_late_result_makes_the_dossier_late_then_it_is_returned()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        using var reception = await AsAsync(app, "reception");
        var code = await ReceiveAsync(reception, FiveDayProcedure);
        await CompleteAsync(code, "Task_TiepNhan", "reception");
        var step = await OpenTaskAsync(code, "Task_ThamDinh");
        Assert.Equal(Vn(2026, 3, 4, 9, 0), step.DueAt);

        clock.Set(Vn(2026, 3, 3, 10, 0));
        Assert.True(Deadlines.IsDueSoon(Calendar, clock.GetUtcNow(), step.DueAt!.Value));
        Assert.DoesNotContain(await OverdueStepsAsync(code), t => t.Id == step.Id);

        clock.Set(Vn(2026, 3, 5, 10, 0));
        Assert.Contains(await OverdueStepsAsync(code), t => t.Id == step.Id);
        Assert.False(Deadlines.IsDueSoon(Calendar, clock.GetUtcNow(), step.DueAt.Value));
        Assert.Equal(TimeSpan.FromHours(-9), Deadlines.Remaining(Calendar, clock.GetUtcNow(), step.DueAt.Value));

        await CompleteAsync(code, "Task_ThamDinh", "specialist", "Chuyển tiếp");
        var done = await TaskAsync(step.Id);
        Assert.Equal(Timeliness.Late, Deadlines.Classify(Calendar.TimeZone, done.CompletedAt!.Value, done.DueAt!.Value));
        await CompleteAsync(code, "Task_TruongPhong", "head", "Duyệt");

        var early = await reception.PostAsJsonAsync(new Uri($"/api/dossiers/{code}/return", UriKind.Relative),
            new ReturnResultRequest(ResultDelivery.Counter), Json);
        await AssertProblemAsync(early, HttpStatusCode.Conflict, LifecycleCodes.WrongStatus);

        clock.Set(Vn(2026, 3, 10, 10, 0));
        await CompleteAsync(code, "Task_LanhDaoKy", "leader");
        var ready = await DossierAsync(code);
        Assert.Equal((DossierStatus.ResultReady, Timeliness.Late), (ready.Status, ready.Timeliness));
        Assert.Equal(Vn(2026, 3, 9, 9, 0), ready.DueAt);

        var returned = await reception.PostAsJsonAsync(new Uri($"/api/dossiers/{code}/return", UriKind.Relative),
            new ReturnResultRequest(ResultDelivery.Counter, "Công dân nhận tại quầy 3"), Json);

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var dossier = await DossierAsync(code);
        Assert.Equal((DossierStatus.Returned, DeliveryState.HandedOver, Timeliness.Late), (dossier.Status, dossier.DeliveryState, dossier.Timeliness));
        Assert.Equal(clock.GetUtcNow(), dossier.ReturnedAt);
        Assert.Empty(await OpenTasksAsync(code));
        Assert.Equal(InstanceStatus.Completed, (await Engine.GetInstanceAsync(dossier.WorkflowInstanceId!))!.Status);
        // The flow's end event issues the hand-over slip; the action does not issue a second one.
        Assert.Single(await NoticesAsync(dossier.Id), n => n.TemplateCode == NoticeForms.Handover);
    }

    [Fact]
    public async Task A_supplement_that_took_three_working_days_moves_the_due_time_by_exactly_three_working_days_and_the_flow_resumes()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        using var reception = await AsAsync(app, "reception");
        var code = await ReceiveAsync(reception, FiveDayProcedure);
        Assert.Equal(Vn(2026, 3, 9, 9, 0), (await DossierAsync(code)).DueAt);
        await CompleteAsync(code, "Task_TiepNhan", "reception");
        clock.Set(Vn(2026, 3, 3, 9, 0));
        await RequestSupplementAsync(code);
        Assert.Equal(DossierStatus.SupplementRequested, (await DossierAsync(code)).Status);

        clock.Set(Vn(2026, 3, 6, 9, 0));
        using var specialist = await AsAsync(app, "specialist");
        var notCounter = await specialist.PostAsJsonAsync(SupplementUri(code), new SupplementReceivedRequest(), Json);
        var response = await reception.PostAsJsonAsync(SupplementUri(code), new SupplementReceivedRequest("Đã nộp bản sao giấy chứng sinh"), Json);

        await AssertProblemAsync(notCounter, HttpStatusCode.Forbidden, LifecycleCodes.Forbidden);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dossier = await DossierAsync(code);
        Assert.Equal(Vn(2026, 3, 12, 9, 0), dossier.DueAt);
        Assert.Equal(TimeSpan.FromHours(24), Calendar.WorkingTimeBetween(Vn(2026, 3, 9, 9, 0), dossier.DueAt));
        Assert.Equal((DossierStatus.InProgress, SupplementState.Done, (DossierStatus?)null), (dossier.Status, dossier.SupplementState, dossier.PreviousStatus));
        var supplement = Assert.Single(await Query(db => db.DossierSupplements.Where(s => s.DossierId == dossier.Id).ToListAsync()));
        Assert.Equal((clock.GetUtcNow(), "reception"), (supplement.ReceivedAt, supplement.ReceivedBy));
        Assert.Equal(Vn(2026, 3, 9, 9, 0), supplement.DueBefore);
        var received = Assert.Single(await EventsAsync(dossier.Id, DossierActions.SupplementReceived));
        Assert.Contains("09:00 ngày 09/03/2026 → 09:00 ngày 12/03/2026", received.Comment, StringComparison.Ordinal);
        Assert.Equal("Task_ThamDinh", Assert.Single(await OpenTasksAsync(code)).ElementId);

        var again = await reception.PostAsJsonAsync(SupplementUri(code), new SupplementReceivedRequest(), Json);
        await AssertProblemAsync(again, HttpStatusCode.Conflict, LifecycleCodes.WrongStatus);
    }

    [Fact]
    public async Task With_the_restart_rule_the_full_duration_counts_again_from_the_supplement()
    {
        await Query(async db =>
        {
            var procedure = await db.CatalogueProcedures.SingleAsync(p => p.LocalCode == TenDayProcedure);
            procedure.SupplementRule = SupplementRule.Restart;
            return await db.SaveChangesAsync();
        });
        clock.Set(Vn(2026, 3, 2, 9, 0));
        using var reception = await AsAsync(app, "reception");
        var code = await ReceiveAsync(reception, TenDayProcedure);
        await CompleteAsync(code, "Task_TiepNhan", "reception");
        clock.Set(Vn(2026, 3, 3, 9, 0));
        await RequestSupplementAsync(code);

        // After 15:00 at the counter: the clock restarts Monday morning.
        clock.Set(Vn(2026, 3, 6, 15, 30));
        var response = await reception.PostAsJsonAsync(SupplementUri(code), new SupplementReceivedRequest(), Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dossier = await DossierAsync(code);
        var start = Deadlines.ClockStart(Calendar, clock.GetUtcNow(), DossierChannel.Counter);
        Assert.Equal(Vn(2026, 3, 9, 7, 0), start);
        Assert.Equal(Deadlines.Due(Calendar, start, new ProcedureDuration { Value = 10, Unit = DurationUnit.WorkingDays }), dossier.DueAt);
        Assert.Equal(Vn(2026, 3, 20, 17, 0), dossier.DueAt);
        Assert.Equal(start, dossier.ClockStartedAt);
        Assert.Equal(DossierStatus.InProgress, dossier.Status);
    }

    [Fact]
    public async Task One_apology_per_dossier_keeps_the_original_due_time_and_stores_the_new_appointment_beside_it()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        using var reception = await AsAsync(app, "reception");
        var code = await ReceiveAsync(reception, FiveDayProcedure);
        await CompleteAsync(code, "Task_TiepNhan", "reception");
        clock.Set(Vn(2026, 3, 3, 9, 0));
        using var specialist = await AsAsync(app, "specialist");
        using var head = await AsAsync(app, "head");
        using var builder = await AsAsync(app, "builder");
        var newDue = Vn(2026, 3, 12, 17, 0);
        var request = new ApologyRequest("Cần xác minh thêm với cơ quan cấp quyết định bổ nhiệm", newDue);

        var byCounter = await reception.PostAsJsonAsync(ApologiesUri(code), request, Json);
        var foreign = await builder.PostAsJsonAsync(ApologiesUri(code), request, Json);
        var notAfterDue = await specialist.PostAsJsonAsync(ApologiesUri(code), request with { NewDueAt = Vn(2026, 3, 9, 9, 0) }, Json);
        var drafted = await specialist.PostAsJsonAsync(ApologiesUri(code), request, Json);
        var whileDrafted = await specialist.PostAsJsonAsync(ApologiesUri(code), request, Json);

        await AssertProblemAsync(byCounter, HttpStatusCode.Forbidden, LifecycleCodes.Forbidden);
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound, LifecycleCodes.NotFound);
        var invalid = await OidcClient.ReadJsonAsync(notAfterDue);
        Assert.Equal(HttpStatusCode.BadRequest, notAfterDue.StatusCode);
        Assert.Equal(["newDueAt"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        await AssertProblemAsync(whileDrafted, HttpStatusCode.Conflict, LifecycleCodes.ApologyExists);
        var id = (await OidcClient.ReadJsonAsync(drafted)).GetProperty("id").GetGuid();

        var bySpecialist = await specialist.PostAsync(new Uri($"/api/dossiers/{code}/apologies/{id}/approve", UriKind.Relative), null);
        var approved = await head.PostAsync(new Uri($"/api/dossiers/{code}/apologies/{id}/approve", UriKind.Relative), null);
        var second = await specialist.PostAsJsonAsync(ApologiesUri(code), request with { NewDueAt = Vn(2026, 3, 13, 17, 0) }, Json);

        await AssertProblemAsync(bySpecialist, HttpStatusCode.Forbidden, LifecycleCodes.Forbidden);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await OidcClient.ReadJsonAsync(approved)).GetProperty("state").GetString());
        var refused = await AssertProblemAsync(second, HttpStatusCode.Conflict, LifecycleCodes.ApologyExists);
        Assert.StartsWith("Đã có văn bản xin lỗi", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        var dossier = await DossierAsync(code);
        Assert.Equal(Vn(2026, 3, 9, 9, 0), dossier.DueAt);
        Assert.Equal(newDue, dossier.RescheduledDueAt);
        Assert.Equal(newDue, dossier.AppointmentAt);
        Assert.Single(await EventsAsync(dossier.Id, DossierActions.ApologyApproved));
        Assert.Contains(await NoticesAsync(dossier.Id), n => n.IssuedBy == "head");
    }

    [Fact]
    public async Task A_rejected_apology_may_be_redrafted_but_not_with_less_than_one_working_day_left()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        using var reception = await AsAsync(app, "reception");
        var redrafted = await ReceiveAsync(reception, FiveDayProcedure);
        var tooLate = await ReceiveAsync(reception, FiveDayProcedure);
        await CompleteAsync(redrafted, "Task_TiepNhan", "reception");
        await CompleteAsync(tooLate, "Task_TiepNhan", "reception");
        clock.Set(Vn(2026, 3, 5, 9, 0));
        using var specialist = await AsAsync(app, "specialist");
        using var leader = await AsAsync(app, "leader");
        var request = new ApologyRequest("Hồ sơ phức tạp", Vn(2026, 3, 13, 17, 0));

        var first = await specialist.PostAsJsonAsync(ApologiesUri(redrafted), request, Json);
        var id = (await OidcClient.ReadJsonAsync(first)).GetProperty("id").GetGuid();
        var rejected = await leader.PostAsJsonAsync(new Uri($"/api/dossiers/{redrafted}/apologies/{id}/reject", UriKind.Relative),
            new ApologyDecisionRequest("Lý do chưa rõ"), Json);
        var again = await specialist.PostAsJsonAsync(ApologiesUri(redrafted), request with { Reason = "Chờ ý kiến cơ quan phối hợp" }, Json);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        // Friday 10:00 → Monday 09:00 is 7 working hours: less than one working day.
        clock.Set(Vn(2026, 3, 6, 10, 0));
        var late = await specialist.PostAsJsonAsync(ApologiesUri(tooLate), request, Json);

        await AssertProblemAsync(late, HttpStatusCode.Conflict, LifecycleCodes.ApologyTooLate);
        Assert.Null((await DossierAsync(tooLate)).RescheduledDueAt);
    }

    [Fact]
    public async Task Withdrawal_sets_status_7_and_cancels_the_workflow_and_a_stop_by_the_head_sets_status_8()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var head = await AsAsync(app, "head");
        using var police = await AsAsync(app, "police-head");
        var withdrawn = await ReceiveAsync(reception, FiveDayProcedure);
        var stopped = await ReceiveAsync(reception, FiveDayProcedure);
        await CompleteAsync(stopped, "Task_TiepNhan", "reception");
        clock.Set(Vn(2026, 3, 3, 14, 0));

        var bySpecialist = await specialist.PostAsJsonAsync(WithdrawUri(withdrawn), new ReasonRequest("Công dân xin rút"), Json);
        var noReason = await reception.PostAsJsonAsync(WithdrawUri(withdrawn), new ReasonRequest(" "), Json);
        var withdrawal = await reception.PostAsJsonAsync(WithdrawUri(withdrawn), new ReasonRequest("Công dân xin rút để bổ sung giấy tờ khác"), Json);
        var twice = await reception.PostAsJsonAsync(WithdrawUri(withdrawn), new ReasonRequest("Lần hai"), Json);

        await AssertProblemAsync(bySpecialist, HttpStatusCode.Forbidden, LifecycleCodes.Forbidden);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawal.StatusCode);
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, LifecycleCodes.WrongStatus);
        var dossier = await DossierAsync(withdrawn);
        Assert.Equal((DossierStatus.Withdrawn, DossierStatus.Received, clock.GetUtcNow()), (dossier.Status, dossier.PreviousStatus, dossier.ResolvedAt));
        Assert.Empty(await OpenTasksAsync(withdrawn));
        Assert.Equal(InstanceStatus.Terminated, (await Engine.GetInstanceAsync(dossier.WorkflowInstanceId!))!.Status);
        Assert.Equal("Công dân xin rút để bổ sung giấy tờ khác", Assert.Single(await EventsAsync(dossier.Id, DossierActions.Withdrawn)).Comment);

        var stopBySpecialist = await specialist.PostAsJsonAsync(StopUri(stopped), new ReasonRequest("Không đủ điều kiện"), Json);
        var stopByPolice = await police.PostAsJsonAsync(StopUri(stopped), new ReasonRequest("Không đủ điều kiện"), Json);
        var stop = await head.PostAsJsonAsync(StopUri(stopped), new ReasonRequest("Người đề nghị không đủ điều kiện hành nghề"), Json);

        await AssertProblemAsync(stopBySpecialist, HttpStatusCode.Forbidden, LifecycleCodes.Forbidden);
        await AssertProblemAsync(stopByPolice, HttpStatusCode.NotFound, LifecycleCodes.NotFound);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        var ended = await DossierAsync(stopped);
        Assert.Equal((DossierStatus.Stopped, DossierStatus.InProgress), (ended.Status, ended.PreviousStatus));
        Assert.Empty(await OpenTasksAsync(stopped));
        Assert.Equal(InstanceStatus.Terminated, (await Engine.GetInstanceAsync(ended.WorkflowInstanceId!))!.Status);
        Assert.Single(await EventsAsync(ended.Id, DossierActions.Stopped));
        Assert.Contains(await NoticesAsync(ended.Id), n => n.IssuedBy == "head");
    }

    private WorkflowEngine Engine => app.Services.GetRequiredService<WorkflowEngine>();

    private static Uri SupplementUri(string code) => new($"/api/dossiers/{code}/supplement-received", UriKind.Relative);

    private static Uri ApologiesUri(string code) => new($"/api/dossiers/{code}/apologies", UriKind.Relative);

    private static Uri WithdrawUri(string code) => new($"/api/dossiers/{code}/withdraw", UriKind.Relative);

    private static Uri StopUri(string code) => new($"/api/dossiers/{code}/stop", UriKind.Relative);

    private async Task<string> ReceiveAsync(HttpClient reception, string procedure)
    {
        var created = await Dossiers.ReceiveAsync(reception, Request(await ProcedureIdAsync(app, procedure)));
        return created.GetProperty("code").GetString()!;
    }

    /// <summary>Completes the dossier's open step <paramref name="elementId"/> as <paramref name="user"/>, as the inbox would.</summary>
    private async Task CompleteAsync(string code, string elementId, string user, string? outcome = null)
    {
        var task = await OpenTaskAsync(code, elementId);
        using var command = DossierCommand.Begin(new DossierCommand(user, "xử lý trong thử nghiệm"));
        await Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = outcome, User = user });
    }

    private async Task RequestSupplementAsync(string code)
    {
        var task = await OpenTaskAsync(code, "Task_ThamDinh");
        using var command = DossierCommand.Begin(new DossierCommand("specialist", "thiếu giấy tờ", new SupplementDetails("Thiếu bản sao", ["Giấy chứng sinh"])));
        await Engine.CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = Supplement, User = "specialist" });
    }

    private async Task<UserTaskRow> OpenTaskAsync(string code, string elementId) =>
        Assert.Single(await OpenTasksAsync(code), t => t.ElementId == elementId);

    private Task<List<UserTaskRow>> OpenTasksAsync(string code) =>
        Query(db => db.UserTasks.Where(t => t.BusinessKey == code && t.Status == UserTaskStatus.Open).ToListAsync());

    /// <summary>Open steps past their due time, as an overdue list asks for them.</summary>
    private Task<List<UserTaskRow>> OverdueStepsAsync(string code)
    {
        var now = clock.GetUtcNow();
        return Query(db => db.UserTasks.Where(t => t.BusinessKey == code && t.Status == UserTaskStatus.Open && t.DueAt < now).ToListAsync());
    }

    private Task<UserTaskRow> TaskAsync(string id) => Query(db => db.UserTasks.SingleAsync(t => t.Id == id));

    private Task<Dossier> DossierAsync(string code) => Query(db => db.Dossiers.SingleAsync(d => d.Code == code));

    private Task<List<DossierEvent>> EventsAsync(Guid dossierId, string action) =>
        Query(db => db.DossierEvents.Where(e => e.DossierId == dossierId && e.Action == action).ToListAsync());

    private Task<List<IssuedNotice>> NoticesAsync(Guid dossierId) =>
        Query(db => db.DossierNotices.Where(n => n.DossierId == dossierId).ToListAsync());

    private async Task<T> Query<T>(Func<OneStopDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await query(db);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }
}

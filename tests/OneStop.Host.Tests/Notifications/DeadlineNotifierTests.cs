using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Host.Engine;
using OneStop.Host.Features.Calendar;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Execution;
using static OneStop.Host.Tests.Dossiers.Dossiers;
using static OneStop.Host.Tests.Infrastructure.FakeClock;

namespace OneStop.Host.Tests.Notifications;

/// <summary>
/// The Host on a fake clock, with the dispatcher and the periodic scan off (tests call <see cref="DeadlineNotifier.ScanOnceAsync"/>
/// and <see cref="NotificationDispatcher.DispatchOnceAsync"/>), the job executor off, and e-mails going to the Development
/// pickup folder in the host's temporary folder.
/// </summary>
public sealed class DeadlineNotifierApp : IAsyncLifetime
{
    public FakeClock Clock { get; } = new(Vn(2026, 3, 2, 9, 0));

    public OneStopApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Enabled"] = "false",
            ["Engine:Jobs:Enabled"] = "false",
            ["OpenIddict:AccessTokenLifetime"] = "3650.00:00:00",
        }, services: s => s.AddSingleton<TimeProvider>(Clock));

        // A former officer of the review department, locked out: never written to (the tests expect only head and specialist).
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var specialist = (await users.FindByNameAsync("specialist"))!;
        var former = new ApplicationUser
        {
            UserName = "former", Email = "former@onestop.example", FullName = "Cán Bộ Đã Nghỉ", AgencyId = specialist.AgencyId,
            DepartmentId = specialist.DepartmentId, LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue,
        };
        Assert.True((await users.CreateAsync(former)).Succeeded);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Officers hear by e-mail about their department's steps: due within one working day, then overdue, once each per officer.
/// The procedure is Sở Tư pháp's five-day one (flow tthc-mot-phong): reception at the centre (TNTKQ: "reception"), then
/// "Thẩm định hồ sơ" at Phòng Hành chính tư pháp (HCTP: "specialist" and "head"); the agency's leaders (BGD: "leader") are
/// another department. Demo officers have the e-mail <c>user@onestop.example</c>.
/// </summary>
public sealed class DeadlineNotifierTests(DeadlineNotifierApp fixture) : IClassFixture<DeadlineNotifierApp>
{
    private const string FiveDayProcedure = "2.001719.000.00.03.H56";
    private const string ReviewStep = "Thẩm định hồ sơ";
    private const string ApplicantName = "Đặng Thị Hường";
    private const string ApplicantIdNumber = "079190004321";

    private static readonly string[] ReviewOfficers = ["head@onestop.example", "specialist@onestop.example"];

    private readonly OneStopApp app = fixture.App;
    private readonly FakeClock clock = fixture.Clock;

    private DeadlineNotifier Notifier => app.Services.GetRequiredService<DeadlineNotifier>();

    [Fact]
    public async Task Each_officer_of_the_steps_department_gets_one_due_soon_and_later_one_overdue_notice_and_a_completed_step_gets_none()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        var code = await ReceiveAsync();
        var reception = await OpenTaskAsync(code, "Task_TiepNhan");
        Assert.Equal("000.00.30.H56/TNTKQ", reception.Department);

        // Reception's half day is due today: its one officer hears once, however often the scan runs.
        Assert.True(await Notifier.ScanOnceAsync() >= 1);
        Assert.Equal(0, await Notifier.ScanOnceAsync());
        var receptionNotice = Assert.Single(await StepRowsAsync(code));
        Assert.Equal((NotificationKinds.StepDueSoon, NotificationChannel.Email, "reception@onestop.example"),
            (receptionNotice.Kind, receptionNotice.Channel, receptionNotice.Recipient));
        Assert.Contains(reception.Id, receptionNotice.IdempotencyKey, StringComparison.Ordinal);

        await CompleteAsync(code, "Task_TiepNhan", "reception");
        var review = await OpenTaskAsync(code, "Task_ThamDinh");
        Assert.Equal(("000.00.03.H56/HCTP", Vn(2026, 3, 4, 9, 0)), (review.Department, review.DueAt));

        // Two working days ahead: not due soon yet.
        await Notifier.ScanOnceAsync();
        Assert.Single(await StepRowsAsync(code));

        // Tuesday 10:00: within one working day of Wednesday 09:00. Reception's completed step, now past its due time, gets nothing.
        clock.Set(Vn(2026, 3, 3, 10, 0));
        Assert.True(await Notifier.ScanOnceAsync() >= 2);
        Assert.Equal(0, await Notifier.ScanOnceAsync());
        var dueSoon = await StepRowsAsync(code, NotificationKinds.StepDueSoon);
        Assert.Equal(["head@onestop.example", "reception@onestop.example", "specialist@onestop.example"], dueSoon.Select(r => r.Recipient));
        Assert.All(dueSoon.Where(r => r.Recipient != "reception@onestop.example"), r =>
        {
            Assert.Contains(review.Id, r.IdempotencyKey, StringComparison.Ordinal);
            Assert.Equal(OutboxState.Pending, r.State);
        });
        Assert.Empty(await StepRowsAsync(code, NotificationKinds.StepOverdue));

        // Thursday: the review step is overdue; its officers hear once more, and only they.
        clock.Set(Vn(2026, 3, 5, 10, 0));
        Assert.True(await Notifier.ScanOnceAsync() >= 2);
        Assert.Equal(0, await Notifier.ScanOnceAsync());
        var overdue = await StepRowsAsync(code, NotificationKinds.StepOverdue);
        Assert.Equal(ReviewOfficers, overdue.Select(r => r.Recipient));
        Assert.All(overdue, r => Assert.Contains(review.Id, r.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(3, (await StepRowsAsync(code, NotificationKinds.StepDueSoon)).Count);
    }

    [Fact]
    public async Task The_officers_email_names_the_dossier_and_the_step_greets_the_officer_and_carries_no_applicant_data()
    {
        clock.Set(Vn(2026, 3, 2, 9, 0));
        var code = await ReceiveAsync();
        await CompleteAsync(code, "Task_TiepNhan", "reception");
        var review = await OpenTaskAsync(code, "Task_ThamDinh");
        clock.Set(Vn(2026, 3, 3, 10, 0));
        await Notifier.ScanOnceAsync();
        clock.Set(Vn(2026, 3, 5, 10, 0));
        await Notifier.ScanOnceAsync();

        await DispatchAllAsync();

        var rows = (await StepRowsAsync(code)).Where(r => r.IdempotencyKey.Contains(review.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        var mails = await PickedUpAsync(code);

        var soon = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "specialist@onestop.example"
            && m.Subject == $"[Một cửa] Hồ sơ {code}: bước sắp đến hạn");
        Assert.Contains("Kính gửi Lê Thị Chuyên Viên,", soon.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Bước &quot;{ReviewStep}&quot; của hồ sơ {code} sắp đến hạn: 09 giờ 00 phút, ngày 04 tháng 3 năm 2026.",
            soon.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<strong>{code}</strong>", soon.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"{rows.Single(r => r.Kind == NotificationKinds.StepDueSoon && r.Recipient == "specialist@onestop.example").IdempotencyKey}@onestop.local",
            soon.MessageId);

        var late = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "head@onestop.example"
            && m.Subject == $"[Một cửa] Hồ sơ {code}: bước quá hạn");
        Assert.Contains("Kính gửi Phạm Văn Trưởng Phòng,", late.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Bước &quot;{ReviewStep}&quot; của hồ sơ {code} đã quá hạn (09 giờ 00 phút, ngày 04 tháng 3 năm 2026).",
            late.HtmlBody, StringComparison.Ordinal);

        // The officers' model holds the dossier and the step, not the citizen: "name" is the officer's.
        var officerMails = mails.Where(m => ReviewOfficers.Contains(m.To.Mailboxes.Single().Address)).ToList();
        Assert.Equal(4, officerMails.Count);
        Assert.All(officerMails, m =>
        {
            Assert.DoesNotContain(ApplicantName, m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain(ApplicantIdNumber, m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("0987654321", m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("huong@example.test", m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("ông/bà", m.HtmlBody, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Tết Bính Ngọ 2026: off from Saturday 14/02 to Sunday 22/02. A step received late on Friday 13/02 is due on Monday 23/02,
    /// a few working hours later but nine calendar days ahead: it is due soon on Friday, and its officer must hear before leaving.
    /// </summary>
    [Fact]
    public async Task A_step_due_right_after_the_Tet_holiday_is_announced_as_due_soon_before_the_holiday()
    {
        clock.Set(Vn(2026, 2, 13, 15, 30));
        var code = await ReceiveAsync();
        var reception = await OpenTaskAsync(code, "Task_TiepNhan");
        var calendar = app.Services.GetRequiredService<CalendarService>().Current;
        Assert.True(reception.DueAt > Vn(2026, 2, 23, 7, 0), $"due {reception.DueAt}");
        Assert.True(Deadlines.IsDueSoon(calendar, clock.GetUtcNow(), reception.DueAt!.Value));

        await Notifier.ScanOnceAsync();

        var notice = Assert.Single(await StepRowsAsync(code));
        Assert.Equal((NotificationKinds.StepDueSoon, "reception@onestop.example"), (notice.Kind, notice.Recipient));
    }

    private async Task<string> ReceiveAsync()
    {
        using var reception = await AsAsync(app, "reception");
        var request = Request(await ProcedureIdAsync(app, FiveDayProcedure));
        request = request with
        {
            Applicant = request.Applicant with { Name = ApplicantName, IdNumber = ApplicantIdNumber, Phone = "0987654321", Email = "huong@example.test" },
        };
        return (await Dossiers.Dossiers.ReceiveAsync(reception, request)).GetProperty("code").GetString()!;
    }

    /// <summary>Completes the dossier's open step <paramref name="elementId"/> as <paramref name="user"/>, as the inbox would.</summary>
    private async Task CompleteAsync(string code, string elementId, string user, string? outcome = null)
    {
        var task = await OpenTaskAsync(code, elementId);
        using var command = DossierCommand.Begin(new DossierCommand(user, "xử lý trong thử nghiệm"));
        await app.Services.GetRequiredService<WorkflowEngine>().CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = outcome, User = user });
    }

    private async Task<UserTaskRow> OpenTaskAsync(string code, string elementId) =>
        Assert.Single(await Query(db => db.UserTasks.Where(t => t.BusinessKey == code && t.Status == UserTaskStatus.Open && t.ElementId == elementId).ToListAsync()));

    /// <summary>The officers' notices about the dossier's steps, by recipient.</summary>
    private Task<List<OutboxMessage>> StepRowsAsync(string code, string? kind = null) => Query(async db =>
    {
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DossierId == id && (m.Kind == NotificationKinds.StepDueSoon || m.Kind == NotificationKinds.StepOverdue))
            .ToListAsync();
        return rows.Where(r => kind is null || r.Kind == kind).OrderBy(r => r.Recipient, StringComparer.Ordinal).ToList();
    });

    private async Task DispatchAllAsync()
    {
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }
    }

    /// <summary>The e-mails in the Development pickup folder whose subject names the dossier.</summary>
    private async Task<List<MimeMessage>> PickedUpAsync(string code)
    {
        var folder = app.Services.GetRequiredService<NotificationChannels>().MailFolder!;
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.eml"))
        {
            mails.Add(await MimeMessage.LoadAsync(file));
        }

        return [.. mails.Where(m => m.Subject?.Contains(code, StringComparison.Ordinal) == true)];
    }

    private async Task<T> Query<T>(Func<OneStopDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await query(db);
    }
}

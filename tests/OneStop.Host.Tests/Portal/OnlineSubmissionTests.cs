using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Engine;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Inbox;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Features.Portal.Submission;
using OneStop.Host.Identity;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Portal;

/// <summary>A host whose uploads are limited to 4 KB, the inter-agency procedure open for online submission and a second citizen.</summary>
public sealed class OnlineSubmissionFixture : IAsyncLifetime
{
    public const int MaxUploadBytes = 4096;

    public OneStopApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await OneStopApp.StartAsync(new Dictionary<string, string?> { ["Portal:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var procedure = await db.CatalogueProcedures.SingleAsync(p => p.LocalCode == InterAgencyProcedure);
        procedure.OnlineLevel = OnlineLevel.Partly;
        (await db.CatalogueProcedures.SingleAsync(p => p.LocalCode == OnlineSubmissionTests.FiveDayProcedure)).OnlineLevel = OnlineLevel.Partly;
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var other = new ApplicationUser { UserName = "citizen2", FullName = "Trần Thị Khác", Email = "khac@example.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(other, OidcClient.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(other, Roles.Citizen)).Succeeded);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Online submission, the centre's online queue and "my dossiers", over real HTTP with the signed-in session.</summary>
public sealed partial class OnlineSubmissionTests(OnlineSubmissionFixture fixture) : IClassFixture<OnlineSubmissionFixture>
{
    /// <summary>Đăng ký hành nghề công chứng viên: flow tthc-mot-phong (steps Task_TiepNhan, Task_ThamDinh), opened for online submission here.</summary>
    public const string FiveDayProcedure = "2.001719.000.00.03.H56";

    /// <summary>Cấp Phiếu lý lịch tư pháp: fully online, 200.000 đ, paid online before the centre sees it.</summary>
    private const string FullyOnlineProcedure = "2.000488.000.00.03.H56";

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Executable = [.. "MZ\x90\0\x03\0\0\0\x04\0\0\0"u8];

    private OneStopApp App => fixture.App;

    [Fact]
    public async Task A_pdf_submitted_online_gets_status_1_a_code_and_the_file_stored_with_its_hash()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        var procedure = await ProcedureIdAsync(App, InterAgencyProcedure);
        var form = await citizen.GetStringAsync(Url(procedure));

        var response = await SubmitAsync(citizen, procedure, _ => (Pdf, "to-khai.pdf"));

        Assert.Contains("value=\"Nguyễn Văn Công Dân\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = CodeIn(response);
        Assert.Matches(@"^000\.00\.03\.H56-\d{6}-\d{4}$", code);
        var confirmation = await citizen.GetStringAsync(response.Headers.Location!);
        Assert.Contains($"data-testid=\"dossier-code\">{code}<", confirmation, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var dossier = await db.Dossiers.SingleAsync(d => d.Code == code);
        Assert.Equal(DossierStatus.Registered, dossier.Status);
        Assert.Equal(DossierChannel.Online, dossier.Channel);
        Assert.NotNull(dossier.OwnerUserId);
        Assert.Null(dossier.WorkflowInstanceId);
        var files = await db.DossierFiles.Where(f => f.DossierId == dossier.Id).ToListAsync();
        Assert.NotEmpty(files);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.All(files, f => Assert.Equal(sha, f.Sha256));
        Assert.All(files, f => Assert.Equal("application/pdf", f.ContentType));
        Assert.True(File.Exists(Path.Combine(scope.ServiceProvider.GetRequiredService<DossierFileStore>().Folder, sha)));
        var mine = await citizen.GetStringAsync(new Uri("/ho-so-cua-toi", UriKind.Relative));
        Assert.Contains($"href=\"/ho-so-cua-toi/{code}\"", mine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("exe")]
    public async Task A_pdf_name_over_other_bytes_is_refused_naming_the_allowed_types_and_the_form_keeps_what_was_typed(string content)
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        var procedure = await ProcedureIdAsync(App, InterAgencyProcedure);

        var response = await SubmitAsync(citizen, procedure, i => i == 0 ? (content == "png" ? Png : Executable, "giay-to.pdf") : (Pdf, "ok.pdf"),
            request: "Yêu cầu giữ lại");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PDF, JPEG, PNG", ErrorNextTo(html, "documents[0]"), StringComparison.Ordinal);
        Assert.Empty(ErrorNextTo(html, "documents[1]"));
        Assert.Contains("Yêu cầu giữ lại</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"001190012345\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_naming_the_limit()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        var procedure = await ProcedureIdAsync(App, InterAgencyProcedure);
        var large = new byte[OnlineSubmissionFixture.MaxUploadBytes + 1];
        Pdf.CopyTo(large, 0);

        var response = await SubmitAsync(citizen, procedure, i => i == 1 ? (large, "lon.pdf") : (Pdf, "ok.pdf"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("4 KB", ErrorNextTo(html, "documents[1]"), StringComparison.Ordinal);
        Assert.Empty(ErrorNextTo(html, "documents[0]"));
    }

    [Fact]
    public async Task Html_in_the_request_shows_as_text_to_the_citizen_and_the_centre()
    {
        const string Script = "<script>alert('x')</script><b>đậm</b>";
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, InterAgencyProcedure), _ => (Pdf, "a.pdf"), request: Script));

        var mine = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        var queued = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));

        foreach (var page in new[] { mine, queued })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>đậm", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reception_accepts_an_online_dossier_with_a_receipt_and_the_flow_started()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, InterAgencyProcedure), _ => (Pdf, "a.pdf")));
        var queue = await reception.GetStringAsync(new Uri("/reception/online", UriKind.Relative));
        var page = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));
        var fileLink = FileLink().Match(page).Groups[1].Value;
        var download = await reception.GetAsync(new Uri($"/tep-ho-so/{fileLink}", UriKind.Relative));

        var accepted = await PostAsync(reception, $"/reception/online/{code}", "Accept", page);

        Assert.Contains($"href=\"/reception/online/{code}\"", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal("reception", dossier.ReceivedBy);
        Assert.NotNull(dossier.WorkflowInstanceId);
        Assert.True(dossier.DueAt > dossier.ClockStartedAt);
        Assert.True(await db.DossierNotices.AnyAsync(n => n.DossierId == dossier.Id && n.Title.Contains("tiếp nhận")));
        Assert.NotEmpty(await DossiersApi.OpenStepsAsync(db, code, CancellationToken.None));
        Assert.True(await db.DossierEvents.AnyAsync(e => e.DossierId == dossier.Id && e.Action == DossierActions.Received
            && e.FromStatus == DossierStatus.Registered && e.ToStatus == DossierStatus.Received));
        var after = await reception.GetStringAsync(new Uri("/reception/online", UriKind.Relative));
        Assert.DoesNotContain($"href=\"/reception/online/{code}\"", after, StringComparison.Ordinal);
        var mine = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        Assert.Contains(">Được tiếp nhận<", mine, StringComparison.Ordinal);
        var notice = NoticeLink().Match(mine).Groups[1].Value;
        var html = await citizen.GetAsync(new Uri(WebUtility.HtmlDecode(notice), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains(code, await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_refuses_an_online_dossier_with_a_reason_and_form_03()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, InterAgencyProcedure), _ => (Pdf, "a.pdf")));
        var page = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));

        var withoutReason = await PostAsync(reception, $"/reception/online/{code}", "Refuse", page);
        var refused = await PostAsync(reception, $"/reception/online/{code}", "Refuse", page, ("reason", "Ảnh chụp giấy chứng sinh không đọc được"));

        Assert.Contains("Nêu rõ lý do", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        Assert.Equal(DossierStatus.Refused, dossier.Status);
        Assert.Null(dossier.WorkflowInstanceId);
        var notice = Assert.Single(await db.DossierNotices.Where(n => n.DossierId == dossier.Id).ToListAsync());
        Assert.Contains("Ảnh chụp giấy chứng sinh không đọc được", notice.Html, StringComparison.Ordinal);
        Assert.True(await db.DossierEvents.AnyAsync(e => e.DossierId == dossier.Id && e.Action == DossierActions.Refused && e.ToStatus == DossierStatus.Refused));
        var mine = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        Assert.Contains(">Không được tiếp nhận<", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citizen_sees_neither_the_dossier_nor_its_file()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var other = await OidcClient.SessionAsync(App, "citizen2");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, InterAgencyProcedure), _ => (Pdf, "a.pdf")));
        var page = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        var file = FileLink().Match(page).Groups[1].Value;

        var own = await citizen.GetAsync(new Uri($"/tep-ho-so/{file}", UriKind.Relative));
        var dossier = await other.GetAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        var download = await other.GetAsync(new Uri($"/tep-ho-so/{file}", UriKind.Relative));
        var list = await other.GetStringAsync(new Uri("/ho-so-cua-toi", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dossier.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.DoesNotContain(code, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fully_online_procedure_reaches_the_centre_only_after_the_sandbox_payment()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var procedure = await ProcedureIdAsync(App, FullyOnlineProcedure);

        var submitted = await SubmitAsync(citizen, procedure, _ => (Pdf, "a.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var paymentUrl = submitted.Headers.Location!.OriginalString;
        var code = CodeIn(submitted);
        var paymentPage = await citizen.GetStringAsync(new Uri(paymentUrl, UriKind.Relative));
        var cancelled = await PostAsync(citizen, paymentUrl, "Cancel", paymentPage);
        var queueBefore = await reception.GetStringAsync(new Uri("/reception/online", UriKind.Relative));
        var onlinePage = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));
        // The page offers no Accept while the payment is pending; a forged post is refused too (token from another form).
        var anyForm = await reception.GetStringAsync(new Uri($"/reception/new?procedure={procedure}", UriKind.Relative));
        var acceptEarly = await PostAsync(reception, $"/reception/online/{code}", "Accept", anyForm);
        var paid = await PostAsync(citizen, paymentUrl, "Pay", paymentPage);
        var queueAfter = await reception.GetStringAsync(new Uri("/reception/online", UriKind.Relative));

        Assert.StartsWith("/thanh-toan-thu-nghiem/", paymentUrl, StringComparison.Ordinal);
        Assert.Contains("Thanh toán thử nghiệm", paymentPage, StringComparison.Ordinal);
        Assert.Contains("200.000", paymentPage, StringComparison.Ordinal);
        Assert.Contains("Đã hủy thanh toán", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(code, queueBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"accept-button\"", onlinePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, acceptEarly.StatusCode);
        Assert.Contains("không ở trạng thái chờ tiếp nhận", await acceptEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Contains(code, queueAfter, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
        Assert.Equal(DossierStatus.Registered, dossier.Status);
        Assert.Equal(OnlinePayment.Paid, dossier.Payment);
        Assert.StartsWith("SBX-", dossier.PaymentReference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_answered_online_with_new_uploads_resumes_the_flow()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, FiveDayProcedure), _ => (Pdf, "a.pdf")));
        var page = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reception, $"/reception/online/{code}", "Accept", page)).StatusCode);
        await CompleteStepAsync(code, "Task_TiepNhan", "reception", null, null);
        await CompleteStepAsync(code, "Task_ThamDinh", "specialist", "Yêu cầu bổ sung", new SupplementDetails("Thiếu bản sao", ["Quyết định bổ nhiệm"]));
        var before = await DossierAsync(code);
        Assert.Equal(DossierStatus.SupplementRequested, before.Status);
        var mine = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        Assert.Contains("data-testid=\"supplement-form\"", mine, StringComparison.Ordinal);

        var wrong = await PostSupplementAsync(citizen, code, mine, Executable, "bo-sung.pdf");
        var sent = await PostSupplementAsync(citizen, code, mine, Pdf, "quyet-dinh.pdf");

        Assert.Contains("PDF, JPEG, PNG", ErrorNextTo(await wrong.Content.ReadAsStringAsync(), "files[0]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await DossierAsync(code);
        Assert.Equal(DossierStatus.InProgress, after.Status);
        // CitizenSent while received; the workflow hook marks it Done once the flow leaves status 5 (ADR 0011).
        Assert.Equal(SupplementState.Done, after.SupplementState);
        Assert.True(after.DueAt >= before.DueAt);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Contains(await DossiersApi.OpenStepsAsync(db, code, CancellationToken.None), s => s.ElementId == "Task_ThamDinh");
        Assert.True(await db.DossierEvents.AnyAsync(e => e.DossierId == after.Id && e.Action == DossierActions.SupplementReceived && e.Actor == "citizen"));
        Assert.Equal("citizen", (await db.DossierSupplements.SingleAsync(x => x.DossierId == after.Id)).ReceivedBy);
        Assert.True(await db.DossierFiles.AnyAsync(f => f.DossierId == after.Id && f.FileName == "quyet-dinh.pdf" && f.AddedBy == "citizen"));
    }

    [Fact]
    public async Task Choices_that_need_a_contact_or_another_level_are_refused_beside_the_field_and_nothing_is_saved()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        var procedure = await ProcedureIdAsync(App, FiveDayProcedure);
        var before = await CountAsync();
        var page = await citizen.GetStringAsync(Url(procedure));

        var noAddress = await SubmitAsync(citizen, procedure, _ => (Pdf, "a.pdf"), fields: new Dictionary<string, string?>
        {
            ["Input.Delivery"] = "Post", ["Input.Address"] = "", ["Input.Phone"] = "", ["Input.NotifySms"] = "true",
        });
        var electronic = await SubmitAsync(citizen, procedure, _ => (Pdf, "a.pdf"), fields: new Dictionary<string, string?> { ["Input.Delivery"] = "Online" });

        // The form offers what the procedure allows (a partly online procedure returns no electronic result) and ticks
        // the channels the account can be reached on: the demo citizen has an e-mail address and no phone.
        Assert.Contains("value=\"Counter\" checked", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Online\"", page, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\" data-testid=\"notify-email\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"true\" data-testid=\"notify-sms\"", page, StringComparison.Ordinal);
        var html = await noAddress.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noAddress.StatusCode);
        Assert.Contains("bưu chính", ErrorNextTo(html, "applicant.address"), StringComparison.Ordinal);
        Assert.Contains("số điện thoại để nhận tin nhắn", ErrorNextTo(html, "applicant.phone"), StringComparison.Ordinal);
        Assert.Contains("value=\"Post\" checked", html, StringComparison.Ordinal);
        Assert.Contains("hình thức nhận kết quả", ErrorNextTo(await electronic.Content.ReadAsStringAsync(), "resultDelivery"), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_citizen_who_chose_sms_and_the_post_gets_the_receipt_only_by_sms_and_may_change_the_channels_later()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, FiveDayProcedure), _ => (Pdf, "a.pdf"),
            fields: new Dictionary<string, string?> { ["Input.Delivery"] = "Post", ["Input.NotifyEmail"] = "false", ["Input.NotifySms"] = "true" }));
        var queued = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reception, $"/reception/online/{code}", "Accept", queued)).StatusCode);

        var dossier = await DossierAsync(code);
        Assert.Equal(NotifyBy.Sms, dossier.NotifyBy);
        Assert.Equal(ResultDelivery.Post, dossier.ResultDelivery);
        Assert.Equal([NotificationChannel.Sms], await ChannelsAsync(dossier.Id, NotificationKinds.Submitted));
        Assert.Equal([NotificationChannel.Sms], await ChannelsAsync(dossier.Id, NotificationKinds.Received));

        var mine = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        Assert.Contains("Qua bưu chính", WebUtility.HtmlDecode(mine), StringComparison.Ordinal);
        var changed = await PostAsync(citizen, $"/ho-so-cua-toi/{code}", "Notifications", mine, ("email", "true"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(NotifyBy.Email, (await DossierAsync(code)).NotifyBy);

        await CompleteStepAsync(code, "Task_TiepNhan", "reception", null, null);
        await CompleteStepAsync(code, "Task_ThamDinh", "specialist", "Yêu cầu bổ sung", new SupplementDetails("Thiếu bản sao", ["Quyết định bổ nhiệm"]));
        Assert.Equal([NotificationChannel.Email], await ChannelsAsync(dossier.Id, NotificationKinds.SupplementRequested));
    }

    [Fact]
    public async Task An_unpaid_submission_lapses_after_the_payment_window_and_can_no_longer_be_paid_or_accepted()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var submitted = await SubmitAsync(citizen, await ProcedureIdAsync(App, FullyOnlineProcedure), _ => (Pdf, "a.pdf"));
        var paymentUrl = submitted.Headers.Location!.OriginalString;
        var code = CodeIn(submitted);
        var paymentPage = await citizen.GetStringAsync(new Uri(paymentUrl, UriKind.Relative));

        int lapsed;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            lapsed = await scope.ServiceProvider.GetRequiredService<OnlineSubmissionService>().ExpireUnpaidAsync(TimeSpan.Zero, CancellationToken.None);
        }

        var dossier = await DossierAsync(code);
        var paid = await PostAsync(citizen, paymentUrl, "Pay", paymentPage);
        var mine = WebUtility.HtmlDecode(await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative)));
        var queue = await reception.GetStringAsync(new Uri("/reception/online", UriKind.Relative));

        Assert.True(lapsed >= 1);
        Assert.Equal(DossierStatus.Withdrawn, dossier.Status);
        Assert.Equal(OnlinePayment.Expired, dossier.Payment);
        Assert.Contains("không chờ thanh toán", WebUtility.HtmlDecode(await paid.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("data-action=\"withdrawn\"", mine, StringComparison.Ordinal);
        Assert.Contains("Quá hạn thanh toán trực tuyến", (await HistoryAsync(dossier.Id)).Last().Comment, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"payment-expired\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"payment-pending\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(code, queue, StringComparison.Ordinal);
        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Contains(await db.OutboxMessages.Where(m => m.DossierId == dossier.Id).Select(m => m.Kind).ToListAsync(), k => k == NotificationKinds.StatusChanged);
    }

    [Fact]
    public async Task A_node_lapses_an_unpaid_submission_by_itself_once_the_configured_window_has_passed()
    {
        await using var node = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["Portal:PaymentWindow"] = "00:00:01",
            ["Portal:PaymentSweepInterval"] = "00:00:00.200",
        });
        using var citizen = await OidcClient.SessionAsync(node, "citizen");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(node, FullyOnlineProcedure), _ => (Pdf, "a.pdf")));

        // Waits for the background sweep (no timing is asserted: only that it happens, within a generous bound).
        var status = DossierStatus.Registered;
        for (var i = 0; i < 150 && status == DossierStatus.Registered; i++)
        {
            await Task.Delay(200);
            await using var scope = node.Services.CreateAsyncScope();
            status = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Dossiers.Where(d => d.Code == code).Select(d => d.Status).SingleAsync();
        }

        Assert.Equal(DossierStatus.Withdrawn, status);
    }

    [Fact]
    public async Task A_document_restricted_to_images_refuses_a_pdf_naming_its_types_and_limit()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        var procedure = await ProcedureIdAsync(App, FiveDayProcedure);
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync(Url(procedure)));
        var portrait = Enumerable.Range(0, 3).Single(i => !UploadInput().Matches(page)[i].Groups["accept"].Value.Contains("pdf", StringComparison.Ordinal));

        var response = await SubmitAsync(citizen, procedure, _ => (Pdf, "a.pdf"), fitTypes: false);
        var big = new byte[6 * 1024];
        Png.CopyTo(big, 0);
        var largePortrait = await SubmitAsync(citizen, procedure, i => i == portrait ? (big, "anh.png") : (Pdf, "a.pdf"));

        // The demo catalogue takes the portrait as JPEG or PNG up to 2 MB (this host's limit is 4 KB for the others).
        Assert.Contains("Tệp JPEG, PNG, tối đa 2 MB.", page, StringComparison.Ordinal);
        Assert.Contains("Tệp PDF, JPEG, PNG, tối đa 4 KB.", page, StringComparison.Ordinal);
        Assert.Contains("Chỉ nhận tệp JPEG, PNG", ErrorNextTo(await response.Content.ReadAsStringAsync(), $"documents[{portrait}]"), StringComparison.Ordinal);
        // 6 KB is over the host's 4 KB but within the portrait's own 2 MB.
        Assert.Equal(HttpStatusCode.Redirect, largePortrait.StatusCode);
    }

    [Fact]
    public async Task The_citizen_gets_the_files_marked_as_result_and_never_the_officers_working_attachments()
    {
        using var citizen = await OidcClient.SessionAsync(App, "citizen");
        using var reception = await OidcClient.SessionAsync(App, "reception");
        var code = CodeIn(await SubmitAsync(citizen, await ProcedureIdAsync(App, FiveDayProcedure), _ => (Pdf, "a.pdf")));
        var queued = await reception.GetStringAsync(new Uri($"/reception/online/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reception, $"/reception/online/{code}", "Accept", queued)).StatusCode);
        using (var counter = await AsAsync(App, "reception"))
        {
            await CompleteWithFileAsync(counter, code, "Task_TiepNhan", null, "ghi-chu-noi-bo.pdf", result: false);
        }

        using (var specialist = await AsAsync(App, "specialist"))
        {
            await CompleteWithFileAsync(specialist, code, "Task_ThamDinh", "Chuyển tiếp", "ban-thao-quyet-dinh.pdf", result: true);
        }

        var mine = await citizen.GetStringAsync(new Uri($"/ho-so-cua-toi/{code}", UriKind.Relative));
        var links = FileLink().Matches(mine).Select(m => m.Groups[1].Value).ToList();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var id = (await DossierAsync(code)).Id;
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == id && f.AddedBy != "citizen").ToDictionaryAsync(f => f.FileName, f => f.Id.ToString());

        Assert.Contains("ban-thao-quyet-dinh.pdf", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("ghi-chu-noi-bo.pdf", mine, StringComparison.Ordinal);
        Assert.Contains(files["ban-thao-quyet-dinh.pdf"], links);
        Assert.DoesNotContain(files["ghi-chu-noi-bo.pdf"], links);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(new Uri($"/tep-ho-so/{files["ban-thao-quyet-dinh.pdf"]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri($"/tep-ho-so/{files["ghi-chu-noi-bo.pdf"]}", UriKind.Relative))).StatusCode);
        // Staff of the agency still open both.
        Assert.Equal(HttpStatusCode.OK, (await reception.GetAsync(new Uri($"/tep-ho-so/{files["ghi-chu-noi-bo.pdf"]}", UriKind.Relative))).StatusCode);
    }

    private async Task CompleteWithFileAsync(HttpClient officer, string code, string elementId, string? outcome, string fileName, bool result)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var task = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().UserTasks
            .SingleAsync(t => t.BusinessKey == code && t.ElementId == elementId && t.Status == UserTaskStatus.Open);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf), "attachments", fileName } };
        if (outcome is not null)
        {
            form.Add(new StringContent(outcome), "outcome");
        }

        if (result)
        {
            form.Add(new StringContent("true"), "attachmentsAreResult");
        }

        var response = await officer.PostAsync(new Uri($"/api/inbox/{task.Id}/complete", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<DossierEvent>> HistoryAsync(Guid dossierId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().DossierEvents.Where(e => e.DossierId == dossierId)
            .OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Dossiers.CountAsync();
    }

    private async Task<List<NotificationChannel>> ChannelsAsync(Guid dossierId, string kind)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().OutboxMessages
            .Where(m => m.DossierId == dossierId && m.Kind == kind).Select(m => m.Channel).ToListAsync();
    }

    private async Task CompleteStepAsync(string code, string elementId, string user, string? outcome, SupplementDetails? details)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var task = await db.UserTasks.SingleAsync(t => t.BusinessKey == code && t.ElementId == elementId && t.Status == UserTaskStatus.Open);
        using var command = DossierCommand.Begin(new DossierCommand(user, "thử nghiệm", details));
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteUserTaskAsync(task.Id, new CompleteUserTaskRequest { Outcome = outcome, User = user });
    }

    private async Task<Dossier> DossierAsync(string code)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Code == code);
    }

    private static async Task<HttpResponseMessage> PostSupplementAsync(HttpClient http, string code, string page, byte[] bytes, string name)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(OidcClient.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Đã bổ sung quyết định bổ nhiệm"), "note" },
        };
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "files[0]", name);
        return await http.PostAsync(new Uri($"/ho-so-cua-toi/{code}?handler=Supplement", UriKind.Relative), content);
    }

    private static Uri Url(Guid procedure) => new($"/nop-ho-so?procedure={procedure}", UriKind.Relative);

    /// <summary>
    /// Fills the submission form (prefilled fields kept) and uploads one file per document; <paramref name="fields"/>
    /// replaces a field's value, or leaves it out when null (an unticked box).
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, Guid procedure, Func<int, (byte[] Bytes, string Name)> file,
        string request = "Đăng ký khai sinh cho con", IReadOnlyDictionary<string, string?>? fields = null, bool fitTypes = true)
    {
        var page = await http.GetStringAsync(Url(procedure));
        var accepts = UploadInput().Matches(page).Select(m => m.Groups["accept"].Value).ToList();
        var documents = accepts.Count;
        Assert.True(documents > 0, "no upload inputs");
        var values = new Dictionary<string, string?>
        {
            ["Input.Name"] = Value(page, "Input.Name"),
            ["Input.Email"] = Value(page, "Input.Email"),
            ["Input.Phone"] = "0912345678",
            ["Input.IdNumber"] = "001190012345",
            ["Input.Address"] = "12 Trần Phú, phường Hải Châu",
            ["Input.Request"] = request,
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        using var content = new MultipartFormDataContent { { new StringContent(OidcClient.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (key, value) in values.Where(v => v.Value is not null))
        {
            content.Add(new StringContent(value!), key);
        }

        for (var i = 0; i < documents; i++)
        {
            var (bytes, name) = file(i);
            // A document the catalogue restricts to images (the portrait) gets the PNG sample instead of the PDF one,
            // unless the test is about that restriction.
            if (fitTypes && bytes == Pdf && !accepts[i].Contains("application/pdf", StringComparison.Ordinal))
            {
                (bytes, name) = (Png, "anh-chan-dung.png");
            }

            var part = new ByteArrayContent(bytes);
            // The browser's content type says PDF whatever the bytes are: the server must not trust it.
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, $"documents[{i}]", name);
        }

        return await http.PostAsync(Url(procedure), content);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, string handler, string page, params (string Key, string Value)[] fields)
    {
        var form = fields.ToDictionary(f => f.Key, f => f.Value);
        form["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page);
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(new Uri($"{url}{separator}handler={handler}", UriKind.Relative), content);
    }

    private static string CodeIn(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var alerts = Regex.Matches(body, "role=\"alert\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value);
            Assert.Fail($"expected a redirect, got {(int)response.StatusCode}: {string.Join(" | ", alerts)}");
        }

        return Uri.UnescapeDataString(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static string Value(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>").Value;
        return WebUtility.HtmlDecode(Regex.Match(input, "value=\"([^\"]*)\"").Groups[1].Value);
    }

    private static string ErrorNextTo(string html, string key)
    {
        var span = Regex.Match(html, $"<span[^>]*id=\"err-{Regex.Escape(key)}\"[^>]*>([^<]*)</span>");
        Assert.True(span.Success, $"no error place for {key}");
        return WebUtility.HtmlDecode(span.Groups[1].Value).Trim();
    }

    [GeneratedRegex("<input[^>]*type=\"file\" name=\"documents\\[\\d+\\]\" accept=\"(?<accept>[^\"]*)\"")]
    private static partial Regex UploadInput();

    [GeneratedRegex("href=\"/tep-ho-so/([0-9a-f-]{36})\"")]
    private static partial Regex FileLink();

    [GeneratedRegex("href=\"(/ho-so-cua-toi/[^\"]+handler=Notice[^\"]+)\"")]
    private static partial Regex NoticeLink();
}

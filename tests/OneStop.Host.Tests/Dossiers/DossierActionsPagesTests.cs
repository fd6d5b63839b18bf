using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Dossiers;

/// <summary>The officers' lifecycle actions on /dossiers/{code}: apology and its approval, stop with confirmation, withdrawal.</summary>
public sealed partial class DossierActionsPagesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: Sở Tư pháp, Phòng Hành chính tư pháp, 10 working days, flow tthc-mot-phong.</summary>
    private const string LongProcedure = "2.000488.000.00.03.H56";

    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task Specialist_drafts_an_apology_the_head_approves_it_and_a_second_one_is_refused()
    {
        var (code, dueAt) = await ReceiveAndForwardAsync();
        using var specialist = await SignInAsync("specialist");
        using var head = await SignInAsync("head");
        var page = await specialist.GetStringAsync(PageUri(code));
        var token = OidcClient.AntiforgeryToken(page);
        var newDue = TimeZoneInfo.ConvertTime(dueAt, Vietnam).Date.AddDays(7);
        var date = newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["ApologyForm.Reason"] = "",
            ["ApologyForm.Date"] = date,
            ["ApologyForm.Time"] = "10:30",
            ["__RequestVerificationToken"] = token,
        };

        var empty = await PostAsync(specialist, code, "Apology", fields);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        fields["ApologyForm.Reason"] = "Chờ kết quả xác minh của Công an tỉnh";
        fields["ApologyForm.Date"] = "31/02";
        var unreadable = await (await PostAsync(specialist, code, "Apology", fields)).Content.ReadAsStringAsync();
        fields["ApologyForm.Date"] = date;
        var drafted = await PostAsync(specialist, code, "Apology", fields);
        var afterDraft = await specialist.GetStringAsync(drafted.Headers.Location!);

        Assert.Contains("data-testid=\"apology-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stop-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"withdraw-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Nêu rõ lý do.", ErrorNextTo(emptyHtml, "apology-reason"));
        Assert.Equal("", ErrorNextTo(emptyHtml, "apology-newDueAt"));
        Assert.Contains($"value=\"{date}\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"10:30\"", emptyHtml, StringComparison.Ordinal);
        Assert.Equal("Nhập ngày (dd/mm/yyyy) và giờ (hh:mm) hợp lệ.", ErrorNextTo(unreadable, "apology-newDueAt"));
        Assert.Contains(">Chờ kết quả xác minh của Công an tỉnh</textarea>", unreadable, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        Assert.Contains("data-testid=\"action-done\"", afterDraft, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Drafted\"", afterDraft, StringComparison.Ordinal);
        Assert.Contains("Chờ duyệt", afterDraft, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"apology-form\"", afterDraft, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"apology-approve\"", afterDraft, StringComparison.Ordinal);

        var headPage = await head.GetStringAsync(PageUri(code));
        Assert.Contains("data-testid=\"apology-approve\"", headPage, StringComparison.Ordinal);
        var approved = await PostAsync(head, code, "Approve", new Dictionary<string, string>
        {
            ["apologyId"] = ApologyId().Match(headPage).Groups[1].Value,
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(headPage),
        });
        var afterApproval = await head.GetStringAsync(approved.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("data-testid=\"action-done\"", afterApproval, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"rescheduled\">10:30 {newDue:dd/MM/yyyy}<", afterApproval, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Approved\"", afterApproval, StringComparison.Ordinal);
        Assert.Matches(@"\(TT\d\d-\d{4}/04 · ", afterApproval);

        // The specialist's page was loaded before the approval: the second draft reaches the service, which refuses it.
        fields["ApologyForm.Reason"] = "Lần thứ hai";
        var second = await PostAsync(specialist, code, "Apology", fields);
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Đã có văn bản xin lỗi cho hồ sơ này", Problem(secondHtml), StringComparison.Ordinal);
        Assert.Contains("đã được duyệt", Problem(secondHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_head_stops_a_dossier_only_after_ticking_the_confirmation()
    {
        var (code, _) = await ReceiveAndForwardAsync();
        using var head = await SignInAsync("head");
        var page = await head.GetStringAsync(PageUri(code));
        var fields = new Dictionary<string, string>
        {
            ["StopForm.Reason"] = "Công dân không bổ sung hồ sơ theo yêu cầu",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        };

        var unconfirmed = await PostAsync(head, code, "Stop", fields);
        var unconfirmedHtml = await unconfirmed.Content.ReadAsStringAsync();
        fields["StopForm.Confirm"] = "true";
        var stopped = await PostAsync(head, code, "Stop", fields);
        var after = await head.GetStringAsync(stopped.Headers.Location!);

        Assert.Contains("data-testid=\"stop-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Tôi xác nhận dừng xử lý hồ sơ này", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal("Đánh dấu ô xác nhận để dừng xử lý hồ sơ.", ErrorNextTo(unconfirmedHtml, "stop-confirm"));
        Assert.Contains(">Công dân không bổ sung hồ sơ theo yêu cầu</textarea>", unconfirmedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("8. Dừng xử lý<", unconfirmedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Contains("data-testid=\"action-done\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status\">8. Dừng xử lý<", after, StringComparison.Ordinal);
        Assert.Contains("Thông báo dừng giải quyết hồ sơ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stop-form\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_records_the_citizens_withdrawal_with_a_reason()
    {
        using var reception = await AsAsync(app, "reception");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, LongProcedure)))).GetProperty("code").GetString()!;
        using var counter = await SignInAsync("reception");
        var page = await counter.GetStringAsync(PageUri(code));
        var fields = new Dictionary<string, string>
        {
            ["WithdrawForm.Reason"] = " ",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        };

        var empty = await PostAsync(counter, code, "Withdraw", fields);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        fields["WithdrawForm.Reason"] = "Công dân có đơn xin rút hồ sơ";
        var withdrawn = await PostAsync(counter, code, "Withdraw", fields);
        var after = await counter.GetStringAsync(withdrawn.Headers.Location!);

        Assert.Contains("data-testid=\"withdraw-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"stop-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"apology-form\"", page, StringComparison.Ordinal);
        Assert.Equal("Nêu rõ lý do.", ErrorNextTo(emptyHtml, "withdraw-reason"));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("data-testid=\"status\">7. Công dân yêu cầu rút hồ sơ<", after, StringComparison.Ordinal);
        Assert.Contains("Công dân có đơn xin rút hồ sơ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"withdraw-form\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_specialist_sees_no_stop_form_and_a_forged_stop_is_refused_by_the_service()
    {
        var (code, _) = await ReceiveAndForwardAsync();
        using var specialist = await SignInAsync("specialist");
        var page = await specialist.GetStringAsync(PageUri(code));

        var forged = await PostAsync(specialist, code, "Stop", new Dictionary<string, string>
        {
            ["StopForm.Reason"] = "Thử",
            ["StopForm.Confirm"] = "true",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        });
        var html = await forged.Content.ReadAsStringAsync();

        Assert.DoesNotContain("data-testid=\"stop-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Bạn không có quyền thực hiện thao tác này", Problem(html), StringComparison.Ordinal);
        Assert.DoesNotContain("8. Dừng xử lý<", html, StringComparison.Ordinal);
    }

    /// <summary>A dossier of the long procedure, forwarded by the counter so the department has a step of it.</summary>
    private async Task<(string Code, DateTimeOffset DueAt)> ReceiveAndForwardAsync()
    {
        using var reception = await AsAsync(app, "reception");
        var dossier = await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, LongProcedure)));
        var code = dossier.GetProperty("code").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var forward = Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { BusinessKey = code }));
            await engine.CompleteUserTaskAsync(forward.Id, new CompleteUserTaskRequest { User = "reception" });
        }

        return (code, (await GetAsync(reception, code)).GetProperty("dossier").GetProperty("dueAt").GetDateTimeOffset());
    }

    private static Uri PageUri(string code) => new($"/dossiers/{code}", UriKind.Relative);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string code, string handler, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await http.PostAsync(new Uri($"/dossiers/{code}?handler={handler}", UriKind.Relative), content);
    }

    private static string ErrorNextTo(string html, string id)
    {
        var span = Regex.Match(html, $"<span[^>]*id=\"err-{Regex.Escape(id)}\"[^>]*>([^<]*)</span>");
        Assert.True(span.Success, $"no error place for {id}");
        return WebUtility.HtmlDecode(span.Groups[1].Value).Trim();
    }

    private static string Problem(string html)
    {
        var alert = Regex.Match(html, "<div[^>]*data-testid=\"action-problem\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(alert.Success, "no problem shown");
        return WebUtility.HtmlDecode(Regex.Replace(alert.Groups[1].Value, "<[^>]+>", ""));
    }

    private Task<HttpClient> SignInAsync(string user) => OidcClient.SessionAsync(app, user);

    [GeneratedRegex("name=\"apologyId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ApologyId();
}

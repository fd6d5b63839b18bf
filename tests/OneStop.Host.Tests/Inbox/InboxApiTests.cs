using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Inbox;

public sealed class InboxApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: Sở Tư pháp alone, flow tthc-mot-phong (with the supplement path).</summary>
    private const string DepartmentProcedure = "2.000488.000.00.03.H56";

    [Fact]
    public async Task A_dossier_moves_through_the_inboxes_with_claims_and_the_history_records_who_and_why()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var head = await AsAsync(app, "head");
        using var police = await AsAsync(app, "police");
        using var builder = await AsAsync(app, "builder");
        var code = await ReceiveAsync(reception, InterAgencyProcedure);

        var counter = await TaskOfAsync(reception, code, "Task_TiepNhan");
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(reception, counter, new { })).StatusCode);

        var review = await TaskOfAsync(specialist, code, "Task_ThamDinh");
        var row = await RowAsync(specialist, review);
        Assert.Equal("Nguyễn Thị Hoa", row.GetProperty("applicantName").GetString());
        Assert.InRange(row.GetProperty("remainingHours").GetDouble(), 8.01, 16);
        Assert.Equal("ok", row.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(specialist, $"/api/inbox/{review}/claim")).StatusCode);
        Assert.Contains(review, await TaskIdsAsync(specialist, "mine"));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(head, $"/api/inbox/{review}/claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CompleteAsync(police, review, new { comment = "Không phải việc của tôi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await builder.GetAsync(new Uri($"/api/inbox/{review}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(review, await TaskIdsAsync(police, "department"));

        var completed = await CompleteAsync(specialist, review, new { comment = "Hồ sơ đầy đủ, hợp lệ" });
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        Assert.DoesNotContain(review, await TaskIdsAsync(specialist, "mine"));
        Assert.Equal(HttpStatusCode.Conflict, (await CompleteAsync(specialist, review, new { comment = "lần nữa" })).StatusCode);

        var approval = await TaskOfAsync(head, code, "Task_TruongPhong");
        var details = await OidcClient.ReadJsonAsync(await head.GetAsync(new Uri($"/api/inbox/{approval}", UriKind.Relative)));
        Assert.Equal(["Duyệt", "Trả lại"], details.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(code, details.GetProperty("dossier").GetProperty("code").GetString());
        var sentBack = await CompleteAsync(head, approval, new { outcome = "Trả lại" });
        Assert.Equal(HttpStatusCode.BadRequest, sentBack.StatusCode);
        Assert.True((await OidcClient.ReadJsonAsync(sentBack)).GetProperty("errors").TryGetProperty("comment", out _));

        var history = (await GetAsync(specialist, code)).GetProperty("history").EnumerateArray().ToList();
        var step = Assert.Single(history, e => e.GetProperty("action").GetString() == DossierActions.StepCompleted
            && e.GetProperty("step").GetString() == "Thẩm định hồ sơ");
        Assert.Equal("specialist", step.GetProperty("actor").GetString());
        Assert.Equal("Hồ sơ đầy đủ, hợp lệ", step.GetProperty("comment").GetString());
        Assert.Contains(history, e => e.GetProperty("action").GetString() == DossierActions.TaskClaimed && e.GetProperty("actor").GetString() == "specialist");
    }

    [Fact]
    public async Task The_inter_agency_flow_runs_from_inbox_to_inbox_until_the_result_is_returned()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var head = await AsAsync(app, "head");
        using var police = await AsAsync(app, "police");
        using var policeHead = await AsAsync(app, "police-head");
        using var leader = await AsAsync(app, "leader");
        var code = await ReceiveAsync(reception, InterAgencyProcedure);

        await CompleteOkAsync(reception, await TaskOfAsync(reception, code, "Task_TiepNhan"), new { });
        await CompleteOkAsync(specialist, await TaskOfAsync(specialist, code, "Task_ThamDinh"), new { comment = "Đủ điều kiện" });
        await CompleteOkAsync(head, await TaskOfAsync(head, code, "Task_TruongPhong"), new { outcome = "Duyệt" });
        await CompleteOkAsync(police, await TaskOfAsync(police, code, "Task_XacMinh"), new { comment = "Đã xác minh cư trú" });
        await CompleteOkAsync(specialist, await TaskOfAsync(specialist, code, "Task_DuThao"), new { });
        await CompleteOkAsync(policeHead, await TaskOfAsync(policeHead, code, "Task_PheDuyet"), new { });
        await CompleteOkAsync(leader, await TaskOfAsync(leader, code, "Task_LanhDaoKy"), new { comment = "Đồng ý ký" });
        var handOver = await TaskOfAsync(reception, code, "Task_TraKetQua");
        Assert.Equal(9, (await GetAsync(reception, code)).GetProperty("dossier").GetProperty("status").GetInt32());
        await CompleteOkAsync(reception, handOver, new { });

        Assert.Equal(10, (await GetAsync(reception, code)).GetProperty("dossier").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_supplement_request_needs_a_reason_and_documents_then_pauses_the_dossier_with_the_attachment_kept()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        var code = await ReceiveAsync(reception, DepartmentProcedure);
        await CompleteOkAsync(reception, await TaskOfAsync(reception, code, "Task_TiepNhan"), new { });
        var review = await TaskOfAsync(specialist, code, "Task_ThamDinh");
        var details = await OidcClient.ReadJsonAsync(await specialist.GetAsync(new Uri($"/api/inbox/{review}", UriKind.Relative)));
        Assert.True(details.GetProperty("asksSupplement").GetBoolean());

        var incomplete = await CompleteAsync(specialist, review, new { outcome = "Yêu cầu bổ sung" });
        var unknown = await CompleteAsync(specialist, review, new { outcome = "Phê duyệt" });

        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal(["supplementDocuments", "supplementReason"],
            (await OidcClient.ReadJsonAsync(incomplete)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var scan = "bản quét tờ khai"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Yêu cầu bổ sung"), "outcome" },
            { new StringContent("Thiếu giấy tờ chứng minh nơi cư trú"), "supplementReason" },
            { new StringContent("Giấy xác nhận thông tin về cư trú"), "supplementDocuments" },
            { new StringContent("Bản chụp căn cước rõ nét"), "supplementDocuments" },
            { new ByteArrayContent(scan), "attachments", "to-khai.pdf" },
        };
        var requested = await specialist.PostAsync(new Uri($"/api/inbox/{review}/complete", UriKind.Relative), form);
        Assert.True(requested.StatusCode == HttpStatusCode.OK, await requested.Content.ReadAsStringAsync());

        var dossier = await GetAsync(specialist, code);
        Assert.Equal(5, dossier.GetProperty("dossier").GetProperty("status").GetInt32());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        var supplement = await db.DossierSupplements.SingleAsync(s => s.DossierId == id);
        Assert.Equal("Thiếu giấy tờ chứng minh nơi cư trú", supplement.Reason);
        Assert.Equal("Giấy xác nhận thông tin về cư trú\nBản chụp căn cước rõ nét", supplement.Documents);
        Assert.Equal("specialist", supplement.RequestedBy);
        var file = await db.DossierFiles.SingleAsync(f => f.DossierId == id);
        Assert.Equal("to-khai.pdf", file.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan)), file.Sha256);
        Assert.Equal(scan, await File.ReadAllBytesAsync(Path.Combine(app.Folder, "files", file.Sha256)));
        Assert.Contains(dossier.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == DossierActions.FileAttached);
    }

    [Fact]
    public async Task Overdue_dossiers_and_steps_are_listed_for_their_department_and_marked_in_the_inbox()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var builder = await AsAsync(app, "builder");
        using var supervisor = await AsAsync(app, "supervisor");
        var code = await ReceiveAsync(reception, DepartmentProcedure);
        await CompleteOkAsync(reception, await TaskOfAsync(reception, code, "Task_TiepNhan"), new { });
        var review = await TaskOfAsync(specialist, code, "Task_ThamDinh");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As if the dossier had waited a week: both the step and the dossier are past due.
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var past = DateTimeOffset.UtcNow.AddDays(-7);
            await db.Dossiers.Where(d => d.Code == code).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, past));
            await db.UserTasks.Where(t => t.Id == review).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, past));
        }

        var overdue = await LatenessAsync(specialist, "overdue");
        var dueSoon = await LatenessAsync(specialist, "dueSoon");
        var foreign = await LatenessAsync(builder, "overdue");
        var watched = await LatenessAsync(supervisor, "overdue");
        var row = await RowAsync(specialist, review);

        var late = Assert.Single(overdue.GetProperty("dossiers").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        Assert.True(late.GetProperty("remainingHours").GetDouble() < 0);
        Assert.Contains(overdue.GetProperty("steps").EnumerateArray(), s => s.GetProperty("taskId").GetString() == review);
        Assert.DoesNotContain(dueSoon.GetProperty("dossiers").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        Assert.DoesNotContain(foreign.GetProperty("dossiers").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        Assert.Contains(watched.GetProperty("steps").EnumerateArray(), s => s.GetProperty("taskId").GetString() == review);
        Assert.Equal("overdue", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("remainingHours").GetDouble() < 0);
    }

    private async Task<string> ReceiveAsync(HttpClient reception, string procedure) =>
        (await Dossiers.Dossiers.ReceiveAsync(reception, Request(await ProcedureIdAsync(app, procedure)))).GetProperty("code").GetString()!;

    /// <summary>The id of the open task <paramref name="elementId"/> of dossier <paramref name="code"/> in the user's department inbox.</summary>
    private static async Task<string> TaskOfAsync(HttpClient user, string code, string elementId)
    {
        var page = await InboxAsync(user, "department");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray(),
            r => r.GetProperty("dossierCode").GetString() == code && r.GetProperty("elementId").GetString() == elementId);
        return row.GetProperty("taskId").GetString()!;
    }

    private static async Task<JsonElement> RowAsync(HttpClient user, string taskId) =>
        Assert.Single((await InboxAsync(user, "department")).GetProperty("items").EnumerateArray(), r => r.GetProperty("taskId").GetString() == taskId);

    private static async Task<List<string>> TaskIdsAsync(HttpClient user, string scope) =>
        [.. (await InboxAsync(user, scope)).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("taskId").GetString()!)];

    private static async Task<JsonElement> InboxAsync(HttpClient user, string scope)
    {
        var response = await user.GetAsync(new Uri($"/api/inbox?scope={scope}", UriKind.Relative));
        var body = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static async Task<JsonElement> LatenessAsync(HttpClient user, string kind)
    {
        var response = await user.GetAsync(new Uri($"/api/lateness?kind={kind}", UriKind.Relative));
        var body = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient user, string path) =>
        user.PostAsync(new Uri(path, UriKind.Relative), null);

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient user, string taskId, object decision) =>
        user.PostAsJsonAsync($"/api/inbox/{taskId}/complete", decision, Json);

    private static async Task CompleteOkAsync(HttpClient user, string taskId, object decision)
    {
        var response = await CompleteAsync(user, taskId, decision);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{taskId}: {await response.Content.ReadAsStringAsync()}");
    }
}

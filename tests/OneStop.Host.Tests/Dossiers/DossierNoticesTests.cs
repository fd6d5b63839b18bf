using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notices;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Dossiers;

public sealed class DossierNoticesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: Sở Tư pháp alone, flow tthc-mot-phong (reception → specialist → head → leader).</summary>
    private const string DepartmentProcedure = "2.000488.000.00.03.H56";

    [Fact]
    public async Task Receiving_issues_one_receipt_with_everything_the_form_asks_for()
    {
        using var reception = await AsAsync(app, "reception");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, InterAgencyProcedure)))).GetProperty("code").GetString()!;

        var details = await GetAsync(reception, code);
        var dossier = details.GetProperty("dossier");
        // The flow's first step asks for TT03-2025/01 too; the receipt the counter issued is the only one.
        var receipt = Assert.Single(details.GetProperty("notices").EnumerateArray());
        Assert.Equal("TT03-2025/01", receipt.GetProperty("templateCode").GetString());
        var html = await reception.GetStringAsync(new Uri($"/api/dossiers/{code}/notices/{receipt.GetProperty("id").GetString()}", UriKind.Relative));

        foreach (var text in new[]
        {
            code, "Nguyễn Thị Hoa", "001190012345", "0912345678", "hoa@example.test", "12 Trần Phú, phường Hải Châu",
            dossier.GetProperty("procedureName").GetString()!, "2. Số lượng hồ sơ: 1 (bộ)", "3 ngày làm việc", "Trần Văn Tiếp Nhận",
            "4. Thời gian nhận hồ sơ: " + VietnameseText.TimeAndDate(dossier.GetProperty("receivedAt").GetDateTimeOffset()),
            "5. Thời gian trả kết quả giải quyết hồ sơ: " + VietnameseText.TimeAndDate(dossier.GetProperty("dueAt").GetDateTimeOffset()),
        })
        {
            Assert.Contains(Html(text), html, StringComparison.Ordinal);
        }

        Assert.Contains("<svg class=\"qr\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"barcode\"", html, StringComparison.Ordinal);

        Assert.Matches(@"\d\d giờ \d\d phút, ngày \d\d tháng \d{1,2} năm \d{4}", html);
        foreach (var document in dossier.GetProperty("documents").EnumerateArray())
        {
            string Count(string name) => document.GetProperty(name).GetInt32() is > 0 and var n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            Assert.Contains($"<td>{Html(document.GetProperty("name").GetString()!)}</td><td class=\"num\">{Count("originals")}</td>"
                + $"<td class=\"num\">{Count("certifiedCopies")}</td><td class=\"num\">{Count("photocopies")}</td>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_control_sheet_has_a_row_per_hand_off_with_units_officers_and_timeliness()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var builder = await AsAsync(app, "builder");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, DepartmentProcedure)))).GetProperty("code").GetString()!;

        await CompleteOpenStepAsync(reception, code, "reception", outcome: null);
        await CompleteOpenStepAsync(specialist, code, "specialist", outcome: "Chuyển tiếp");
        var response = await specialist.GetAsync(new Uri($"/api/dossiers/{code}/control-sheet", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Reception, appraisal (both done), the head's review (open).
        Assert.Equal(3, html.Split(". Giao: ").Length - 1);
        const string Centre = "Bộ phận Tiếp nhận và Trả kết quả – Trung tâm Phục vụ hành chính công tỉnh";
        const string Legal = "Phòng Hành chính tư pháp – Sở Tư pháp";
        Assert.Contains($"1. Giao: {Centre}<br>Nhận: {Centre}", html, StringComparison.Ordinal);
        Assert.Contains($"2. Giao: {Centre}<br>Nhận: {Legal}", html, StringComparison.Ordinal);
        Assert.Contains($"3. Giao: {Legal}<br>Nhận: {Legal}", html, StringComparison.Ordinal);
        Assert.Contains("<div>Trần Văn Tiếp Nhận</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div>Lê Thị Chuyên Viên</div>", html, StringComparison.Ordinal);
        Assert.Contains("Thẩm định hồ sơ: Chuyển tiếp", html, StringComparison.Ordinal);
        var results = ResultCells(html);
        Assert.Equal(3, results.Count);
        Assert.Contains(results[0], new[] { "Trước hạn", "Đúng hạn" }); // half a working day: the same day or the next
        Assert.Equal("Trước hạn", results[1]); // two working days: always a later day
        Assert.Equal("", results[2]); // still open
        Assert.Equal(HttpStatusCode.NotFound, (await builder.GetAsync(new Uri($"/api/dossiers/{code}/control-sheet", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_ledger_lists_the_dossiers_received_in_the_range_that_the_user_sees()
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var builder = await AsAsync(app, "builder");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, InterAgencyProcedure)))).GetProperty("code").GetString()!;
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(VietnameseText.VietnamOffset).DateTime);

        async Task<string> LedgerAsync(HttpClient http, DateOnly from, DateOnly to, string? agency = null)
        {
            var response = await http.GetAsync(new Uri($"/api/ledger?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&agency={agency}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var todays = await LedgerAsync(reception, today, today);
        Assert.Contains($"<td>{code}</td>", todays, StringComparison.Ordinal);
        Assert.Contains("<td>Nguyễn Thị Hoa</td>", todays, StringComparison.Ordinal);
        Assert.Contains("12 Trần Phú, phường Hải Châu<br>0912345678", todays, StringComparison.Ordinal);
        Assert.Contains("<td>Sở Tư pháp</td>", todays, StringComparison.Ordinal);
        Assert.Contains(code, await LedgerAsync(specialist, today, today, "000.00.03.H56"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await LedgerAsync(reception, today.AddDays(-1), today.AddDays(-1)), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await LedgerAsync(reception, today, today, "000.00.07.H56"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await LedgerAsync(builder, today, today), StringComparison.Ordinal);
        var backwards = await reception.GetAsync(new Uri($"/api/ledger?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task A_notice_asked_again_or_needing_missing_data_adds_nothing()
    {
        using var reception = await AsAsync(app, "reception");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, InterAgencyProcedure)))).GetProperty("code").GetString()!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Host.Persistence.OneStopDbContext>();
        var notices = scope.ServiceProvider.GetRequiredService<DossierNotices>();
        var dossier = db.Dossiers.Single(d => d.Code == code);

        var receipt = await notices.IssueAsync(db, dossier, NoticeForms.Receipt, "reception", CancellationToken.None);
        var apology = await notices.IssueAsync(db, dossier, NoticeForms.Apology, "reception", CancellationToken.None);
        var refusal = await notices.IssueAsync(db, dossier, NoticeForms.Refusal, "reception", CancellationToken.None, reason: "Hồ sơ giả mạo <b>chữ ký</b>");

        Assert.NotNull(receipt);
        Assert.Equal(Microsoft.EntityFrameworkCore.EntityState.Detached, db.Entry(receipt).State);
        Assert.Null(apology);
        Assert.NotNull(refusal);
        Assert.Equal("TT03-2025/03", refusal.TemplateCode);
        Assert.Contains("Hồ sơ giả mạo &lt;b&gt;chữ ký&lt;/b&gt;", refusal.Html, StringComparison.Ordinal);
        var added = db.ChangeTracker.Entries<IssuedNotice>().Count(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added);
        Assert.Equal(1, added);
    }

    /// <summary>Completes the dossier's only open step through the engine, as <paramref name="user"/>.</summary>
    private async Task CompleteOpenStepAsync(HttpClient http, string code, string user, string? outcome)
    {
        var step = Assert.Single((await GetAsync(http, code)).GetProperty("openSteps").EnumerateArray());
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        using var _ = DossierCommand.Begin(new DossierCommand(user));
        await engine.CompleteUserTaskAsync(step.GetProperty("taskId").GetString()!, new CompleteUserTaskRequest { Outcome = outcome, User = user });
    }

    /// <summary>The third cell of each row of the steps table (early / on time / late).</summary>
    private static List<string> ResultCells(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"num\">([^<]*)</td>").Select(m => m.Groups[1].Value)];

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}

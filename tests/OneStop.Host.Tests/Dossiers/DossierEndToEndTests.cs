using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Dossiers;

/// <summary>
/// The inter-agency demo procedure from counter to counter over HTTP, as the officers do it: receive → forward →
/// specialist → head approves → the police (called flow) and the draft in parallel → leader signs → result ready →
/// returned. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class DossierEndToEndTests
{
    protected abstract Task<OneStopApp> StartAsync();

    [Fact]
    public async Task An_inter_agency_dossier_goes_from_reception_to_return_with_statuses_2_4_9_10_and_complete_forms_01_and_05()
    {
        await using var app = await StartAsync();
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        using var head = await AsAsync(app, "head");
        using var police = await AsAsync(app, "police");
        using var policeHead = await AsAsync(app, "police-head");
        using var leader = await AsAsync(app, "leader");
        var request = Request(await ProcedureIdAsync(app, InterAgencyProcedure));

        var code = (await ReceiveAsync(reception, request)).GetProperty("code").GetString()!;

        // The receipt (form 01), with QR code, barcode and appointment.
        var details = await GetAsync(reception, code);
        Assert.Equal(2, Status(details));
        var receipt = await NoticeHtmlAsync(reception, code, details, "TT03-2025/01");
        foreach (var field in new[]
        {
            code, "Nguyễn Thị Hoa", "001190012345", "0912345678", "hoa@example.test", "12 Trần Phú, phường Hải Châu", "Sở Tư pháp",
            "Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Tờ khai tham gia bảo hiểm y tế (TK1-TS)", "3 ngày làm việc", "giờ", "phút, ngày",
            "Trần Văn Tiếp Nhận", $"Quyển số: 20{code[14..16]}, Số thứ tự: 1<",
        })
        {
            Assert.Contains(field, receipt, StringComparison.Ordinal);
        }

        Assert.True(receipt.Split("<svg", StringSplitOptions.None).Length >= 3, "the receipt carries a QR code and a barcode");

        await CompleteAsync(reception, code, "Task_TiepNhan");
        Assert.Equal(4, Status(await GetAsync(reception, code)));
        await CompleteAsync(specialist, code, "Task_ThamDinh", comment: "Hồ sơ đầy đủ, hợp lệ");
        await CompleteAsync(head, code, "Task_TruongPhong", outcome: "Duyệt");

        // The police see the dossier once the flow hands it to them; the draft runs in parallel.
        await CompleteAsync(police, code, "Task_XacMinh", comment: "Đã xác minh thông tin cư trú");
        await CompleteAsync(specialist, code, "Task_DuThao");
        Assert.Equal(4, Status(await GetAsync(reception, code)));
        await CompleteAsync(policeHead, code, "Task_PheDuyet");
        await CompleteAsync(leader, code, "Task_LanhDaoKy");

        var ready = await GetAsync(reception, code);
        Assert.Equal(9, Status(ready));
        var decision = await NoticeHtmlAsync(reception, code, ready, "decision");
        Assert.Contains(code, decision, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", decision, StringComparison.Ordinal);
        Assert.Equal("Early", ready.GetProperty("dossier").GetProperty("timeliness").GetString());

        var returned = await reception.PostAsJsonAsync($"/api/dossiers/{code}/return", new { delivery = "Counter", note = "Công dân nhận trực tiếp" }, Json);
        Assert.True(returned.IsSuccessStatusCode, (await OidcClient.ReadJsonAsync(returned)).ToString());

        var final = await GetAsync(reception, code);
        Assert.Equal(10, Status(final));
        var statuses = final.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("toStatus").ValueKind == JsonValueKind.Number)
            .Select(e => e.GetProperty("toStatus").GetInt32()).ToList();
        Assert.Equal([2, 4, 9, 10], statuses);

        // The control sheet (form 06 of 2025, the old 05): one row per hand-off, with units and timeliness.
        var sheet = await reception.GetStringAsync(new Uri($"/api/dossiers/{code}/control-sheet", UriKind.Relative));
        foreach (var field in new[]
        {
            code, "Nguyễn Thị Hoa", "Sở Tư pháp", "Công an tỉnh", "Bộ phận Tiếp nhận và Trả kết quả", "Phòng Hành chính tư pháp",
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Ban Giám đốc", "Lê Thị Chuyên Viên", "Vũ Văn Công An", "Hoàng Văn Giám Đốc",
        })
        {
            Assert.Contains(field, sheet, StringComparison.Ordinal);
        }

        // Every hand-off was done on the day it was received, ahead of its due day: "Trước hạn" in the rows, beside the column header.
        Assert.True(sheet.Split("Trước hạn").Length - 1 >= 4, sheet);
    }

    private static int Status(JsonElement details) => details.GetProperty("dossier").GetProperty("status").GetInt32();

    private static async Task<string> NoticeHtmlAsync(HttpClient client, string code, JsonElement details, string templateCode)
    {
        var notice = details.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("templateCode").GetString() == templateCode);
        return await client.GetStringAsync(new Uri($"/api/dossiers/{code}/notices/{notice.GetProperty("id").GetString()}", UriKind.Relative));
    }

    /// <summary>Completes the dossier's open step <paramref name="elementId"/> from the officer's inbox.</summary>
    private static async Task CompleteAsync(HttpClient officer, string code, string elementId, string? outcome = null, string? comment = null)
    {
        var inbox = await OidcClient.ReadJsonAsync(await officer.GetAsync(new Uri("/api/inbox?scope=department", UriKind.Relative)));
        var items = inbox.ValueKind == JsonValueKind.Array ? inbox : inbox.GetProperty("items");
        var row = items.EnumerateArray().SingleOrDefault(t => t.GetProperty("dossierCode").GetString() == code && t.GetProperty("elementId").GetString() == elementId);
        Assert.True(row.ValueKind == JsonValueKind.Object, $"{elementId} of {code} is not in the inbox: {inbox}");
        var response = await officer.PostAsJsonAsync($"/api/inbox/{row.GetProperty("taskId").GetString()}/complete", new { outcome, comment }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.NoContent,
            $"{elementId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class SqliteDossierEndToEndTests : DossierEndToEndTests
{
    protected override async Task<OneStopApp> StartAsync() => await OneStopApp.StartAsync(new Dictionary<string, string?>());
}

[Collection(PostgreSqlDefinition.Name)]
public sealed class PostgreSqlDossierEndToEndTests(PostgreSqlServer server) : DossierEndToEndTests
{
    protected override async Task<OneStopApp> StartAsync() => await OneStopApp.StartAsync(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:OneStop"] = await server.CreateDatabaseAsync(),
    });
}

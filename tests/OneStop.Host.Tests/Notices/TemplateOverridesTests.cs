using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Notices;

public sealed class TemplateOverridesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private static readonly Uri Receipt = new("/api/notices/templates/TT03-2025%2F01/override", UriKind.Relative);

    [Fact]
    public async Task A_syntax_error_is_refused_with_its_line_and_column_and_changes_nothing()
    {
        using var admin = await AsAsync(app, "admin");
        var before = await StateAsync(admin);

        var response = await admin.PutAsJsonAsync(Receipt, new { content = "<section>\n<p>{{ owner.name }}</p>\n{{ if dossier.code }}\n<p>không có end</p>\n", note = "thử" });
        var problem = await OidcClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("content").EnumerateArray()).GetString()!;
        Assert.StartsWith("Dòng ", message, StringComparison.Ordinal);
        Assert.Contains(", cột ", message, StringComparison.Ordinal);
        Assert.True(problem.GetProperty("problems")[0].GetProperty("line").GetInt32() >= 3, problem.ToString());
        var after = await StateAsync(admin);
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
        Assert.Equal(before.GetProperty("overridden").GetBoolean(), after.GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public async Task A_saved_override_prints_the_next_receipt_and_deleting_it_returns_to_the_file()
    {
        using var admin = await AsAsync(app, "admin");
        using var reception = await AsAsync(app, "reception");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);
        var file = (await StateAsync(admin)).GetProperty("fileSource").GetString()!;
        var changed = file.Replace("<h1 class=\"title\">", "<p class=\"note\">Mẫu của tỉnh, bản thử 7</p>\n<h1 class=\"title\">", StringComparison.Ordinal);

        var preview = await admin.PostAsJsonAsync(new Uri(Receipt + "/preview", UriKind.Relative), new { content = changed });
        var saved = await admin.PutAsJsonAsync(Receipt, new { content = changed, note = "Thêm dòng ghi chú của tỉnh" });
        var withOverride = await ReceiptHtmlAsync(reception, procedure);
        var reverted = await admin.DeleteAsync(Receipt);
        var withFile = await ReceiptHtmlAsync(reception, procedure);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Mẫu của tỉnh, bản thử 7", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Mẫu của tỉnh, bản thử 7", withOverride, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.DoesNotContain("Mẫu của tỉnh, bản thử 7", withFile, StringComparison.Ordinal);
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", withFile, StringComparison.Ordinal);
        var state = await StateAsync(admin);
        Assert.False(state.GetProperty("overridden").GetBoolean());
        var history = state.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([true, false], history.Take(2).Select(h => h.GetProperty("backToFile").GetBoolean()));
        Assert.Equal("Thêm dòng ghi chú của tỉnh", history[1].GetProperty("note").GetString());
        Assert.Equal("admin", history[1].GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task A_preview_of_a_template_that_fails_while_rendering_names_the_line()
    {
        using var admin = await AsAsync(app, "admin");

        var response = await admin.PostAsJsonAsync(new Uri(Receipt + "/preview", UriKind.Relative),
            new { content = "<p>{{ owner.name }}</p>\n<p>{{ 1.5 | vnd_words }}</p>" });
        var problem = await OidcClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Dòng 2, cột ", problem.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_may_read_or_change_overrides()
    {
        using var reception = await AsAsync(app, "reception");
        using var anonymous = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync(Receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.PutAsJsonAsync(Receipt, new { content = "<p>x</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.DeleteAsync(Receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Receipt)).StatusCode);
    }

    [Fact]
    public async Task The_admin_pages_list_the_templates_and_show_errors_beside_the_editor_keeping_the_text()
    {
        using var admin = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await OidcClient.PostLoginAsync(admin, new Uri("/Account/Login", UriKind.Relative), "admin", OidcClient.DemoPassword)).StatusCode);
        var edit = new Uri("/notices/admin/edit?code=TT03-2025%2F02", UriKind.Relative);

        var list = await admin.GetStringAsync(new Uri("/notices/admin", UriKind.Relative));
        var page = await admin.GetStringAsync(edit);
        const string Broken = "<p>{{ for x in documents }}</p>";
        var response = await admin.PostAsync(new Uri("/notices/admin/edit?code=TT03-2025%2F02&handler=Save", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page), ["Content"] = Broken, ["Note"] = "" }));
        var shown = await response.Content.ReadAsStringAsync();

        Assert.Contains("TT03-2025/07", list, StringComparison.Ordinal);
        Assert.Contains("Thông tư số 03/2025/TT-VPCP", list, StringComparison.Ordinal);
        Assert.Contains("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dòng 1, cột ", shown, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Broken), shown, StringComparison.Ordinal);
        Assert.False((await StateAsync(await AsAsync(app, "admin"), new Uri("/api/notices/templates/TT03-2025%2F02/override", UriKind.Relative)))
            .GetProperty("overridden").GetBoolean());
    }

    private static async Task<JsonElement> StateAsync(HttpClient admin, Uri? uri = null)
    {
        var response = await admin.GetAsync(uri ?? Receipt);
        var body = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static async Task<string> ReceiptHtmlAsync(HttpClient reception, Guid procedure)
    {
        var code = (await ReceiveAsync(reception, Request(procedure))).GetProperty("code").GetString()!;
        var notice = (await GetAsync(reception, code)).GetProperty("notices")[0];
        return await reception.GetStringAsync(new Uri($"/api/dossiers/{code}/notices/{notice.GetProperty("id").GetString()}", UriKind.Relative));
    }
}

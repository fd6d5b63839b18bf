using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Catalogue;

public sealed partial class CatalogueAdminPagesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private static readonly Uri List = new("/catalogue/admin", UriKind.Relative);
    private static readonly Uri New = new("/catalogue/admin/new", UriKind.Relative);

    [Fact]
    public async Task The_list_shows_the_seeded_catalogue_and_search_finds_a_name_typed_without_diacritics()
    {
        using var admin = await SignInAsync("admin");

        var page = await admin.GetStringAsync(List);
        var found = await admin.GetStringAsync(new Uri("/catalogue/admin?q=ly+lich+tu+phap", UriKind.Relative));
        var filtered = await admin.GetStringAsync(new Uri("/catalogue/admin?field=CT&agency=000.00.03.H56", UriKind.Relative));
        var english = await admin.GetStringAsync(new Uri("/catalogue/admin?culture=en&p=2", UriKind.Relative));

        Assert.Contains($"Tìm thấy {await CountAsync()} thủ tục.", page, StringComparison.Ordinal);
        Assert.Equal(20, EditLinks().Count(page));
        Assert.Contains("Trang 1/", page, StringComparison.Ordinal);
        Assert.Contains("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", found, StringComparison.Ordinal);
        Assert.Contains("2.000488.000.00.03.H56", found, StringComparison.Ordinal);
        Assert.Contains("tthc-mot-phong", found, StringComparison.Ordinal);
        Assert.DoesNotContain("2.000815", found, StringComparison.Ordinal);
        Assert.Equal(2, EditLinks().Count(filtered)); // the two certifications (chứng thực) of Sở Tư pháp
        Assert.Contains("Trong ngày", filtered, StringComparison.Ordinal);
        Assert.Contains("Administrative procedure catalogue", english, StringComparison.Ordinal);
        Assert.Contains("Page 2 of ", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_who_are_not_admins_are_sent_to_the_access_denied_page()
    {
        using var specialist = await SignInAsync("specialist");
        using var anonymous = app.CreateHttpClient();

        foreach (var path in new[] { "/catalogue/admin", "/catalogue/admin/new", "/catalogue/admin?handler=Export&format=csv" })
        {
            var response = await specialist.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && new Uri(app.BaseAddress, response.Headers.Location!).AbsolutePath == "/Account/AccessDenied"),
                $"{path}: {response.StatusCode} {response.Headers.Location}");
        }

        var toLogin = await anonymous.GetAsync(List);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.Equal("/Account/Login", new Uri(app.BaseAddress, toLogin.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_empty_name_and_a_bad_duration_are_shown_beside_their_inputs_with_everything_typed_kept()
    {
        using var admin = await SignInAsync("admin");
        var form = NewProcedure("1.999501", await TokenAsync(admin, New));
        Set(form, "Form.Name", "");
        Set(form, "Form.DurationValue", "0");
        Set(form, "Form.NumberOfSets", "hai");

        var response = await admin.PostAsync(New, new FormUrlEncodedContent(form));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bắt buộc nhập.", ErrorBeside(html, "Form.Name", "err-name"));
        Assert.Equal("Thời hạn phải lớn hơn 0.", ErrorBeside(html, "Form.DurationValue", "err-duration-value"));
        Assert.Equal("'hai' không phải là số.", ErrorBeside(html, "Form.NumberOfSets", "err-numberOfSets"));
        var shown = Fields(html);
        foreach (var key in new[] { "Form.NationalCode", "Form.LocalCode", "Form.LegalBasis", "Form.DurationValue", "Form.NumberOfSets", "Form.EffectiveFrom", "Form.FieldCode", "Form.LeadAgencyCode" })
        {
            Assert.Equal(form.Single(f => f.Key == key).Value, shown.Single(f => f.Key == key).Value);
        }

        Assert.Contains(shown, f => f is { Key: "Form.Documents[0].Name", Value: "Tờ khai theo mẫu \"01\" & bản sao" });
        Assert.Contains(shown, f => f is { Key: "Form.Documents[1].CertifiedCopies", Value: "1" });
        Assert.Contains(shown, f => f is { Key: "Form.CooperatingAgencyCodes", Value: "000.00.60.H56" });
        Assert.Contains(shown, f => f is { Key: "Form.DurationUnit", Value: "CalendarDays" });
        Assert.False(await ExistsAsync("1.999501.000.00.03.H56"));
    }

    [Fact]
    public async Task Without_javascript_the_rows_button_drops_ticked_rows_and_adds_blank_ones_without_saving()
    {
        using var admin = await SignInAsync("admin");
        var form = NewProcedure("1.999503", await TokenAsync(admin, New));
        form.Add(new("Form.Documents[0].Remove", "true"));

        var response = await admin.PostAsync(new Uri("/catalogue/admin/new?handler=Rows", UriKind.Relative), new FormUrlEncodedContent(form));
        var shown = Fields(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bản sao giấy khai sinh", "", "", ""], shown.Where(f => f.Key.EndsWith("].Name", StringComparison.Ordinal) && f.Key.StartsWith("Form.Documents", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.Equal("Thủ tục thử nghiệm 1.999503", shown.Single(f => f.Key == "Form.Name").Value);
        Assert.False(await ExistsAsync("1.999503.000.00.03.H56"));
    }

    [Fact]
    public async Task A_valid_procedure_is_created_then_edited_and_the_list_shows_the_change()
    {
        using var admin = await SignInAsync("admin");

        var created = await admin.PostAsync(New, new FormUrlEncodedContent(NewProcedure("1.999502", await TokenAsync(admin, New))));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Đã lưu thủ tục 1.999502.000.00.03.H56.", await admin.GetStringAsync(created.Headers.Location!), StringComparison.Ordinal);
        var listed = await admin.GetStringAsync(new Uri("/catalogue/admin?q=1.999502", UriKind.Relative));
        var edit = new Uri(EditLinks().Match(listed).Groups["href"].Value, UriKind.Relative);

        // What the browser would send back from the edit page, with the name changed, a row removed and a row added.
        var fields = Fields(await admin.GetStringAsync(edit));
        Set(fields, "Form.Name", "Thủ tục thử nghiệm đã sửa tên");
        fields.Add(new("Form.Documents[0].Remove", "true"));
        Set(fields, "Form.Documents[2].Name", "Giấy tờ thêm sau");
        Set(fields, "Form.Documents[2].CertifiedCopies", "2");
        var saved = await admin.PostAsync(edit, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync(new Uri("/catalogue/admin?q=1.999502", UriKind.Relative));
        Assert.Contains("Thủ tục thử nghiệm đã sửa tên", after, StringComparison.Ordinal);
        Assert.Contains("7 ngày", after, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var procedure = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().CatalogueProcedures.WithDetails()
            .SingleAsync(p => p.LocalCode == "1.999502.000.00.03.H56");
        Assert.Equal(["Bản sao giấy khai sinh", "Giấy tờ thêm sau"], procedure.Documents.OrderBy(d => d.Position).Select(d => d.Name));
        Assert.Equal("000.00.60.H56", procedure.CooperatingAgencies.Single().Code);
        Assert.Equal(DurationUnit.CalendarDays, procedure.Duration.Unit);
    }

    [Fact]
    public async Task Saving_a_seeded_procedure_unchanged_keeps_every_value()
    {
        using var admin = await SignInAsync("admin");
        var listed = await admin.GetStringAsync(new Uri("/catalogue/admin?q=2.000815", UriKind.Relative));
        var edit = new Uri(EditLinks().Match(listed).Groups["href"].Value, UriKind.Relative);
        var before = await CellsAsync("2.000815");

        var saved = await admin.PostAsync(edit, new FormUrlEncodedContent(Fields(await admin.GetStringAsync(edit))));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before, await CellsAsync("2.000815"));
        Assert.Contains("PerPage", before["fees"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_documents_upload_rule_is_edited_on_the_page_and_kept()
    {
        using var admin = await SignInAsync("admin");
        var listed = await admin.GetStringAsync(new Uri("/catalogue/admin?q=2.001719", UriKind.Relative));
        var edit = new Uri(EditLinks().Match(listed).Groups["href"].Value, UriKind.Relative);
        var before = await CellsAsync("2.001719");
        var fields = Fields(await admin.GetStringAsync(edit));

        var unchanged = await admin.PostAsync(edit, new FormUrlEncodedContent(fields));
        var afterUnchanged = await CellsAsync("2.001719");
        // The first document: PDF only, at most 500 KB.
        fields.Add(new("Form.Documents[0].FileTypes", "Pdf"));
        fields.RemoveAll(f => f.Key == "Form.Documents[0].MaxUploadKb");
        fields.Add(new("Form.Documents[0].MaxUploadKb", "500"));
        var restricted = await admin.PostAsync(edit, new FormUrlEncodedContent(fields));
        fields.RemoveAll(f => f.Key == "Form.Documents[0].MaxUploadKb");
        fields.Add(new("Form.Documents[0].MaxUploadKb", "0"));
        var invalid = await admin.PostAsync(edit, new FormUrlEncodedContent(fields));

        Assert.Contains("Ảnh chân dung 2cm x 3cm (1/0/0) [jpeg, png; 2 MB]", before["documents"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Equal(before, afterUnchanged);
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        Assert.StartsWith("Đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên (1/0/0) [pdf; 500 KB]\n", (await CellsAsync("2.001719"))["documents"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Dung lượng tối đa từ 1 KB", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_three_bad_rows_lists_each_row_with_its_reasons_and_imports_nothing()
    {
        using var admin = await SignInAsync("admin");
        var rows = new[]
        {
            Cells(CatalogueApiTests.Valid("1.999601")),
            Cells(CatalogueApiTests.Valid("1.999602") with { LeadAgencyCode = "000.00.98.H56" }),
            Cells(CatalogueApiTests.Valid("1.999603")),
            Cells(CatalogueApiTests.Valid("1.999604"), c => c["durationValue"] = "mười"),
            Cells(CatalogueApiTests.Valid("1.999601"), c => c["feeMode"] = "Sometimes"),
        };
        var before = await CountAsync();

        var html = await ImportAsync(admin, Spreadsheets.WriteCsv(CatalogueFile.Columns, rows));

        Assert.Contains("Tệp có 3/5 dòng lỗi; chưa nhập dòng nào.", html, StringComparison.Ordinal);
        Assert.Equal(["3", "5", "6"], ReportRows().Matches(html).Select(m => m.Groups["row"].Value));
        Assert.Contains("leadAgencyCode: Không có cơ quan mã '000.00.98.H56'.", ReportRow(html, 3), StringComparison.Ordinal);
        Assert.Contains("durationValue: 'mười' không phải là số", ReportRow(html, 5), StringComparison.Ordinal);
        Assert.Contains("feeMode: 'Sometimes' không hợp lệ", ReportRow(html, 6), StringComparison.Ordinal);
        Assert.Contains("trùng với dòng 2", ReportRow(html, 6), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.False(await ExistsAsync("1.999601.000.00.03.H56"));
    }

    [Fact]
    public async Task The_page_exports_the_catalogue_file_and_imports_a_good_one_with_its_counts()
    {
        using var admin = await SignInAsync("admin");

        var export = await admin.GetAsync(new Uri("/catalogue/admin?handler=Export&format=csv", UriKind.Relative));
        var xlsx = await admin.GetAsync(new Uri("/catalogue/admin?handler=Export&format=xlsx", UriKind.Relative));
        var html = await ImportAsync(admin, Spreadsheets.WriteCsv(CatalogueFile.Columns, [Cells(CatalogueApiTests.Valid("1.999701"))]));

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("danh-muc-tthc.csv", export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        var exported = CatalogueFile.ToRows(Spreadsheets.ReadCsv(await export.Content.ReadAsStringAsync()), out var problem);
        Assert.Null(problem);
        Assert.Contains(exported, r => r.Cells["localCode"] == "2.000488.000.00.03.H56");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Đã nhập 1 dòng: thêm mới 1 thủ tục, cập nhật 0 thủ tục, thêm 0 lĩnh vực.", html, StringComparison.Ordinal);
        Assert.True(await ExistsAsync("1.999701.000.00.03.H56"));
    }

    /// <summary>A complete new-procedure form as the page posts it (two documents), with text that needs encoding.</summary>
    private static List<KeyValuePair<string, string>> NewProcedure(string nationalCode, string token) =>
    [
        new("__RequestVerificationToken", token),
        new("Form.NationalCode", nationalCode),
        new("Form.LocalCode", $"{nationalCode}.000.00.03.H56"),
        new("Form.Name", $"Thủ tục thử nghiệm {nationalCode}"),
        new("Form.FieldCode", "HT"),
        new("Form.LeadAgencyCode", "000.00.03.H56"),
        new("Form.CooperatingAgencyCodes", "000.00.60.H56"),
        new("Form.LegalBasis", "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP"),
        new("Form.Documents.Index", "0"),
        new("Form.Documents[0].Name", "Tờ khai theo mẫu \"01\" & bản sao"),
        new("Form.Documents[0].Originals", "1"),
        new("Form.Documents[0].CertifiedCopies", ""),
        new("Form.Documents[0].Photocopies", ""),
        new("Form.Documents.Index", "1"),
        new("Form.Documents[1].Name", "Bản sao giấy khai sinh"),
        new("Form.Documents[1].CertifiedCopies", "1"),
        new("Form.NumberOfSets", "1"),
        new("Form.DurationValue", "7"),
        new("Form.DurationUnit", "CalendarDays"),
        new("Form.FeeMode", "Exempt"),
        new("Form.OnlineLevel", "Partly"),
        new("Form.ResultType", "Giấy xác nhận"),
        new("Form.WorkflowKey", "tthc-mot-phong"),
        new("Form.SupplementRule", "Pause"),
        new("Form.EffectiveFrom", "2025-07-01"),
    ];

    private Task<HttpClient> SignInAsync(string user) => OidcClient.SessionAsync(app, user);

    private static async Task<string> TokenAsync(HttpClient http, Uri page) => OidcClient.AntiforgeryToken(await http.GetStringAsync(page));

    private static async Task<string> ImportAsync(HttpClient admin, byte[] csv)
    {
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(admin, List)), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "file", "danh-muc.csv" },
        };
        var response = await admin.PostAsync(new Uri("/catalogue/admin?handler=Import", UriKind.Relative), upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The message of the error element that directly follows the input (or textarea) named <paramref name="name"/>, which
    /// names it in aria-describedby. A number input may have the hidden "__Invariant" marker of ASP.NET Core in between.
    /// </summary>
    private static string ErrorBeside(string html, string name, string errorId)
    {
        var match = Regex.Match(html, $"<(input|textarea)\\b(?=[^>]*\\bname=\"{Regex.Escape(name)}\")(?=[^>]*\\baria-describedby=\"{errorId}\")[^>]*>(?:[^<]*</textarea>|<input name=\"__Invariant\"[^>]*>)?\\s*<span class=\"field-error\" id=\"{errorId}\">(?<message>[^<]*)</span>");
        Assert.True(match.Success, $"no error {errorId} beside {name}");
        return WebUtility.HtmlDecode(match.Groups["message"].Value);
    }

    /// <summary>The fields the page's form would submit: inputs, checked boxes, textareas and selected options, in order.</summary>
    private static List<KeyValuePair<string, string>> Fields(string html)
    {
        static string Attribute(string tag, string name) =>
            Regex.Match(tag, $"\\b{name}=\"(?<v>[^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value) : "";

        var form = Regex.Replace(html, "<template\\b.*?</template>", "", RegexOptions.Singleline);
        var fields = new List<(int At, string Name, string Value)>();
        foreach (Match input in Regex.Matches(form, "<input\\b[^>]*>"))
        {
            var type = Attribute(input.Value, "type");
            if (type is "submit" or "button" or "file" || Attribute(input.Value, "name").Length == 0
                || (type is "checkbox" or "radio" && !Regex.IsMatch(input.Value, "\\bchecked\\b")))
            {
                continue;
            }

            fields.Add((input.Index, Attribute(input.Value, "name"), Attribute(input.Value, "value")));
        }

        foreach (Match area in Regex.Matches(form, "<textarea\\b(?<attributes>[^>]*)>(?<text>.*?)</textarea>", RegexOptions.Singleline))
        {
            // A browser drops the newline that follows <textarea>.
            var text = WebUtility.HtmlDecode(area.Groups["text"].Value);
            fields.Add((area.Index, Attribute(area.Groups["attributes"].Value, "name"), text.StartsWith("\r\n", StringComparison.Ordinal) ? text[2..] : text.TrimStart('\n')));
        }

        foreach (Match select in Regex.Matches(form, "<select\\b(?<attributes>[^>]*)>(?<options>.*?)</select>", RegexOptions.Singleline))
        {
            foreach (Match option in Regex.Matches(select.Groups["options"].Value, "<option\\b[^>]*\\bselected\\b[^>]*>"))
            {
                fields.Add((select.Index, Attribute(select.Groups["attributes"].Value, "name"), Attribute(option.Value, "value")));
            }
        }

        return [.. fields.OrderBy(f => f.At).Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var at = fields.FindIndex(f => f.Key == name);
        Assert.True(at >= 0, $"no field {name}");
        fields[at] = new(name, value);
    }

    private static string ReportRow(string html, int row) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<tr id=\"import-row-{row}\">.*?</tr>", RegexOptions.Singleline).Value);

    private static Dictionary<string, string> Cells(ProcedureRequest request, Action<Dictionary<string, string>>? change = null)
    {
        var cells = CatalogueFile.ToCells(request, "Hộ tịch");
        change?.Invoke(cells);
        return cells;
    }

    private async Task<Dictionary<string, string>> CellsAsync(string nationalCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var procedure = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().CatalogueProcedures.AsNoTracking().WithDetails()
            .SingleAsync(p => p.NationalCode == nationalCode);
        return CatalogueFile.ToCells(CatalogueRules.ToRequest(procedure), procedure.Field!.Name);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().CatalogueProcedures.CountAsync();
    }

    private async Task<bool> ExistsAsync(string localCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().CatalogueProcedures.AnyAsync(p => p.LocalCode == localCode);
    }

    [GeneratedRegex("<a href=\"(?<href>/catalogue/admin/[0-9a-f-]{36})\">")]
    private static partial Regex EditLinks();

    [GeneratedRegex("<tr id=\"import-row-(?<row>\\d+)\">")]
    private static partial Regex ReportRows();
}

using System.Net;
using System.Text.RegularExpressions;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Reception;

/// <summary>The counter's pages over real HTTP with the signed-in session, as a browser without scripts uses them.</summary>
public sealed partial class ReceptionPagesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    /// <summary>Chứng thực bản sao từ bản chính: resolved on the spot (flow tthc-tai-cho), charged per page.</summary>
    private const string CertificationProcedure = "2.000815.000.00.03.H56";

    [Fact]
    public async Task Search_without_diacritics_lists_the_procedure_with_a_link_to_its_form()
    {
        using var http = await SignedInAsync("reception");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);

        var html = await http.GetStringAsync(new Uri("/reception?q=khai+sinh", UriKind.Relative));

        Assert.Contains($"href=\"/reception/new?procedure={procedure}\"", html, StringComparison.Ordinal);
        Assert.Contains("Liên thông các thủ tục hành chính về đăng ký khai sinh", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_form_comes_back_with_each_error_next_to_its_input_and_keeps_what_was_typed()
    {
        using var http = await SignedInAsync("reception");
        var url = await FormUrlAsync();
        var fields = await ValidFormAsync(http, url);
        fields["Form.Applicant.Name"] = " ";
        fields["Form.Applicant.IdNumber"] = "12";
        fields["Form.NumberOfSets"] = "0";
        // The first line is not ticked, so the service's documents[0] is the form's second line.
        fields["Form.Documents[0].Received"] = "false";
        fields["Form.Documents[1].Originals"] = "0";

        var response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tờ khai đăng ký khai sinh", fields["Form.Documents[0].Name"]);
        Assert.Contains("Nhập họ tên hoặc tên tổ chức", ErrorNextTo(html, "applicant.name"), StringComparison.Ordinal);
        Assert.Contains("9 đến 13", ErrorNextTo(html, "applicant.idNumber"), StringComparison.Ordinal);
        Assert.Contains("Số bộ hồ sơ từ 1 đến 20", ErrorNextTo(html, "numberOfSets"), StringComparison.Ordinal);
        Assert.Contains("phải lớn hơn 0", ErrorNextTo(html, "documents[1]"), StringComparison.Ordinal);
        Assert.Empty(ErrorNextTo(html, "documents[0]"));
        Assert.Empty(ErrorNextTo(html, "applicant.phone"));
        Assert.Contains("value=\"0912345678\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12 Trần Phú, phường Hải Châu\"", html, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh cho con</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_form_redirects_to_the_dossier_with_its_code_status_and_the_counters_next_step()
    {
        using var http = await SignedInAsync("reception");
        var url = await FormUrlAsync();
        var fields = await ValidFormAsync(http, url);

        var response = await http.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var code = Assert.Single(DossierLink().Matches(location)).Groups[1].Value;
        Assert.Matches(@"^000\.00\.03\.H56-\d{6}-\d{4}$", code);
        var page = await http.GetStringAsync(new Uri(location, UriKind.Relative));
        Assert.Contains($"data-testid=\"dossier-code\">{code}<", page, StringComparison.Ordinal);
        Assert.Contains(">Được tiếp nhận<", page, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"forward-button\"", page, StringComparison.Ordinal);
        var home = await http.GetStringAsync(new Uri("/reception", UriKind.Relative));
        Assert.Contains($"href=\"/reception/dossiers/{code}\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarding_completes_the_counters_step_and_hands_the_dossier_to_the_department()
    {
        using var http = await SignedInAsync("reception");
        var url = await FormUrlAsync();
        var received = await http.PostAsync(url, new FormUrlEncodedContent(await ValidFormAsync(http, url)));
        var dossierUrl = new Uri(received.Headers.Location!.OriginalString, UriKind.Relative);
        var page = await http.GetStringAsync(dossierUrl);
        var taskId = TaskId().Match(page).Groups[1].Value;

        var forward = await http.PostAsync(new Uri(dossierUrl + "?handler=CompleteStep", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["taskId"] = taskId,
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        }));
        var after = await http.GetStringAsync(forward.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, forward.StatusCode);
        Assert.Contains("Đã chuyển hồ sơ cho cơ quan chủ trì.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"forward-button\"", after, StringComparison.Ordinal);
        Assert.Contains("Thẩm định hồ sơ", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_needs_a_reason_then_records_the_dossier_as_not_received()
    {
        using var http = await SignedInAsync("reception");
        var url = await FormUrlAsync();
        var fields = await ValidFormAsync(http, url);
        var refuse = new Uri(url + "&handler=Refuse", UriKind.Relative);

        var withoutReason = await http.PostAsync(refuse, new FormUrlEncodedContent(fields));
        fields["Form.RefusalReason"] = "Thiếu giấy chứng sinh bản chính";
        var refused = await http.PostAsync(refuse, new FormUrlEncodedContent(fields));

        Assert.Contains("Nêu rõ lý do từ chối tiếp nhận.", ErrorNextTo(await withoutReason.Content.ReadAsStringAsync(), "reason"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await http.GetStringAsync(refused.Headers.Location!);
        Assert.Contains(">Không được tiếp nhận<", page, StringComparison.Ordinal);
        Assert.Contains("Thiếu giấy chứng sinh bản chính", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_spot_dossier_is_charged_per_page_resolved_and_returned_at_the_counter()
    {
        using var http = await SignedInAsync("reception");
        var url = await FormUrlAsync(CertificationProcedure);
        var fields = await ValidFormAsync(http, url);
        fields["Form.FeeUnits"] = "5";

        var received = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        var dossierUrl = new Uri(received.Headers.Location!.OriginalString, UriKind.Relative);
        var page = await http.GetStringAsync(dossierUrl);
        // 2.000 đ a page for the first two pages, 1.000 đ for each after: 2 × 2.000 + 3 × 1.000.
        Assert.Contains("7.000 đ", page, StringComparison.Ordinal);
        var resolved = await http.PostAsync(new Uri(dossierUrl + "?handler=CompleteStep", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["taskId"] = TaskId().Match(page).Groups[1].Value,
            ["outcome"] = "Giải quyết xong",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        }));
        var ready = await http.GetStringAsync(resolved.Headers.Location!);
        var returned = await http.PostAsync(new Uri(dossierUrl + "?handler=Return", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["delivery"] = "Counter",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(ready),
        }));
        var done = await http.GetStringAsync(returned.Headers.Location!);

        Assert.Contains(">Đã xử lý xong<", ready, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"return-button\"", ready, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Contains(">Đã trả kết quả<", done, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"return-button\"", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_specialist_is_denied_the_counter_pages()
    {
        using var http = await SignedInAsync("specialist");

        var home = await http.GetAsync(new Uri("/reception", UriKind.Relative));
        var form = await http.GetAsync(new Uri(await FormUrlAsync(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/AccessDenied", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/Account/AccessDenied", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignedInAsync(string user) => OidcClient.SessionAsync(app, user);

    private async Task<string> FormUrlAsync(string localCode = InterAgencyProcedure) => $"/reception/new?procedure={await ProcedureIdAsync(app, localCode)}";

    /// <summary>The form as the page offers it (documents ticked with their counts), with an applicant filled in.</summary>
    private static async Task<Dictionary<string, string>> ValidFormAsync(HttpClient http, string url)
    {
        var page = await http.GetStringAsync(new Uri(url, UriKind.Relative));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Form.Applicant.Kind"] = "Citizen",
            ["Form.Applicant.Name"] = "Nguyễn Thị Hoa",
            ["Form.Applicant.IdNumber"] = "001190012345",
            ["Form.Applicant.Phone"] = "0912345678",
            ["Form.Applicant.Email"] = "hoa@example.test",
            ["Form.Applicant.Address"] = "12 Trần Phú, phường Hải Châu",
            ["Form.Request"] = "Đăng ký khai sinh cho con",
            ["Form.NumberOfSets"] = "1",
            ["Form.Channel"] = "Counter",
            ["Form.ResultDelivery"] = "Counter",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        };
        foreach (Match input in DocumentInput().Matches(page))
        {
            fields[$"Form.Documents[{input.Groups[1].Value}].{input.Groups[2].Value}"] = WebUtility.HtmlDecode(input.Groups[3].Value);
            fields[$"Form.Documents[{input.Groups[1].Value}].Received"] = "true";
        }

        Assert.Equal("1", fields["Form.Documents[0].Originals"]);
        return fields;
    }

    /// <summary>The text of the error span that belongs to the input <paramref name="key"/> names.</summary>
    private static string ErrorNextTo(string html, string key)
    {
        var span = Regex.Match(html, $"<span[^>]*id=\"err-{Regex.Escape(key)}\"[^>]*>([^<]*)</span>");
        Assert.True(span.Success, $"no error place for {key}");
        return WebUtility.HtmlDecode(span.Groups[1].Value).Trim();
    }

    // The checklist's inputs as rendered: <input ... name="Form.Documents[i].X" value="…">, attributes in any order.
    [GeneratedRegex("<input(?=[^>]*name=\"Form\\.Documents\\[(\\d+)\\]\\.(Name|Originals|CertifiedCopies|Photocopies)\")(?=[^>]*value=\"([^\"]*)\")[^>]*>")]
    private static partial Regex DocumentInput();

    [GeneratedRegex(@"^/reception/dossiers/([^/?]+)$")]
    private static partial Regex DossierLink();

    [GeneratedRegex("name=\"taskId\" value=\"([^\"]+)\"")]
    private static partial Regex TaskId();
}

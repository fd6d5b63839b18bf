using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Inbox;

public sealed partial class InboxPagesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task A_specialist_finds_the_step_in_the_department_tab_claims_it_and_completes_it_on_the_page()
    {
        var (code, taskId) = await ReviewStepAsync("1.001193.000.00.03.H56");
        using var specialist = await SignInAsync("specialist");

        var list = await specialist.GetStringAsync(new Uri("/inbox?scope=department", UriKind.Relative));
        Assert.Matches($"data-testid=\"task-row\" data-task-id=\"{taskId}\" data-dossier-code=\"{Regex.Escape(code)}\"", list);
        var claimed = await specialist.PostAsync(new Uri("/inbox?handler=Claim&scope=department", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["taskId"] = taskId, ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(list) }));
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Contains(taskId, await specialist.GetStringAsync(new Uri("/inbox?scope=mine", UriKind.Relative)), StringComparison.Ordinal);

        var page = await specialist.GetStringAsync(new Uri($"/inbox/{taskId}", UriKind.Relative));
        Assert.Contains("data-testid=\"complete-button\"", page, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", page, StringComparison.Ordinal);
        var done = await specialist.PostAsync(new Uri($"/inbox/{taskId}?handler=Complete", UriKind.Relative), Form(page, ("Comment", "Đủ điều kiện")));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var confirmation = await specialist.GetStringAsync(done.Headers.Location!);
        Assert.Contains($"Đã xử lý xong bước của hồ sơ {code}.", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-task-id=\"{taskId}\"", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_request_without_its_reason_shows_the_error_beside_the_field_and_keeps_what_was_typed()
    {
        var (_, taskId) = await ReviewStepAsync("2.000488.000.00.03.H56");
        using var specialist = await SignInAsync("specialist");
        var page = await specialist.GetStringAsync(new Uri($"/inbox/{taskId}", UriKind.Relative));
        Assert.Contains("data-testid=\"supplement-fields\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"outcome-Yêu cầu bổ sung\"", page, StringComparison.Ordinal);

        var response = await specialist.PostAsync(new Uri($"/inbox/{taskId}?handler=Complete", UriKind.Relative),
            Form(page, ("Outcome", "Yêu cầu bổ sung"), ("Comment", "Thiếu giấy tờ"), ("SupplementDocuments", "Giấy xác nhận cư trú")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<span class=\"field-error\" id=\"err-supplementReason\">Nêu lý do", html);
        Assert.Contains(">Thiếu giấy tờ</textarea>", html, StringComparison.Ordinal);
        Assert.Contains(">Giấy xác nhận cư trú</textarea>", html, StringComparison.Ordinal);
    }

    /// <summary>Receives a dossier, completes the counter's step, and returns the specialist's review step.</summary>
    private async Task<(string Code, string TaskId)> ReviewStepAsync(string procedure)
    {
        using var reception = await AsAsync(app, "reception");
        using var specialist = await AsAsync(app, "specialist");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, procedure)))).GetProperty("code").GetString()!;
        var counter = await TaskAsync(reception, code);
        Assert.Equal(HttpStatusCode.OK, (await reception.PostAsJsonAsync($"/api/inbox/{counter}/complete", new { }, Json)).StatusCode);
        return (code, await TaskAsync(specialist, code));
    }

    private static async Task<string> TaskAsync(HttpClient user, string code)
    {
        var inbox = await OidcClient.ReadJsonAsync(await user.GetAsync(new Uri("/api/inbox?scope=department", UriKind.Relative)));
        return Assert.Single(inbox.GetProperty("items").EnumerateArray(), r => r.GetProperty("dossierCode").GetString() == code)
            .GetProperty("taskId").GetString()!;
    }

    private Task<HttpClient> SignInAsync(string user) => OidcClient.SessionAsync(app, user);

    /// <summary>The completion form as the browser posts it (multipart, with the page's anti-forgery token).</summary>
    private static MultipartFormDataContent Form(string page, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(OidcClient.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}

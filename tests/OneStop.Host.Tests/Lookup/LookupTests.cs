using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;
using OneStop.Workflows.Persistence;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Lookup;

/// <summary>The public look-up at /tra-cuu and /api/lookup/{code}: anonymous, no personal data, one answer for every miss, rate-limited.</summary>
public sealed partial class LookupTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private const string Name = "Trịnh Quỳnh Xuyến";
    private const string IdNumber = "079188776655";
    private const string Phone = "0966554433";
    private const string Email = "xuyen.tq@vidu.test";
    private const string Address = "88 ngõ Ổ Gà, phường Cửa Nam";
    private const string SubmitterName = "Lò Văn Đượm";
    private const string RequestText = "Cấp bản sao trích lục cho cháu Bống";
    private const string Comment = "Ghi chú nội bộ: đã gọi điện cho chị Xuyến";
    private const string ReceptionOfficer = "Trần Văn Tiếp Nhận";

    [Fact]
    public async Task A_looked_up_dossier_shows_procedure_status_and_appointment_and_no_personal_data()
    {
        var (code, procedureName) = await ReceiveAndForwardWithCommentAsync();
        using var anonymous = app.CreateHttpClient();

        var api = await anonymous.GetAsync(new Uri($"/api/lookup/{code}", UriKind.Relative));
        var json = await api.Content.ReadAsStringAsync();
        var page = await anonymous.GetAsync(new Uri($"/tra-cuu?code={Uri.EscapeDataString(code)}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var found = JsonDocument.Parse(json).RootElement;
        Assert.Equal(code, found.GetProperty("code").GetString());
        Assert.Equal(procedureName, found.GetProperty("procedure").GetString());
        Assert.Equal(4, found.GetProperty("status").GetInt32());
        Assert.Equal("Đang xử lý", found.GetProperty("statusName").GetString());
        Assert.False(found.GetProperty("resultReady").GetBoolean());
        var appointment = found.GetProperty("appointmentAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(7), appointment.Offset);
        // The forwarded dossier sits with Sở Tư pháp's processing department: named, not coded, and no officer.
        Assert.Contains("Sở Tư pháp", Assert.Single(found.GetProperty("currentUnits").EnumerateArray()).GetString(), StringComparison.Ordinal);
        var actions = found.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains(DossierActions.Received, actions);
        Assert.Contains(DossierActions.StepCompleted, actions);
        Assert.DoesNotContain(DossierActions.NoticeIssued, actions);

        Assert.Contains(procedureName, html, StringComparison.Ordinal);
        Assert.Contains("4. Đang xử lý", html, StringComparison.Ordinal);
        Assert.Contains(appointment.ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        foreach (var secret in new[] { Name, IdNumber, Phone, Email, Address, SubmitterName, RequestText, Comment, ReceptionOfficer, "Xuyến", "reception", "specialist" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_refused_dossier_shows_status_3_without_the_reason()
    {
        using var reception = await AsAsync(app, "reception");
        var procedure = await ProcedureIdAsync(app, InterAgencyProcedure);
        const string reason = "Thiếu giấy chứng sinh của cháu Bống";
        var refused = await reception.PostAsJsonAsync("/api/dossiers/refusals",
            new RefuseDossierRequest { ProcedureId = procedure, Applicant = new PartyDto(ApplicantKind.Citizen, Name, IdNumber, Phone, Email, Address), Reason = reason }, Json);
        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
        var code = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var anonymous = app.CreateHttpClient();

        var json = await anonymous.GetStringAsync(new Uri($"/api/lookup/{code}", UriKind.Relative));

        Assert.Equal(3, JsonDocument.Parse(json).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Bống", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_is_found_whatever_its_case_and_surrounding_spaces_and_in_English()
    {
        var (code, _) = await ReceiveAndForwardWithCommentAsync();
        using var anonymous = app.CreateHttpClient();

        var html = await anonymous.GetStringAsync(new Uri($"/tra-cuu?culture=en&code={Uri.EscapeDataString("  " + code.ToLowerInvariant() + " ")}", UriKind.Relative));

        Assert.Contains("4. In progress", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc<script>alert(1)</script>")]
    [InlineData("000.00.03.H56-000000-0000 OR 1=1")]
    [InlineData("x")]
    public async Task Unknown_and_malformed_codes_get_the_same_answer(string malformed)
    {
        const string unknown = "000.00.03.H56-991231-9999";
        using var anonymous = app.CreateHttpClient();

        var unknownApi = await anonymous.GetAsync(new Uri($"/api/lookup/{Uri.EscapeDataString(unknown)}", UriKind.Relative));
        var malformedApi = await anonymous.GetAsync(new Uri($"/api/lookup/{Uri.EscapeDataString(malformed)}", UriKind.Relative));
        var unknownPage = await anonymous.GetAsync(new Uri($"/tra-cuu?code={Uri.EscapeDataString(unknown)}", UriKind.Relative));
        var malformedPage = await anonymous.GetAsync(new Uri($"/tra-cuu?code={Uri.EscapeDataString(malformed)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformedApi.StatusCode);
        Assert.Equal(await unknownApi.Content.ReadAsByteArrayAsync(), await malformedApi.Content.ReadAsByteArrayAsync());
        Assert.Equal(unknownApi.Content.Headers.ContentType, malformedApi.Content.Headers.ContentType);

        Assert.Equal(HttpStatusCode.NotFound, unknownPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformedPage.StatusCode);
        var unknownHtml = await unknownPage.Content.ReadAsStringAsync();
        var malformedHtml = await malformedPage.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy hồ sơ", unknownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", malformedHtml, StringComparison.Ordinal);
        // The typed code stays in the field (encoded); everything else on the two pages is the same.
        Assert.Equal(TypedValue().Replace(unknownHtml, ""), TypedValue().Replace(malformedHtml, ""));
    }

    [Fact]
    public async Task The_page_without_a_code_is_a_form_that_needs_no_sign_in()
    {
        using var anonymous = app.CreateHttpClient();

        var page = await anonymous.GetAsync(new Uri("/tra-cuu", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"get\" action=\"/tra-cuu\"", html, StringComparison.Ordinal);
        Assert.Contains("Quét mã QR / mã vạch", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"lookup-not-found\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_permit_limit_the_client_gets_429_with_the_message_and_Retry_After()
    {
        await using var limited = await OneStopApp.StartAsync(new Dictionary<string, string?>
        {
            ["Lookup:PermitLimit"] = "3",
            ["Lookup:WindowSeconds"] = "600",
        });
        using var anonymous = limited.CreateHttpClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await anonymous.GetAsync(new Uri($"/api/lookup/000.00.03.H56-991231-000{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        var api = await anonymous.GetAsync(new Uri("/api/lookup/000.00.03.H56-991231-0009", UriKind.Relative));
        var page = await anonymous.GetAsync(new Uri("/tra-cuu?code=000.00.03.H56-991231-0009", UriKind.Relative));
        var elsewhere = await anonymous.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var retryAfter = api.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Vui lòng thử lại sau", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng thử lại sau", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Behind_a_named_proxy_each_citizen_has_a_window_and_otherwise_X_Forwarded_For_is_ignored(bool proxyNamed)
    {
        var settings = new Dictionary<string, string?> { ["Lookup:PermitLimit"] = "2", ["Lookup:WindowSeconds"] = "600" };
        if (proxyNamed)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        }

        await using var limited = await OneStopApp.StartAsync(settings);
        using var proxy = limited.CreateHttpClient();
        async Task<HttpStatusCode> LookUpAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/lookup/000.00.03.H56-991231-0001", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", client);
            return (await proxy.SendAsync(request)).StatusCode;
        }

        var first = new[] { await LookUpAsync("203.0.113.5"), await LookUpAsync("203.0.113.5"), await LookUpAsync("203.0.113.5") };
        var other = await LookUpAsync("203.0.113.6");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], first);
        // Named proxy: another citizen behind it has a window of their own. Not named: the header is anyone's to forge.
        Assert.Equal(proxyNamed ? HttpStatusCode.NotFound : HttpStatusCode.TooManyRequests, other);
    }

    /// <summary>A dossier of a distinctive applicant, forwarded by the counter with a comment (a public step carrying a comment).</summary>
    private async Task<(string Code, string ProcedureName)> ReceiveAndForwardWithCommentAsync()
    {
        using var reception = await AsAsync(app, "reception");
        var request = Request(await ProcedureIdAsync(app, InterAgencyProcedure)) with
        {
            Applicant = new PartyDto(ApplicantKind.Citizen, Name, IdNumber, Phone, Email, Address),
            Submitter = new PartyDto(ApplicantKind.Citizen, SubmitterName, "079099001122", "0977000111"),
            Request = RequestText,
        };
        var created = await ReceiveAsync(reception, request);
        var code = created.GetProperty("code").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var forward = Assert.Single(await engine.ListUserTasksAsync(new UserTaskQuery { BusinessKey = code }));
            using var _ = DossierCommand.Begin(new DossierCommand("reception", Comment));
            await engine.CompleteUserTaskAsync(forward.Id, new CompleteUserTaskRequest { User = "reception" });
        }

        return (code, created.GetProperty("procedureName").GetString()!);
    }

    [GeneratedRegex("""(?<=id="lookup-code" name="code" type="text") value="[^"]*"|(?<=returnUrl=)[^"]*""")]
    private static partial Regex TypedValue();
}

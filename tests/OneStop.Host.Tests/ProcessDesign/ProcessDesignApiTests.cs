using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using OneStop.Workflows;

namespace OneStop.Host.Tests.ProcessDesign;

/// <summary>The designer API's rules that the browser tests do not reach, over real HTTP with the designer's session.</summary>
public sealed partial class ProcessDesignApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private const string Flows = "/api/process-definitions";

    [Fact]
    public async Task The_list_names_the_catalogues_procedures_that_run_each_flow()
    {
        using var http = await SessionAsync("designer");

        var flows = (await Json(await http.GetAsync(Uri(Flows)))).EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);

        // Đăng ký hành nghề và cấp Thẻ công chứng viên runs on the one-department flow; a new flow serves nothing yet.
        Assert.Contains("2.001719.000.00.03.H56", flows["tthc-mot-phong"].GetProperty("procedures").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain("2.001719.000.00.03.H56", flows["tthc-lien-thong"].GetProperty("procedures").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Saving_over_a_newer_revision_is_refused_with_409_naming_who_saved_and_when()
    {
        using var http = await SessionAsync("designer");
        var created = await CreateAsync(http, "stale_flow", "Starter");
        var xml = created.GetProperty("xml").GetString()!;

        var first = await http.PutAsJsonAsync(Uri($"{Flows}/stale_flow/draft"), new { xml, revision = 1 });
        var second = await http.PutAsJsonAsync(Uri($"{Flows}/stale_flow/draft"), new { xml, revision = 1 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await Json(first)).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await Json(second);
        Assert.Equal("OS5002", problem.GetProperty("code").GetString());
        Assert.Equal("designer", problem.GetProperty("updatedBy").GetString());
        Assert.Matches(SavedByDesignerAt(), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Publishing_a_draft_with_errors_is_refused_with_422_and_each_problem_names_its_element()
    {
        using var http = await SessionAsync("designer");
        await CreateAsync(http, "broken_flow", "Blank");
        var saved = await http.PutAsJsonAsync(Uri($"{Flows}/broken_flow/draft"), new { xml = GatewayWithoutOutgoing("broken_flow"), revision = 1 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var publish = await http.PostAsJsonAsync(Uri($"{Flows}/broken_flow/publish"), new { revision = 2 });
        var versions = await http.GetFromJsonAsync<JsonElement>(Uri($"{Flows}/broken_flow/versions"));

        Assert.Equal((HttpStatusCode)422, publish.StatusCode);
        var problem = await Json(publish);
        Assert.Equal("OS5005", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p =>
            p.GetProperty("code").GetString() == "OS2003" && p.GetProperty("elementId").GetString() == "Gateway_1" && p.GetProperty("severity").GetString() == "Error");
        Assert.Equal(0, versions.GetArrayLength());
    }

    [Fact]
    public async Task Publishing_records_who_published_and_publishing_the_same_content_again_makes_no_new_version()
    {
        using var http = await SessionAsync("designer");
        await CreateAsync(http, "good_flow", "Starter");

        var first = await Json(await http.PostAsJsonAsync(Uri($"{Flows}/good_flow/publish"), new { revision = 1 }));
        var again = await Json(await http.PostAsJsonAsync(Uri($"{Flows}/good_flow/publish"), new { revision = 1 }));
        var versions = await http.GetFromJsonAsync<JsonElement>(Uri($"{Flows}/good_flow/versions"));

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.False(first.GetProperty("unchanged").GetBoolean());
        Assert.True(again.GetProperty("unchanged").GetBoolean());
        var version = Assert.Single(versions.EnumerateArray());
        Assert.Equal("Published", version.GetProperty("status").GetString());
        Assert.Equal("designer", version.GetProperty("publishedBy").GetString());
        Assert.Equal("designer", version.GetProperty("deployedBy").GetString());
    }

    [Fact]
    public async Task A_retired_version_starts_no_new_instance_and_says_so()
    {
        using var http = await SessionAsync("designer");
        await CreateAsync(http, "retired_flow", "Starter");
        await http.PostAsJsonAsync(Uri($"{Flows}/retired_flow/publish"), new { revision = 1 });

        var retired = await http.PostAsync(Uri($"{Flows}/retired_flow/versions/1/retire"), null);
        var missing = await http.PostAsync(Uri($"{Flows}/retired_flow/versions/9/retire"), null);
        var versions = await http.GetFromJsonAsync<JsonElement>(Uri($"{Flows}/retired_flow/versions"));

        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Retired", Assert.Single(versions.EnumerateArray()).GetProperty("status").GetString());
        var engine = app.Services.GetRequiredService<WorkflowEngine>();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => engine.StartAsync(new StartInstanceRequest { Key = "retired_flow" }));
    }

    [Fact]
    public async Task A_document_that_does_not_parse_is_refused_with_400_and_the_readers_position()
    {
        using var http = await SessionAsync("designer");
        await CreateAsync(http, "unreadable_flow", "Blank");

        var response = await http.PutAsJsonAsync(Uri($"{Flows}/unreadable_flow/draft"), new { xml = "<bpmn:definitions>\n<oops", revision = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("OS5006", problem.GetProperty("code").GetString());
        Assert.Matches(ReaderPosition(), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_specialist_gets_403_from_the_api_and_the_access_denied_page_from_the_designer()
    {
        using var http = app.CreateHttpClient();
        await OidcClient.PostLoginAsync(http, Uri("/Account/Login"), "specialist", OidcClient.DemoPassword);
        var tokens = await OidcClient.SignInAsync(app, "specialist");
        using var bearer = app.CreateHttpClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var bySession = await http.GetAsync(Uri(Flows));
        var byToken = await bearer.GetAsync(Uri(Flows));
        var page = await http.GetAsync(Uri("/designer"));

        Assert.Equal(HttpStatusCode.Forbidden, bySession.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/AccessDenied", new Uri(app.BaseAddress, page.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task A_session_call_that_changes_something_needs_the_antiforgery_token_but_a_bearer_call_does_not()
    {
        using var session = app.CreateHttpClient();
        await OidcClient.PostLoginAsync(session, Uri("/Account/Login"), "designer", OidcClient.DemoPassword);
        var tokens = await OidcClient.SignInAsync(app, "designer");
        using var bearer = app.CreateHttpClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var withoutToken = await session.PostAsJsonAsync(Uri(Flows), new { key = "csrf_flow", name = "Giả mạo", template = "Blank" });
        var listBySession = await session.GetAsync(Uri(Flows));
        var byBearer = await bearer.PostAsJsonAsync(Uri(Flows), new { key = "bearer_flow", name = "Bằng token", template = "Blank" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listBySession.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byBearer.StatusCode);
        Assert.DoesNotContain((await listBySession.Content.ReadAsStringAsync()), "csrf_flow", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookups_offer_departments_as_agency_slash_department_and_the_ten_national_statuses()
    {
        using var http = await SessionAsync("admin");

        var lookups = await http.GetFromJsonAsync<JsonElement>(Uri($"{Flows}/lookups"));

        Assert.Contains(lookups.GetProperty("departments").EnumerateArray(), d =>
            d.GetProperty("value").GetString() == "000.00.03.H56/HCTP" && d.GetProperty("label").GetString() == "Phòng Hành chính tư pháp — STP");
        Assert.Contains(lookups.GetProperty("roles").EnumerateArray(), r => r.GetProperty("value").GetString() == "Specialist");
        var statuses = lookups.GetProperty("statuses").EnumerateArray().ToList();
        Assert.Equal(10, statuses.Count);
        Assert.Equal("2 · Được tiếp nhận", statuses[1].GetProperty("label").GetString());
        // Notices in force today (the 2025 set), and every handler the engine has registered.
        var notices = lookups.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("value").GetString()).ToList();
        Assert.Contains("TT03-2025/01", notices);
        Assert.DoesNotContain("TT01-2018/01", notices);
        Assert.Contains(lookups.GetProperty("handlers").EnumerateArray(), h => h.GetProperty("value").GetString() == "log");
    }

    private async Task<HttpClient> SessionAsync(string user)
    {
        var http = app.CreateHttpClient();
        var signedIn = await OidcClient.PostLoginAsync(http, Uri("/Account/Login"), user, OidcClient.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = await http.GetStringAsync(Uri("/designer"));
        var config = JsonDocument.Parse(DesignerConfig().Match(page).Groups[1].Value).RootElement;
        http.DefaultRequestHeaders.Add("RequestVerificationToken", config.GetProperty("token").GetString());
        return http;
    }

    private static async Task<JsonElement> CreateAsync(HttpClient http, string key, string template)
    {
        var response = await http.PostAsJsonAsync(Uri(Flows), new { key, name = $"Quy trình {key}", template });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private static string GatewayWithoutOutgoing(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1" targetNamespace="http://onestop.gov.vn/bpmn">
          <bpmn:process id="{key}" name="Hỏng" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gateway_1" />
            <bpmn:exclusiveGateway id="Gateway_1"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:exclusiveGateway>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [GeneratedRegex("""<script type="application/json" id="designer-config">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex DesignerConfig();

    [GeneratedRegex(@"^Tài liệu không phải XML hợp lệ: .+ \(dòng \d+, cột \d+\)$")]
    private static partial Regex ReaderPosition();

    [GeneratedRegex(@"^designer đã lưu bản nháp lúc \d\d:\d\d ngày \d\d/\d\d/\d{4} \(lần lưu 2\)")]
    private static partial Regex SavedByDesignerAt();
}

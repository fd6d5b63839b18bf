using System.Net;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Web;

public sealed class WebTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task Health_endpoints_report_live_and_ready_on_SQLite()
    {
        using var http = app.CreateHttpClient();

        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_route_answers_with_problem_details()
    {
        var token = await OidcClient.ClientCredentialsAsync(app);
        using var http = app.CreateHttpClient().WithBearer(token);

        var response = await http.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, (await OidcClient.ReadJsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unknown_agency_answers_404_problem_details()
    {
        var admin = await OidcClient.SignInAsync(app, "admin");
        using var http = app.CreateHttpClient().WithBearer(admin.AccessToken);

        var response = await http.GetAsync(new Uri("/api/agencies/999.99.99.H00/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("999.99.99.H00", (await OidcClient.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_api_call_has_a_problem_details_body()
    {
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api_and_the_browsable_ui_is_served()
    {
        using var http = app.CreateHttpClient();

        var document = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var ui = await http.GetAsync(new Uri("/api-docs/", UriKind.Relative));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/agencies", out _));
        Assert.True(paths.TryGetProperty("/api/agencies/{agencyCode}/staff", out _));
        Assert.False(paths.TryGetProperty("/connect/token", out _));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_echoes_a_well_formed_one()
    {
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("X-Correlation-ID", "counter-7.abc");

        var echoed = await http.SendAsync(request);
        var generated = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal("counter-7.abc", echoed.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Matches("^[0-9a-f]{32}$", generated.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Fact]
    public async Task Request_log_lines_carry_the_correlation_id_and_no_personal_data()
    {
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live?email=someone%40example.com", UriKind.Relative));
        request.Headers.Add("X-Correlation-ID", "log-check-42");
        await http.SendAsync(request);
        await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "nobody@example.com", "0912345678");

        var logs = await ReadLogsAsync(app, "log-check-42");

        Assert.Contains("log-check-42", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("someone@example.com", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@example.com", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", logs, StringComparison.Ordinal);
    }

    private static async Task<string> ReadLogsAsync(OneStopApp app, string expected)
    {
        var folder = Path.Combine(app.Folder, "logs");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var text = string.Concat(Directory.Exists(folder)
                ? Directory.GetFiles(folder).Select(f => ReadShared(f))
                : []);
            if (text.Contains(expected, StringComparison.Ordinal))
            {
                return text;
            }

            await Task.Delay(100);
        }

        var files = Directory.Exists(folder) ? string.Join(", ", Directory.GetFiles(folder)) : "no folder";
        throw new InvalidOperationException($"No log line with {expected} in {folder} ({files})");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

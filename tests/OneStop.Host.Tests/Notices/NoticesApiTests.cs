using System.Net;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Notices;

public sealed class NoticesApiTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task Staff_list_the_templates_of_the_manifest()
    {
        using var http = await AsAsync("reception");

        var json = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/api/notices/templates", UriKind.Relative)));

        var templates = json.EnumerateArray().ToList();
        Assert.Equal(16, templates.Count);
        var receipt = templates.Single(t => t.GetProperty("code").GetString() == "TT01-2018/01");
        Assert.Equal("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", receipt.GetProperty("title").GetString());
        Assert.Equal("2025-06-30", receipt.GetProperty("effectiveTo").GetString());
        Assert.False(receipt.GetProperty("validToday").GetBoolean());
        Assert.True(templates.Single(t => t.GetProperty("code").GetString() == "TT03-2025/01").GetProperty("validToday").GetBoolean());
    }

    [Fact]
    public async Task The_preview_renders_the_sample_as_printable_HTML()
    {
        using var http = await AsAsync("reception");

        var response = await http.GetAsync(new Uri("/api/notices/templates/TT01-2018%2F01/preview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("09 giờ 32 phút, ngày 27 tháng 10 năm 2023", html, StringComparison.Ordinal);
        Assert.Contains("000.00.06.H56-231027-0361", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"qr\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"barcode\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_template_is_404_and_the_preview_is_for_staff_only()
    {
        using var reception = await AsAsync("reception");
        using var citizen = await AsAsync("citizen");
        using var anonymous = app.CreateHttpClient();
        var preview = new Uri("/api/notices/templates/decision/preview", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await reception.GetAsync(new Uri("/api/notices/templates/TT09-2030%2F01/preview", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(preview)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(preview)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reception.GetAsync(preview)).StatusCode);
    }

    [Fact]
    public async Task A_broken_template_previews_as_a_problem_with_its_line_and_column_not_a_blank_page()
    {
        // A copy of the templates folder where an admin left an `if` without its `end`.
        var folder = Path.Combine(Path.GetTempPath(), $"onestop-notices-{Guid.NewGuid():N}");
        CopyFolder(Notices.Folder, folder);
        File.WriteAllText(Path.Combine(folder, "decision.sbn-html"), "<section class=\"page\">\n{{ common_header }}\n<h1>{{ if decision.kind }}{{ decision.kind }}</h1>\n");
        try
        {
            await using var broken = await OneStopApp.StartAsync(new Dictionary<string, string?> { ["Notices:TemplatesPath"] = folder });
            using var http = broken.CreateHttpClient().WithBearer((await OidcClient.SignInAsync(broken, "reception")).AccessToken);

            var response = await http.GetAsync(new Uri("/api/notices/templates/decision/preview", UriKind.Relative));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = (await OidcClient.ReadJsonAsync(response)).GetProperty("problems")[0];
            Assert.Equal("decision", problem.GetProperty("templateCode").GetString());
            Assert.Equal("decision.sbn-html", problem.GetProperty("file").GetString());
            Assert.True(problem.GetProperty("line").GetInt32() >= 3);
            Assert.True(problem.GetProperty("column").GetInt32() >= 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private async Task<HttpClient> AsAsync(string user) =>
        app.CreateHttpClient().WithBearer((await OidcClient.SignInAsync(app, user)).AccessToken);
}

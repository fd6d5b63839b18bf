using System.Net;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;
using static OneStop.Host.Tests.Dossiers.Dossiers;

namespace OneStop.Host.Tests.Dossiers;

public sealed class DossierPagesTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    [Fact]
    public async Task Officers_find_their_agencys_dossier_and_read_its_history_others_get_404()
    {
        using var reception = await AsAsync(app, "reception");
        var code = (await ReceiveAsync(reception, Request(await ProcedureIdAsync(app, InterAgencyProcedure)))).GetProperty("code").GetString()!;
        using var specialist = await SignInAsync("specialist");
        using var builder = await SignInAsync("builder");

        var list = await specialist.GetStringAsync(new Uri($"/dossiers?q={Uri.EscapeDataString(code)}", UriKind.Relative));
        var details = await specialist.GetStringAsync(new Uri($"/dossiers/{code}", UriKind.Relative));
        var foreignList = await builder.GetStringAsync(new Uri($"/dossiers?q={Uri.EscapeDataString(code)}", UriKind.Relative));
        var foreign = await builder.GetAsync(new Uri($"/dossiers/{code}", UriKind.Relative));

        Assert.Contains(code, list, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Hoa", details, StringComparison.Ordinal);
        Assert.Contains("2. Được tiếp nhận", details, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận hồ sơ", details, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", details, StringComparison.Ordinal);
        // The receipt went out by SMS and e-mail; the page masks where to.
        Assert.Contains("09******78", details, StringComparison.Ordinal);
        Assert.Contains("h***@example.test", details, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", details, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"dossier-row\"", foreignList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_home_page_offers_each_role_its_work()
    {
        using var reception = await SignInAsync("reception");
        using var specialist = await SignInAsync("specialist");
        using var admin = await SignInAsync("admin");
        using var citizen = await SignInAsync("citizen");

        var counter = await reception.GetStringAsync(new Uri("/", UriKind.Relative));
        var department = await specialist.GetStringAsync(new Uri("/", UriKind.Relative));
        var administration = await admin.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("href=\"/reception\"", counter, StringComparison.Ordinal);
        Assert.Contains("href=\"/inbox\"", department, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/reception\"", department, StringComparison.Ordinal);
        Assert.Contains("href=\"/catalogue/admin\"", administration, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/catalogue/admin\"", department, StringComparison.Ordinal);
        var home = await citizen.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("href=\"/ho-so-cua-toi\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/inbox\"", home, StringComparison.Ordinal);
    }

    private Task<HttpClient> SignInAsync(string user) => OidcClient.SessionAsync(app, user);
}

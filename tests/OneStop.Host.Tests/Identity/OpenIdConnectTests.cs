using System.Net;
using System.Text.Json;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Identity;

public sealed class OpenIdConnectTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private const string JusticeCode = "000.00.03.H56";
    private const string FinanceCode = "000.00.04.H56";

    [Fact]
    public async Task Discovery_document_names_the_endpoints_and_flows()
    {
        using var http = app.CreateHttpClient();

        var document = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));

        Assert.Equal(new Uri(app.BaseAddress, "/connect/token").ToString(), document.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/connect/authorize", document.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/userinfo", document.GetProperty("userinfo_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/logout", document.GetProperty("end_session_endpoint").GetString(), StringComparison.Ordinal);
        var grants = Strings(document.GetProperty("grant_types_supported"));
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("S256", Strings(document.GetProperty("code_challenge_methods_supported")));
        Assert.Contains("api", Strings(document.GetProperty("scopes_supported")));
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_gives_a_token_with_role_agency_and_department()
    {
        var tokens = await OidcClient.SignInAsync(app, "specialist");

        var claims = OidcClient.JwtPayload(tokens.AccessToken);
        Assert.Equal("Specialist", claims.GetProperty("role").GetString());
        Assert.Equal(JusticeCode, claims.GetProperty("agency").GetString());
        Assert.Equal("HCTP", claims.GetProperty("department").GetString());
        Assert.Contains("onestop-api", claims.GetProperty("aud").ValueKind == JsonValueKind.Array
            ? Strings(claims.GetProperty("aud")) : [claims.GetProperty("aud").GetString()!]);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);

        using var http = app.CreateHttpClient().WithBearer(tokens.AccessToken);
        var me = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/api/me", UriKind.Relative)));
        Assert.Equal("HCTP", me.GetProperty("department").GetString());
        Assert.Equal(["Specialist"], Strings(me.GetProperty("roles")));
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_access_token()
    {
        var tokens = await OidcClient.SignInAsync(app, "head");
        using var http = app.CreateHttpClient();

        var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.RefreshToken!,
            ["client_id"] = OidcClient.WebClient,
        }));

        var json = await OidcClient.ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        var claims = OidcClient.JwtPayload(json.GetProperty("access_token").GetString()!);
        Assert.Equal("DepartmentHead", claims.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Code_without_the_PKCE_verifier_is_refused()
    {
        using var http = app.CreateHttpClient();
        var response = await http.GetAsync(new Uri(
            $"/connect/authorize?client_id={OidcClient.WebClient}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(OidcClient.RedirectUri)}",
            UriKind.Relative));

        // A public client must send a code challenge; no code is issued without one.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("code_challenge", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_credentials_token_calls_the_api()
    {
        var token = await OidcClient.ClientCredentialsAsync(app);
        using var http = app.CreateHttpClient().WithBearer(token);

        var response = await http.GetAsync(new Uri("/api/agencies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agencies = await OidcClient.ReadJsonAsync(response);
        Assert.Equal(20, agencies.GetArrayLength());
        Assert.Equal(OidcClient.KioskClient, OidcClient.JwtPayload(token).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Wrong_client_secret_gets_the_standard_invalid_client_error()
    {
        using var http = app.CreateHttpClient();

        var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), OidcClient.ClientCredentials("wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await OidcClient.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unsupported_grant_type_gets_the_standard_error()
    {
        using var http = app.CreateHttpClient();

        var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "admin",
            ["password"] = OidcClient.DemoPassword,
            ["client_id"] = OidcClient.WebClient,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await OidcClient.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Api_without_a_token_answers_401_with_a_bearer_challenge()
    {
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync(new Uri("/api/agencies", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Api_with_a_token_of_the_wrong_role_answers_403()
    {
        var citizen = await OidcClient.SignInAsync(app, "citizen");
        using var http = app.CreateHttpClient().WithBearer(citizen.AccessToken);

        var response = await http.GetAsync(new Uri($"/api/agencies/{JusticeCode}/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Staff_see_the_staff_of_their_own_agency_only()
    {
        var specialist = await OidcClient.SignInAsync(app, "specialist");
        using var http = app.CreateHttpClient().WithBearer(specialist.AccessToken);

        var own = await http.GetAsync(new Uri($"/api/agencies/{JusticeCode}/staff", UriKind.Relative));
        var other = await http.GetAsync(new Uri($"/api/agencies/{FinanceCode}/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var staff = await OidcClient.ReadJsonAsync(own);
        Assert.Contains("head", staff.EnumerateArray().Select(s => s.GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Department_staff_see_their_own_department_and_the_leader_sees_all_of_the_agency()
    {
        var specialist = await OidcClient.SignInAsync(app, "specialist");
        var leader = await OidcClient.SignInAsync(app, "leader");
        using var asSpecialist = app.CreateHttpClient().WithBearer(specialist.AccessToken);
        using var asLeader = app.CreateHttpClient().WithBearer(leader.AccessToken);
        var own = new Uri($"/api/agencies/{JusticeCode}/departments/HCTP/staff", UriKind.Relative);
        var other = new Uri($"/api/agencies/{JusticeCode}/departments/BTTP/staff", UriKind.Relative);

        var ownResponse = await asSpecialist.GetAsync(own);
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(["head", "specialist"], (await OidcClient.ReadJsonAsync(ownResponse)).EnumerateArray().Select(s => s.GetProperty("userName").GetString()!));
        Assert.Equal(HttpStatusCode.Forbidden, (await asSpecialist.GetAsync(other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asLeader.GetAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_cookie_session_and_returns_to_the_client()
    {
        var cookies = new CookieContainer();
        using var http = app.CreateHttpClient(cookies);
        await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "designer", OidcClient.DemoPassword);
        Assert.Contains("Nguyễn Thị Thiết Kế", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        var logout = await http.GetAsync(new Uri("/connect/logout?post_logout_redirect_uri=" + Uri.EscapeDataString("http://localhost:5080/"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("http://localhost:5080/", logout.Headers.Location!.ToString());
        Assert.DoesNotContain("Nguyễn Thị Thiết Kế", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_sees_every_agency()
    {
        var supervisor = await OidcClient.SignInAsync(app, "supervisor");
        using var http = app.CreateHttpClient().WithBearer(supervisor.AccessToken);

        var response = await http.GetAsync(new Uri($"/api/agencies/{FinanceCode}/staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Userinfo_returns_the_profile_and_organisation_of_the_user()
    {
        var tokens = await OidcClient.SignInAsync(app, "leader");
        using var http = app.CreateHttpClient().WithBearer(tokens.AccessToken);

        var info = await OidcClient.ReadJsonAsync(await http.GetAsync(new Uri("/connect/userinfo", UriKind.Relative)));

        Assert.Equal("leader", info.GetProperty("preferred_username").GetString());
        Assert.Equal("BGD", info.GetProperty("department").GetString());
        Assert.Equal(JusticeCode, info.GetProperty("agency").GetString());
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Identity;

/// <summary>What a browser and a public client do in the authorization code + PKCE flow, over real HTTP.</summary>
internal static partial class OidcClient
{
    public const string WebClient = "onestop-web";
    public const string RedirectUri = "http://127.0.0.1/oauth/callback";
    public const string KioskClient = "onestop-kiosk";
    public const string KioskSecret = "dev-kiosk-secret-not-for-production";
    public const string DemoPassword = "OneStop@2026";

    public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken);

    /// <summary>Signs <paramref name="userName"/> in on the login page and exchanges the code for tokens.</summary>
    public static async Task<Tokens> SignInAsync(OneStopApp app, string userName, string password = DemoPassword,
        string scope = "openid profile roles offline_access api")
    {
        using var http = app.CreateHttpClient();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?" + Query(new()
        {
            ["client_id"] = WebClient,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "state-123",
        });

        var toLogin = await http.GetAsync(new Uri(authorize, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.Equal("/Account/Login", toLogin.Headers.Location!.AbsolutePath);

        var signedIn = await PostLoginAsync(http, toLogin.Headers.Location!, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var back = await http.GetAsync(signedIn.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var parameters = ParseQuery(callback.Query);
        Assert.Equal("state-123", parameters["state"]);

        var token = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = parameters["code"],
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = WebClient,
            ["code_verifier"] = verifier,
        }));
        var json = await ReadJsonAsync(token);
        Assert.True(token.IsSuccessStatusCode, json.ToString());
        return new Tokens(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var r) ? r.GetString() : null,
            json.TryGetProperty("id_token", out var i) ? i.GetString() : null);
    }

    /// <summary>Fetches the login page (for its anti-forgery token) and posts the form.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, Uri loginPage, string userName, string password)
    {
        var page = await http.GetStringAsync(loginPage);
        var returnUrl = ParseQuery(loginPage.IsAbsoluteUri ? loginPage.Query : new Uri(http.BaseAddress!, loginPage).Query)
            .GetValueOrDefault("ReturnUrl", "/");
        return await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
    }

    /// <summary>A client signed in through the login page with a demo user: the session cookie, as the pages use it.</summary>
    public static async Task<HttpClient> SessionAsync(OneStopApp app, string userName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var http = app.CreateHttpClient();
        var response = await PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), userName, DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    public static async Task<string> ClientCredentialsAsync(OneStopApp app, string secret = KioskSecret)
    {
        using var http = app.CreateHttpClient();
        var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), ClientCredentials(secret));
        var json = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("access_token").GetString()!;
    }

    public static FormUrlEncodedContent ClientCredentials(string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = KioskClient,
        ["client_secret"] = secret,
        ["scope"] = "api",
    });

    public static HttpClient WithBearer(this HttpClient http, string accessToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>The payload of a signed JWT, as a relying party reads it.</summary>
    public static JsonElement JwtPayload(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token on the page.");

    public static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    private static string Query(Dictionary<string, string> values) =>
        string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

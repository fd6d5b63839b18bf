using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Host.Features.Portal.Account;
using OneStop.Host.Identity;
using OneStop.Host.Tests.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Portal;

/// <summary>The Development host with the citizen accounts registered; e-mails and texts land in folders the test reads.</summary>
public sealed class CitizenPortalApp : IAsyncLifetime
{
    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), $"onestop-portal-{Guid.NewGuid():N}");

    public OneStopApp App { get; private set; } = null!;

    public string MailFolder => Path.Combine(Outbox, "mail");

    public string SmsFolder => Path.Combine(Outbox, "sms");

    public async Task InitializeAsync() =>
        App = await OneStopApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Notifications:Enabled"] = "false",
                ["Notifications:Smtp:PickupFolder"] = MailFolder,
                ["Notifications:Sms:Folder"] = SmsFolder,
            });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }
}

public sealed partial class CitizenAccountTests(CitizenPortalApp portal) : IClassFixture<CitizenPortalApp>
{
    private const string Password = "Cong-Dan-2026";
    private const string NotConfirmed = "Tài khoản chưa được xác nhận.";
    private const string GenericFailure = "Tên đăng nhập hoặc mật khẩu không đúng";

    [Fact]
    public async Task Register_with_email_needs_the_emailed_code_before_sign_in()
    {
        using var http = portal.App.CreateHttpClient();
        var email = $"an.{Guid.NewGuid():N}@example.vn";

        var registered = await RegisterAsync(http, "Nguyễn Thị An", email, "", Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/dang-ky/xac-nhan?", registered.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var mail = MailTo(email);
        Assert.Equal("Mã xác nhận tài khoản OneStop", mail.Subject);
        Assert.Contains("Nguyễn Thị An", mail.TextBody, StringComparison.Ordinal);
        var code = SixDigits(mail.TextBody ?? "");

        var early = await SignInAsync(http, email, Password);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyHtml = await early.Content.ReadAsStringAsync();
        Assert.Contains(NotConfirmed, earlyHtml, StringComparison.Ordinal);
        Assert.Contains("/dang-ky/xac-nhan?id=", earlyHtml, StringComparison.Ordinal);
        var staffPage = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), email, Password);
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);

        var wrong = await ConfirmAsync(http, email, code == "000000" ? "111111" : "000000");
        Assert.Contains("Mã không đúng hoặc đã hết hạn.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await ConfirmAsync(http, email, code);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith("/dang-nhap?confirmed=true", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signedIn = await SignInAsync(http, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("Nguyễn Thị An", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        await using var scope = portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.AgencyId);
        Assert.Equal([Roles.Citizen], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task Register_with_a_phone_only_sends_the_code_by_sms_and_the_phone_signs_in_on_the_staff_page_too()
    {
        using var http = portal.App.CreateHttpClient();
        var phone = "09" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var registered = await RegisterAsync(http, "Trần Văn Bình", "", phone.Insert(4, " "), Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var text = Directory.GetFiles(portal.SmsFolder, "*.txt").Select(File.ReadAllText).Single(t => t.StartsWith(phone, StringComparison.Ordinal));
        var confirmed = await ConfirmAsync(http, phone, SixDigits(text));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var staffPage = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), phone, Password);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
    }

    [Fact]
    public async Task Phone_must_be_a_Vietnamese_mobile_number_and_one_of_email_or_phone_is_required()
    {
        using var http = portal.App.CreateHttpClient();

        var badPhone = await (await RegisterAsync(http, "Lê Văn Cường", "", "12345", Password)).Content.ReadAsStringAsync();
        var neither = await (await RegisterAsync(http, "Lê Văn Cường", "", "", Password)).Content.ReadAsStringAsync();

        AssertFieldError(badPhone, "Input.Phone", "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0.");
        AssertFieldError(neither, "Input.Email", "Vui lòng nhập thư điện tử hoặc số điện thoại di động.");
    }

    [Fact]
    public async Task Duplicate_email_is_refused_beside_the_email_field()
    {
        using var http = portal.App.CreateHttpClient();
        var email = $"trung.{Guid.NewGuid():N}@example.vn";
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(http, "Người Thứ Nhất", email, "", Password)).StatusCode);

        var again = await RegisterAsync(http, "Người Thứ Hai", email.ToUpperInvariant(), "", Password);
        var html = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        AssertFieldError(html, "Input.Email", "Thư điện tử này đã được đăng ký.");
        Assert.Single(Mails(), m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task Weak_password_shows_Identitys_rules_beside_the_password_field()
    {
        using var http = portal.App.CreateHttpClient();
        var form = await http.GetStringAsync(new Uri("/dang-ky", UriKind.Relative));
        Assert.Contains("Ít nhất 8 ký tự", form, StringComparison.Ordinal);

        var email = $"yeu.{Guid.NewGuid():N}@example.vn";
        var response = await RegisterAsync(http, "Mật Khẩu Yếu", email, "", "abc");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertFieldError(html, "Input.Password", "Mật khẩu chưa đủ độ dài tối thiểu.");
        AssertFieldError(html, "Input.Password", "Mật khẩu phải có ít nhất một chữ hoa (A-Z).");
        AssertFieldError(html, "Input.Password", "Mật khẩu phải có ít nhất một chữ số (0-9).");
        await using var scope = portal.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_and_known_addresses()
    {
        var known = await CreateCitizenAsync();
        var unknown = $"khong.co.{Guid.NewGuid():N}@example.vn";
        using var http = portal.App.CreateHttpClient();

        var forKnown = await ForgotAsync(http, known);
        var forUnknown = await ForgotAsync(http, unknown);

        Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forUnknown.StatusCode);
        Assert.Equal("/dat-lai-mat-khau?id=" + Uri.EscapeDataString(known), forKnown.Headers.Location!.OriginalString);
        Assert.Equal("/dat-lai-mat-khau?id=" + Uri.EscapeDataString(unknown), forUnknown.Headers.Location!.OriginalString);
        var knownPage = Normalize(await http.GetStringAsync(forKnown.Headers.Location), known);
        var unknownPage = Normalize(await http.GetStringAsync(forUnknown.Headers.Location), unknown);
        Assert.Equal(knownPage, unknownPage);
        Assert.Equal("Mã đặt lại mật khẩu OneStop", MailTo(known).Subject);
        Assert.DoesNotContain(Mails(), m => m.To.Mailboxes.Any(a => a.Address == unknown));
    }

    [Fact]
    public async Task Reset_with_the_emailed_code_replaces_the_password()
    {
        var email = await CreateCitizenAsync();
        using var http = portal.App.CreateHttpClient();
        await ForgotAsync(http, email);
        var code = SixDigits(MailTo(email).TextBody ?? "");
        const string newPassword = "Mat-Khau-Moi-9";

        var reset = await ResetAsync(http, email, code, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.StartsWith("/dang-nhap?reset=true", reset.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var reused = await ResetAsync(http, email, code, "Lai-Mot-Lan-7");
        Assert.Contains("Mã không đúng hoặc đã hết hạn.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var old = await SignInAsync(http, email, Password);
        Assert.Contains(GenericFailure, await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fresh = await SignInAsync(http, email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task Account_pages_are_Vietnamese_by_default_and_English_on_request()
    {
        using var http = portal.App.CreateHttpClient();

        var vietnamese = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/dang-ky", UriKind.Relative)));
        var english = WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/dang-ky?culture=en", UriKind.Relative)));

        Assert.Contains("Đăng ký tài khoản công dân", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Register a citizen account", english, StringComparison.Ordinal);
        Assert.Contains("At least 8 characters", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_and_the_demo_citizen_still_sign_in_on_the_login_page()
    {
        foreach (var user in new[] { "reception", "citizen" })
        {
            using var http = portal.App.CreateHttpClient();
            var response = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), user, OidcClient.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task Wrong_password_of_an_unconfirmed_account_reveals_nothing()
    {
        using var http = portal.App.CreateHttpClient();
        var email = $"chua.{Guid.NewGuid():N}@example.vn";
        await RegisterAsync(http, "Chưa Xác Nhận", email, "", Password);

        var html = await (await SignInAsync(http, email, "Sai-Mat-Khau-1")).Content.ReadAsStringAsync();

        Assert.Contains(GenericFailure, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NotConfirmed, html, StringComparison.Ordinal);
    }

    private async Task<string> CreateCitizenAsync()
    {
        var email = $"quen.{Guid.NewGuid():N}@example.vn";
        await using var scope = portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Phạm Thị Quên" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded);
        return email;
    }

    private IEnumerable<MimeMessage> Mails() => Directory.GetFiles(portal.MailFolder, "*.eml").Select(f => MimeMessage.Load(f));

    private MimeMessage MailTo(string email) =>
        Mails()
            .Where(m => m.To.Mailboxes.Any(a => a.Address == email)).OrderBy(m => m.Date).Last();

    private static string SixDigits(string text) => SixDigitsPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No code in: {text}");

    /// <summary>The validation message is rendered in the span of <paramref name="field"/>, not elsewhere on the page.</summary>
    private static void AssertFieldError(string html, string field, string message) =>
        Assert.Matches(new Regex($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(?:(?!</span>|</ul>).)*{Regex.Escape(message)}", RegexOptions.Singleline), WebUtility.HtmlDecode(html));

    /// <summary>The page with the typed address (local part, in any encoding) and the anti-forgery token blanked out.</summary>
    private static string Normalize(string html, string identifier) =>
        AntiforgeryValue().Replace(html.Replace(identifier.Split('@')[0], "ID", StringComparison.Ordinal), "TOKEN");

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http, string fullName, string email, string phone, string password) =>
        PostAsync(http, "/dang-ky", new()
        {
            ["Input.FullName"] = fullName,
            ["Input.Email"] = email,
            ["Input.Phone"] = phone,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.AcceptTerms"] = "true",
        });

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient http, string identifier, string code) =>
        PostAsync(http, "/dang-ky/xac-nhan", new() { ["Input.Identifier"] = identifier, ["Input.Code"] = code });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string identifier, string password) =>
        PostAsync(http, "/dang-nhap", new() { ["Input.UserName"] = identifier, ["Input.Password"] = password });

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient http, string identifier) =>
        PostAsync(http, "/quen-mat-khau", new() { ["Identifier"] = identifier });

    private static Task<HttpResponseMessage> ResetAsync(HttpClient http, string identifier, string code, string password) =>
        PostAsync(http, "/dat-lai-mat-khau", new()
        {
            ["Input.Identifier"] = identifier,
            ["Input.Code"] = code,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    /// <summary>Fetches the page for its anti-forgery token and posts the form, as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> form)
    {
        var page = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        form["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page);
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigitsPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}

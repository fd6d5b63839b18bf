using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Host.Identity;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Host.Tests.Identity;

public sealed class LoginPageTests(OneStopApp app) : IClassFixture<OneStopApp>
{
    private const string GenericFailure = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.";

    [Fact]
    public async Task Login_page_is_Vietnamese_by_default_and_English_on_request()
    {
        using var http = app.CreateHttpClient();

        var vietnamese = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var english = await http.GetStringAsync(new Uri("/Account/Login?culture=en", UriKind.Relative));

        Assert.Contains("<html lang=\"vi\">", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập hệ thống", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Sign in to OneStop", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_choice_is_remembered_in_a_cookie()
    {
        using var http = app.CreateHttpClient();

        var choose = await http.GetAsync(new Uri("/culture?c=en&returnUrl=%2FAccount%2FLogin", UriKind.Relative));
        var page = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal("/Account/Login", choose.Headers.Location!.OriginalString);
        Assert.Contains("Sign in to OneStop", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_form_shows_an_error_next_to_each_field()
    {
        using var http = app.CreateHttpClient();
        var page = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));

        var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "",
            ["Input.Password"] = "",
            ["__RequestVerificationToken"] = OidcClient.AntiforgeryToken(page),
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nhập tên đăng nhập.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập mật khẩu.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_password_signs_in_and_returns_home()
    {
        using var http = app.CreateHttpClient();

        var response = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "reception", OidcClient.DemoPassword);
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("Trần Văn Tiếp Nhận", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_generic_text()
    {
        using var http = app.CreateHttpClient();

        var unknown = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "nobody", "whatever-123");
        var wrong = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "admin", "wrong-password");

        Assert.Contains(GenericFailure, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(GenericFailure, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser { UserName = "lockout-test", FullName = "Lockout Test" }, "Correct-Password-1");
            Assert.True(created.Succeeded);
        }

        using var http = app.CreateHttpClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "lockout-test", "wrong-password");
        }

        var response = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login", UriKind.Relative), "lockout-test", "Correct-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(GenericFailure, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await manager.IsLockedOutAsync((await manager.FindByNameAsync("lockout-test"))!));
    }

    [Fact]
    public async Task Open_redirect_after_login_is_refused()
    {
        using var http = app.CreateHttpClient();

        var response = await OidcClient.PostLoginAsync(http, new Uri("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative), "designer", OidcClient.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

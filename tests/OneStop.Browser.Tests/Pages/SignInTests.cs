using Microsoft.Playwright;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Browser.Tests.Pages;

public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_sign_in_on_a_phone_and_see_their_name()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/Account/Login");

        await page.GetByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại").FillAsync("specialist");
        await page.GetByLabel("Mật khẩu").FillAsync("OneStop@2026");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Xin chào, Lê Thị Chuyên Viên")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a phone");
    }

    [Fact]
    public async Task Wrong_password_shows_the_generic_error_in_English_when_chosen()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await page.GetByLabel("User name, e-mail or mobile number").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is wrong");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-error-en");
    }

    [Fact]
    public async Task Login_page_has_no_serious_accessibility_violation()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);

        await BrowserFixture.ScreenshotAsync(page, "sign-in-desktop");
        Assert.Empty(violations);
    }
}

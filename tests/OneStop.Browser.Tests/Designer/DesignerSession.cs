using System.Diagnostics;
using Microsoft.Playwright;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Browser.Tests.Designer;

/// <summary>What a designer does in the browser, step by step, shared by the designer tests.</summary>
internal static class DesignerSession
{
    public const string Password = "OneStop@2026";

    /// <summary>Opens <paramref name="path"/>, signs in on the login page it redirects to, and lands back on it.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture browser, string user = "designer", string path = "/designer", bool phone = false)
    {
        var page = await browser.NewPageAsync(phone);
        await page.GotoAsync(path);
        await page.GetByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        return page;
    }

    /// <summary>Fills the "Tạo quy trình" form of the list page and waits for the editor to show the new flow.</summary>
    public static async Task CreateFlowAsync(IPage page, string key, string name, bool starter = false)
    {
        await page.GetByLabel("Tên quy trình").FillAsync(name);
        await page.GetByLabel("Mã quy trình").FillAsync(key);
        if (starter)
        {
            await page.GetByLabel("Mẫu: tiếp nhận", new() { Exact = false }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo quy trình" }).ClickAsync();
        await page.WaitForURLAsync($"**/designer/edit/{key}");
        await WaitReadyAsync(page);
    }

    /// <summary>The page script marks its root ready once the diagram is drawn.</summary>
    public static Task WaitReadyAsync(IPage page) =>
        page.Locator("[data-designer-page][data-state='ready']").WaitForAsync(new() { Timeout = 15_000 });

    /// <summary>Milliseconds from starting the navigation until the diagram is drawn.</summary>
    public static async Task<long> TimeOpeningAsync(IPage page, string path)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await WaitReadyAsync(page);
        await page.Locator(".djs-container svg .djs-element").First.WaitForAsync();
        return clock.ElapsedMilliseconds;
    }

    public static ILocator Element(IPage page, string id) => page.Locator($"g.djs-element[data-element-id='{id}']");

    public static ILocator ContextPad(IPage page, string action) => page.Locator($".djs-context-pad [data-action='{action}']");

    /// <summary>Calls the API from the page (its session cookie) and returns the body text.</summary>
    public static Task<string> FetchTextAsync(IPage page, string path) =>
        page.EvaluateAsync<string>("async path => (await fetch(path)).text()", path);
}

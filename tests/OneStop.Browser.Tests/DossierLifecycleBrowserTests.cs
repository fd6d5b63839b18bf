using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Browser.Tests;

/// <summary>
/// A dossier's first steps as people do them in the browser: the counter receives it, prints the receipt and forwards it;
/// the department's specialist finds it in the inbox and completes the appraisal.
/// </summary>
public sealed partial class DossierLifecycleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Liên thông khai sinh – thường trú – thẻ BHYT (Sở Tư pháp leads), flow tthc-lien-thong.</summary>
    private const string Procedure = "1.001193.000.00.03.H56";
    private const string Applicant = "Phạm Minh Khoa";

    [Fact]
    public async Task Counter_receives_prints_and_forwards_then_the_specialist_completes_the_step()
    {
        var counter = await SignInAsync("reception", "/reception");

        await counter.GetByTestId("procedure-search").FillAsync("khai sinh");
        await counter.GetByTestId("procedure-search-button").ClickAsync();
        await counter.Locator($"[data-testid=procedure-row][data-code='{Procedure}'] [data-testid=procedure-link]").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("procedure-code")).ToHaveTextAsync(Procedure);

        await counter.Locator("#Form_Applicant_Name").FillAsync(Applicant);
        await counter.Locator("#Form_Applicant_IdNumber").FillAsync("001095004321");
        await counter.Locator("#Form_Applicant_Phone").FillAsync("0987654321");
        await counter.Locator("#Form_Applicant_Address").FillAsync("45 Lê Lợi, phường Thạch Thang");
        await counter.Locator("#Form_Request").FillAsync("Đăng ký khai sinh, thường trú và thẻ BHYT cho con");
        await BrowserFixture.ScreenshotAsync(counter, "reception-form");
        await counter.GetByTestId("receive-button").ClickAsync();

        await counter.WaitForURLAsync(DossierPage());
        var code = (await counter.GetByTestId("dossier-code").TextContentAsync())!.Trim();
        Assert.Matches(@"^000\.00\.03\.H56-\d{6}-\d{4}$", code);
        await Assertions.Expect(counter.GetByTestId("status")).ToHaveTextAsync("Được tiếp nhận");
        await BrowserFixture.ScreenshotAsync(counter, "reception-dossier");

        var receipt = await counter.RunAndWaitForPopupAsync(() => counter.GetByTestId("print-receipt").First.ClickAsync());
        await receipt.WaitForLoadStateAsync(LoadState.Load);
        await BrowserFixture.ScreenshotAsync(receipt, "reception-receipt");
        var printed = await receipt.Locator("body").InnerTextAsync();
        Assert.Contains(code, printed, StringComparison.Ordinal);
        Assert.Contains(Applicant, printed, StringComparison.Ordinal);

        await counter.GetByTestId("forward-button").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("done")).ToHaveTextAsync("Đã chuyển hồ sơ cho cơ quan chủ trì.");
        await Assertions.Expect(counter.GetByTestId("forward-button")).ToHaveCountAsync(0);

        var specialist = await SignInAsync("specialist", "/inbox");
        await specialist.GetByTestId("tab-department").ClickAsync();
        var row = specialist.Locator($"[data-testid=task-row][data-dossier-code='{code}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(specialist, "inbox-with-dossier");
        await row.GetByTestId("task-link").ClickAsync();
        await Assertions.Expect(specialist.GetByTestId("dossier-code")).ToHaveTextAsync(code);
        var complete = specialist.GetByTestId("complete-button");
        if (await complete.CountAsync() == 0)
        {
            // A flow that declares outcomes on this step offers one button per outcome: take the first.
            complete = specialist.Locator("[data-testid^='outcome-']").First;
        }

        await complete.ClickAsync();

        await Assertions.Expect(specialist.GetByTestId("inbox-done")).ToContainTextAsync(code);
        await BrowserFixture.ScreenshotAsync(specialist, "inbox-step-completed");
    }

    [Fact]
    public async Task Reception_form_fits_a_phone_and_has_no_serious_accessibility_violation()
    {
        var page = await SignInAsync("reception", "/reception?q=khai+sinh", phone: true);
        await page.Locator($"[data-testid=procedure-row][data-code='{Procedure}'] [data-testid=procedure-link]").ClickAsync();
        await page.GetByTestId("receive-button").ClickAsync();

        await Assertions.Expect(page.Locator("[id='err-applicant.name']")).ToContainTextAsync("Nhập họ tên");
        await BrowserFixture.ScreenshotAsync(page, "reception-form-phone-errors");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the reception form scrolls sideways on a phone");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
    }

    private async Task<IPage> SignInAsync(string user, string returnUrl, bool phone = false)
    {
        var page = await browser.NewPageAsync(phone);
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync("OneStop@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl);
        return page;
    }

    [GeneratedRegex(@"/reception/dossiers/[^/?]+(\?.*)?$")]
    private static partial Regex DossierPage();
}

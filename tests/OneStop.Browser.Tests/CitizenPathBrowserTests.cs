using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using OneStop.Host.Features.Notifications;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Browser.Tests;

/// <summary>
/// The citizen's whole path through the real pages: registers on a phone and confirms with the e-mailed code, finds a
/// procedure in the public catalogue and submits it online with PDF uploads; the counter accepts it from the online
/// queue; the citizen then sees it received in "my dossiers", and anyone holding the code sees its status at /tra-cuu.
/// </summary>
public sealed partial class CitizenPathBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Đăng ký khai sinh có yếu tố nước ngoài (Sở Tư pháp): online "partly", so the fee is paid at the counter, not online.</summary>
    private const string Procedure = "1.001695.000.00.03.H56";
    private const string FullName = "Hoàng Thị Mai Lan";
    private const string IdNumber = "046195001234";
    private const string Password = "Cong-Dan-2026";
    private const string Received = "Được tiếp nhận";

    /// <summary>A minimal PDF: the upload check sniffs the content, not the name.</summary>
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8];

    [Fact]
    public async Task A_citizen_registers_submits_online_and_sees_the_dossier_received_by_the_counter()
    {
        var email = $"mai.lan.{Guid.NewGuid():N}@example.vn";
        var citizen = await browser.NewPageAsync(phone: true);

        await RegisterAndConfirmAsync(citizen, email);
        await SignInAsync(citizen, email);
        var (code, files) = await SubmitOnlineAsync(citizen, email);

        await AcceptAtTheCounterAsync(code, files);

        await citizen.GotoAsync("/ho-so-cua-toi");
        var row = citizen.Locator($"[data-testid=dossier-row][data-code='{code}']");
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync(Received);
        await BrowserFixture.ScreenshotAsync(citizen, "citizen-my-dossiers");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(citizen));

        await row.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await ArrivedAsync(citizen, "/ho-so-cua-toi/" + code);
        await Assertions.Expect(citizen.GetByTestId("dossier-code")).ToHaveTextAsync(code);
        await Assertions.Expect(citizen.GetByTestId("dossier-status")).ToHaveTextAsync(Received);
        Assert.Equal(files.Order(), (await citizen.GetByTestId("file-link").AllTextContentsAsync()).Order());
        await Assertions.Expect(citizen.GetByTestId("notices")).ToContainTextAsync("tiếp nhận");
        await BrowserFixture.ScreenshotAsync(citizen, "citizen-my-dossier");

        await LookUpAnonymouslyAsync(code, email);
        await citizen.Context.CloseAsync();
    }

    /// <summary>Registers with an e-mail address and enters the 6-digit code from the e-mail in the pickup folder.</summary>
    private async Task RegisterAndConfirmAsync(IPage page, string email)
    {
        await page.GotoAsync("/dang-ky");
        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync(FullName);
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Nhập lại mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "citizen-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();

        await ArrivedAsync(page, "/dang-ky/xac-nhan");
        await Assertions.Expect(page.GetByLabel("Thư điện tử hoặc số điện thoại")).ToHaveValueAsync(email);
        // The code is sent before the redirect (not through the outbox), so its e-mail is already in the folder.
        await page.GetByLabel("Mã gồm 6 chữ số").FillAsync(ConfirmationCode(email));
        await BrowserFixture.ScreenshotAsync(page, "citizen-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận", Exact = true }).ClickAsync();

        await ArrivedAsync(page, "/dang-nhap");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tài khoản đã được xác nhận. Mời bạn đăng nhập.");
    }

    /// <summary>Signs in on the page the confirmation leads to, where the e-mail address is already filled in.</summary>
    private static async Task SignInAsync(IPage page, string email)
    {
        await Assertions.Expect(page.GetByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại")).ToHaveValueAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        await ArrivedAsync(page, "/");
        await Assertions.Expect(page.GetByText($"Xin chào, {FullName}")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "citizen-signed-in");
    }

    /// <summary>Finds the procedure in the catalogue, submits it with one PDF per document, and returns the code and the file names.</summary>
    private static async Task<(string Code, IReadOnlyList<string> Files)> SubmitOnlineAsync(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục hành chính", Exact = true }).ClickAsync();
        await ArrivedAsync(page, "/thu-tuc");
        await page.GetByLabel("Tên hoặc mã thủ tục").FillAsync("khai sinh có yếu tố nước ngoài");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();
        // Click in the search results only, not in the unfiltered list they replace.
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("q=", StringComparison.Ordinal));
        var result = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Procedure });
        await BrowserFixture.ScreenshotAsync(page, "citizen-catalogue");
        await result.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/thu-tuc/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đăng ký khai sinh có yếu tố nước ngoài");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp trực tuyến", Exact = true }).ClickAsync();

        await ArrivedAsync(page, "/nop-ho-so");
        await Assertions.Expect(page.GetByTestId("procedure-summary")).ToContainTextAsync(Procedure);
        await Assertions.Expect(page.GetByTestId("payment-required")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Họ và tên", Exact = true })).ToHaveValueAsync(FullName);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Thư điện tử", Exact = true })).ToHaveValueAsync(email);
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Số định danh cá nhân (CCCD)", Exact = true }).FillAsync(IdNumber);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Địa chỉ", Exact = true }).FillAsync("12 Nguyễn Huệ, phường Thuận Hóa");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Nội dung yêu cầu giải quyết", Exact = true }).FillAsync("Đăng ký khai sinh cho con, cha là người nước ngoài");
        var uploads = page.GetByTestId("document-upload");
        var count = await uploads.CountAsync();
        Assert.True(count > 0, "the procedure asks for no document");
        var files = Enumerable.Range(1, count).Select(i => $"giay-to-{i}.pdf").ToList();
        for (var i = 0; i < count; i++)
        {
            await uploads.Nth(i).Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = files[i], MimeType = "application/pdf", Buffer = Pdf });
        }

        await BrowserFixture.ScreenshotAsync(page, "citizen-submit-form");
        await page.GetByTestId("submit-button").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/nop-ho-so/da-nop/", StringComparison.Ordinal));
        var code = (await page.GetByTestId("dossier-code").TextContentAsync())!.Trim();
        Assert.Matches(DossierCode(), code);
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Mới đăng ký");
        await BrowserFixture.ScreenshotAsync(page, "citizen-submitted");
        return (code, files);
    }

    /// <summary>The reception officer, at a desk in a context of their own, finds the dossier in the online queue and accepts it.</summary>
    private async Task AcceptAtTheCounterAsync(string code, IReadOnlyList<string> files)
    {
        var counter = await browser.NewPageAsync();
        await counter.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/reception/online"));
        await counter.GetByLabel("Tên đăng nhập, thư điện tử hoặc số điện thoại").FillAsync("reception");
        await counter.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("OneStop@2026");
        await counter.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await ArrivedAsync(counter, "/reception/online");

        var row = counter.Locator($"[data-testid=online-queue] [data-testid=dossier-row][data-code='{code}']");
        await Assertions.Expect(row).ToContainTextAsync(FullName);
        await BrowserFixture.ScreenshotAsync(counter, "citizen-online-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await ArrivedAsync(counter, "/reception/online/" + code);
        await Assertions.Expect(counter.GetByTestId("dossier-code")).ToHaveTextAsync(code);
        Assert.Equal(files.Order(), (await counter.GetByTestId("file-link").AllTextContentsAsync()).Order());
        await counter.GetByTestId("accept-button").ClickAsync();

        await ArrivedAsync(counter, "/reception/dossiers/" + code);
        await Assertions.Expect(counter.GetByTestId("status")).ToHaveTextAsync(Received);
        await BrowserFixture.ScreenshotAsync(counter, "citizen-accepted-at-counter");
        await counter.GotoAsync("/reception/online");
        await Assertions.Expect(counter.Locator($"[data-testid=dossier-row][data-code='{code}']")).ToHaveCountAsync(0);
        await counter.Context.CloseAsync();
    }

    /// <summary>Anyone with the code (a phone, signed out) sees the status, and nothing of who the applicant is.</summary>
    private async Task LookUpAnonymouslyAsync(string code, string email)
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/tra-cuu");
        await page.GetByTestId("lookup-code").FillAsync(code);
        await page.GetByTestId("lookup-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("code=", StringComparison.Ordinal));

        await Assertions.Expect(page.GetByTestId("lookup-result-code")).ToHaveTextAsync(code);
        await Assertions.Expect(page.GetByTestId("lookup-status")).ToHaveTextAsync("2. " + Received);
        await BrowserFixture.ScreenshotAsync(page, "citizen-lookup");
        var content = await page.ContentAsync();
        Assert.DoesNotContain(FullName, content, StringComparison.Ordinal);
        Assert.DoesNotContain(email, content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(IdNumber, content, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for the navigation to <paramref name="path"/> to load: the pages are rendered on the server, complete on load.</summary>
    /// <summary>Waits for the page at <paramref name="path"/>; on a timeout says where the browser is and what the page says.</summary>
    private static async Task ArrivedAsync(IPage page, string path)
    {
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        }
        catch (TimeoutException ex)
        {
            var alerts = await page.Locator("[role=alert], .field-error, .validation-summary-errors").AllInnerTextsAsync();
            await BrowserFixture.ScreenshotAsync(page, "citizen-failed-at-" + path.Trim('/').Replace('/', '-'));
            throw new TimeoutException($"Expected {path}, still at {page.Url}; the page says: {string.Join(" | ", alerts.Where(a => a.Trim().Length > 0))}", ex);
        }
    }

    /// <summary>The 6-digit code of the confirmation e-mail to <paramref name="email"/>, read from the host's pickup folder.</summary>
    private string ConfirmationCode(string email)
    {
        var folder = browser.App.Services.GetRequiredService<NotificationChannels>().MailFolder
            ?? throw new InvalidOperationException("The host delivers no e-mail to a pickup folder.");
        var codes = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.eml"))
        {
            using var mail = MimeMessage.Load(file);
            if (mail.To.Mailboxes.Any(a => a.Address == email))
            {
                Assert.Equal("Mã xác nhận tài khoản OneStop", mail.Subject);
                codes.Add(SixDigits().Match(mail.TextBody ?? "").Value);
            }
        }

        return Assert.Single(codes);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"^000\.00\.03\.H56-\d{6}-\d{4}$")]
    private static partial Regex DossierCode();
}

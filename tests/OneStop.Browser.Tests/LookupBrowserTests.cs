using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Persistence;
using OneStop.Host.Tests.Infrastructure;
using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace OneStop.Browser.Tests;

/// <summary>
/// The public look-up from the citizen's side: the receipt's QR code and barcode carry the code the look-up accepts, and a
/// phone finds the dossier at /tra-cuu by the typed code or by a photo of the receipt's QR code.
/// </summary>
public sealed class LookupBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Liên thông khai sinh – thường trú – thẻ BHYT (Sở Tư pháp leads).</summary>
    private const string Procedure = "1.001193.000.00.03.H56";

    [Fact]
    public async Task The_receipt_QR_code_decodes_to_the_code_that_the_look_up_shows_on_a_phone()
    {
        var (code, receipt) = await ReceiveAsync();
        var qrPng = await ScreenshotOfAsync(receipt, "svg.qr", "lookup-receipt-qr");
        var barcodePng = await ScreenshotOfAsync(receipt, "svg.barcode", "lookup-receipt-barcode");

        var fromQr = Decode(qrPng, BarcodeFormat.QR_CODE);
        var fromBarcode = Decode(barcodePng, BarcodeFormat.CODE_128);

        Assert.Equal(code, fromQr);
        Assert.Equal(code, fromBarcode);

        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/tra-cuu");
        await page.GetByTestId("lookup-code").FillAsync(fromQr);
        await page.GetByTestId("lookup-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("lookup-result-code")).ToHaveTextAsync(code);
        await Assertions.Expect(page.GetByTestId("lookup-status")).ToHaveTextAsync("2. Được tiếp nhận");
        await Assertions.Expect(page.GetByTestId("lookup-procedure")).ToContainTextAsync("khai sinh");
        await BrowserFixture.ScreenshotAsync(page, "lookup-phone-result");
        Assert.Empty(await BrowserFixture.SeriousAccessibilityViolationsAsync(page));
        // Nothing of the applicant reaches the citizen-facing page, only what the receipt's holder may see.
        Assert.DoesNotContain("Phan Thị Ngọc Diệp", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_of_the_receipt_QR_code_fills_the_code_and_looks_it_up()
    {
        var (code, receipt) = await ReceiveAsync();
        var qrPng = await ScreenshotOfAsync(receipt, "svg.qr", "lookup-receipt-qr-photo");
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync("/tra-cuu");
        // The script shows the photo button once it has loaded: the bundle is served and runs.
        await Assertions.Expect(page.Locator("[data-lookup-photo-label]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "lookup-phone-form");

        await page.GetByTestId("lookup-photo").SetInputFilesAsync(new FilePayload { Name = "receipt-qr.png", MimeType = "image/png", Buffer = qrPng });

        await Assertions.Expect(page.GetByTestId("lookup-result-code")).ToHaveTextAsync(code, new() { Timeout = 15_000 });
        Assert.Contains("code=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_JavaScript_the_typed_code_still_works_and_an_unknown_one_says_not_found()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tra-cuu");
        await Assertions.Expect(page.GetByTestId("lookup-scan")).ToBeHiddenAsync();

        await page.GetByTestId("lookup-code").FillAsync("000.00.03.H56-991231-9999");
        await page.GetByTestId("lookup-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("lookup-not-found")).ToContainTextAsync("Không tìm thấy hồ sơ");
        await context.CloseAsync();
    }

    /// <summary>Receives a dossier at the counter (in process) and opens its receipt (form 01) as issued.</summary>
    private async Task<(string Code, IPage Receipt)> ReceiveAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var reception = scope.ServiceProvider.GetRequiredService<ReceptionService>();
        var procedure = await db.CatalogueProcedures.Where(p => p.LocalCode == Procedure).Select(p => p.Id).SingleAsync();
        var result = await reception.ReceiveAsync(new ReceiveDossierRequest
        {
            ProcedureId = procedure,
            Applicant = new PartyDto(ApplicantKind.Citizen, "Phan Thị Ngọc Diệp", "046190007788", "0935112233", "diep@example.test", "7 Hùng Vương, phường Phú Hội"),
            Request = "Đăng ký khai sinh, thường trú và thẻ BHYT cho con",
        }, new Officer("reception", "000.00.30.H56/TNTKQ"), CancellationToken.None);
        var dossier = result.Dossier ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        var html = await db.DossierNotices.Where(n => n.DossierId == dossier.Id).OrderBy(n => n.IssuedAt).Select(n => n.Html).FirstAsync();

        // Printed at about 400 dpi rather than a screen's 96: the barcode's narrowest bar is thinner than a CSS pixel.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { DeviceScaleFactor = 4 });
        var receipt = await context.NewPageAsync();
        await receipt.SetContentAsync(html);
        return (dossier.Code, receipt);
    }

    private static async Task<byte[]> ScreenshotOfAsync(IPage page, string selector, string name) =>
        await page.Locator(selector).First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, name + ".png") });

    /// <summary>The text of the one code of <paramref name="format"/> in a PNG, as a phone's reader would see it.</summary>
    private static string Decode(byte[] png, BarcodeFormat format)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [format], TryHarder = true } };
        return reader.Decode(source)?.Text ?? throw new InvalidOperationException($"No {format} found in the image.");
    }
}

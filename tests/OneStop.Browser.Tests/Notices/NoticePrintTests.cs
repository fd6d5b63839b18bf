using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.Host.Features.Notices;
using OneStop.Host.Tests.Infrastructure;

namespace OneStop.Browser.Tests.Notices;

public sealed partial class NoticePrintTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_receipt_prints_on_A4_one_page_per_copy()
    {
        var library = NoticeLibrary.Load(Path.Combine(Repository.Root, "templates", "notices"));
        var html = await new NoticeRenderer(library).RenderAsync("TT01-2018/01", library.ReadSample(library.Find("TT01-2018/01")!));
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(html);

        await BrowserFixture.ScreenshotAsync(page, "notice-receipt-01");
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserFixture.Artifacts, "notice-receipt-01.pdf"), PreferCSSPageSize = true, PrintBackground = true });

        // Chromium writes one MediaBox per page: A4 is 595 × 842 points.
        var boxes = MediaBox().Matches(Encoding.Latin1.GetString(pdf)).ToList();
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, b =>
        {
            Assert.InRange(double.Parse(b.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 596);
            Assert.InRange(double.Parse(b.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
        });
        // The barcode and the QR code are drawn, not left as empty boxes.
        Assert.True(await page.Locator("svg.barcode rect").CountAsync() > 30);
        Assert.Equal(2, await page.Locator("svg.qr").CountAsync());
    }

    [Theory]
    [InlineData("TT03-2025/06", false)]
    [InlineData("TT03-2025/07", true)]
    [InlineData("TT03-2025/04", false)]
    [InlineData("fee-receipt", false)]
    [InlineData("decision", false)]
    public async Task Other_notices_print_on_A4_in_their_orientation(string code, bool landscape)
    {
        var library = NoticeLibrary.Load(Path.Combine(Repository.Root, "templates", "notices"));
        var html = await new NoticeRenderer(library).RenderAsync(code, library.ReadSample(library.Find(code)!));
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(html);
        var name = "notice-" + code.Replace('/', '-');

        await BrowserFixture.ScreenshotAsync(page, name);
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserFixture.Artifacts, name + ".pdf"), PreferCSSPageSize = true, PrintBackground = true });

        var box = MediaBox().Match(Encoding.Latin1.GetString(pdf));
        var width = double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(landscape, width > 800);
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}

using System.Text.Json;
using Microsoft.Playwright;

namespace OneStop.Host.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), plus the real Host on Kestrel.
/// Screenshots go to <c>artifacts/screenshots</c> at the repository root.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public OneStopApp App { get; } = new();

    public static string Artifacts { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}. Run ./test.sh, which installs Debian's chromium package.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Artifacts);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) on the Host, phone-sized when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "vi-VN",
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    /// <summary>axe-core's violations of impact serious or critical on the current page.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(AppContext.BaseDirectory, "axe.min.js") });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run()).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        return [.. result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }
}

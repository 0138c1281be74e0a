using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests.Infrastructure;

/// <summary>
/// One headless Debian chromium for the whole test collection, driven by Playwright through its executable path: no
/// browser is ever downloaded. Without the browser the tests skip, or fail when <c>GATEHOUSE_TEST_REQUIRE_TOOLS=1</c>
/// (<c>./test.sh</c> sets it after installing chromium with build/test-chromium.sh).
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>Where Debian installs chromium; <c>GATEHOUSE_TEST_CHROMIUM</c> overrides it.</summary>
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string? Missing { get; private set; }

    public static string Executable => Environment.GetEnvironmentVariable("GATEHOUSE_TEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    /// <summary>Gets where the tests write their screenshots: <c>GATEHOUSE_TEST_SCREENSHOTS</c>, or <c>screenshots/</c> beside the test assembly.</summary>
    public static string ScreenshotFolder => Environment.GetEnvironmentVariable("GATEHOUSE_TEST_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            Missing = $"chromium is not installed at {Executable}: run ./test.sh (it installs Debian's chromium), or apt-get install chromium";
            return;
        }

        // Playwright's driver would otherwise look for (and offer to download) its own browser builds.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>Opens a fresh browser context (its own cookies: one person) at 1280x800, with <paramref name="storageState"/>'s cookies if given.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, string? storageState = null)
    {
        if (Missing is not null)
        {
            if (Environment.GetEnvironmentVariable("GATEHOUSE_TEST_REQUIRE_TOOLS") == "1")
            {
                Assert.Fail(Missing);
            }

            Assert.Skip(Missing);
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

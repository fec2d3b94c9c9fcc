using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Presence.Approvals.AspNetCore.Tests.Browser;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright (no browser download): the executable comes from
/// PRESENCE_CHROMIUM, which build/services/chromium.sh exports; the flags are the ones this machine's closed network needs.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go: under the test output, never in the repository.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("PRESENCE_CHROMIUM");
        if (string.IsNullOrEmpty(executable))
        {
            executable = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
                : throw new InvalidOperationException("No browser for the page tests: run build/test.sh (it installs Debian's chromium) or set PRESENCE_CHROMIUM.");
        }

        // Page loads are server-rendered and quick, but two busy cores can stall a moment: wait longer than the default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        // Playwright starts the browser with a fresh, empty profile of its own (--user-data-dir is its to set).
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

using PuppeteerSharp;

namespace Open311Gateway.IntegrationTests.Operator;

/// <summary>
/// Debian's chromium, driven over the DevTools protocol by PuppeteerSharp; nothing is downloaded (deploy/local/test.sh
/// installs the package). A missing browser fails the test: it never skips.
/// </summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (bash deploy/local/browser.sh).");
        return Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in CI has no user namespace sandbox; /dev/shm is small in containers.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--lang=en-US"],
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 900 },
        });
    }

    /// <summary>Where a test keeps its screenshots: beside the test assembly, in the test run's output.</summary>
    public static string EvidencePath(string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "evidence");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}

namespace FundManager.Browser.Tests.Infrastructure;

/// <summary>
/// The real program (<c>fundmanager serve --demo</c> on a fresh database, on loopback) and one headless Chromium, shared
/// by the browser tests. Each test opens its own browser context, so no cookie or page is shared between them.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ServeProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => Server.Client.BaseAddress!.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        var chromium = Chromium.EnsureAsync();
        Server = await ServeProcess.StartAsync("--demo", "--database", await TestServer.CreateDatabaseAsync());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = await chromium,
            Headless = true,
            Args = Chromium.AsRoot ? ["--no-sandbox"] : [],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// Runs <paramref name="steps"/> on a new page; when they fail, the page's screenshot and HTML are saved under
    /// <c>tests/Browser.Tests/TestResults/</c>, named for <paramref name="name"/>, before the failure is reported.
    /// </summary>
    public async Task OnPageAsync(string name, Func<IPage, Task> steps)
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch
        {
            var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), await page.ContentAsync());
            throw;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}

using Deque.AxeCore.Playwright;
using Deque.AxeCore.Commons;

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
    /// Runs <paramref name="steps"/> on a new page; when they fail, the page's screenshot and HTML, and the server's last
    /// lines of log, are saved under <c>tests/Browser.Tests/TestResults/</c>, named for <paramref name="name"/>, before
    /// the failure is reported.
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
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".server.log"), Server.RecentOutput);
            throw;
        }
    }

    /// <summary>Opens the first record of the list at <paramref name="list"/> (a path with its filters) and returns its id.</summary>
    public static async Task<string> OpenFirstListedAsync(IPage page, string list)
    {
        await page.GotoAsync(list);
        await page.Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        return page.Url.Split('/').Last();
    }

    /// <summary>Signs in through the sign-in page as <paramref name="email"/> (the demo password unless another is given).</summary>
    public static async Task SignInAsync(IPage page, string email, string password = DemoUsers.Password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Signed in as {email}")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Runs axe-core on the page as it is: no serious or critical WCAG violation. Frames are not entered: the portal's
    /// only frame is the template preview, sandboxed so that no script runs in it, where axe would wait for ever.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = (await page.RunAxe(new AxeRunOptions { Iframes = false })).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Nodes.FirstOrDefault()?.Html}").ToList();
        Assert.True(violations.Count == 0, page.Url + ": " + string.Join(", ", violations));
    }

    /// <summary>An HTTP client of the API signed in as <paramref name="email"/> with a bearer token, as a program would be.</summary>
    public async Task<HttpClient> ApiAsAsync(string email)
    {
        var client = new HttpClient { BaseAddress = Server.Client.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoUsers.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}

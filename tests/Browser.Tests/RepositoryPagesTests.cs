using Deque.AxeCore.Playwright;
using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// The public repository through Chromium, as a visitor clicks it: finding a grant by the UPR recommendation it serves
/// and by its SDG target, and every public page free of serious or critical accessibility violations (axe-core).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RepositoryPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task An_anonymous_visitor_finds_a_grant_by_its_upr_recommendation_and_by_its_sdg_target()
    {
        var grant = await ActiveGrantAsync();
        var title = grant.GetProperty("title").GetString()!;
        foreach (var (label, value) in new[] { ("UPR recommendation (its id)", grant.GetProperty("recommendations")[0].GetString()!), ("SDG target (e.g. 16.6)", grant.GetProperty("sdgTargets")[0].GetString()!) })
        {
            await portal.OnPageAsync("find-by-" + label.Split(' ')[0].ToLowerInvariant(), async page =>
            {
                await page.GotoAsync("/repository");
                await page.GetByLabel(label).FillAsync(value);
                await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = grant.GetProperty("recommendations")[0].GetString()! })).ToBeVisibleAsync();
            });
        }
    }

    [Fact]
    public async Task Every_public_page_has_no_serious_or_critical_accessibility_violation()
    {
        var grant = await ActiveGrantAsync();
        foreach (var path in new[] { "/", "/repository", "/repository?modality=SouthSouth", "/repository?year=twenty", $"/repository/{grant.GetProperty("id").GetString()}" })
        {
            await portal.OnPageAsync("axe" + path.Replace('/', '-').Replace('?', '-').Replace('=', '-'), async page =>
            {
                await page.GotoAsync(path);
                var result = await page.RunAxe();
                Assert.NotEmpty(result.Passes);
                var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
                Assert.True(serious.Count == 0, $"{path}: {string.Join("; ", serious)}");
            });
        }
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_of_the_keyboard_and_leads_to_the_content()
    {
        await portal.OnPageAsync("keyboard", async page =>
        {
            await page.GotoAsync("/repository");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to the content" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        });
    }

    private async Task<JsonElement> ActiveGrantAsync()
    {
        await portal.Server.LoginAsync(DemoUsers.Officer);
        var grants = await portal.Server.Client.GetFromJsonAsync<JsonElement>("/api/v1/grants?status=Active&limit=1");
        return grants.GetProperty("items")[0];
    }
}

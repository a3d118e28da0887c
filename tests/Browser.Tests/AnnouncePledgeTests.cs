using Deque.AxeCore.Playwright;
using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// A donor announces a pledge through the page: it appears among the donor's pledges; the same form submitted twice
/// announces one pledge; a refused field is shown next to it with what was typed kept.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AnnouncePledgeTests(PortalFixture portal)
{
    [Fact]
    public async Task A_donor_announces_a_pledge_once_however_often_the_form_is_sent()
    {
        await portal.OnPageAsync("announce", async page =>
        {
            await SignInAsync(page);
            var before = await page.Locator("section.pledge").CountAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Announce a pledge" }).ClickAsync();
            var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
            Assert.True(violations.Count == 0, string.Join(", ", violations));

            await page.GetByLabel("Fund").SelectOptionAsync("VFTC");
            await page.GetByLabel("Currency (ISO code, e.g. NOK)").FillAsync("NOK");
            await page.Locator("#due-0").FillAsync("2027-06-30");
            await page.Locator("#amount-0").FillAsync("123456");

            // The same form sent twice at once, as a double click sends it: one pledge.
            var form = await page.EvaluateAsync<string>("() => new URLSearchParams(new FormData(document.querySelector('form.announce'))).toString()");
            var sends = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => page.APIRequest.PostAsync("/my/pledges/new", new()
            {
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
                DataString = form,
                MaxRedirects = 0,
            })));
            Assert.All(sends, s => Assert.Equal(302, s.Status));

            await page.GotoAsync("/my/pledges");
            await Assertions.Expect(page.Locator("section.pledge")).ToHaveCountAsync(before + 1);
            await Assertions.Expect(page.Locator("section.pledge").Filter(new() { HasText = "123,456.00 NOK" })).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task A_refused_field_is_shown_next_to_it_and_what_was_typed_is_kept()
    {
        await portal.OnPageAsync("announce-refused", async page =>
        {
            await SignInAsync(page);
            await page.GotoAsync("/my/pledges/new");
            await page.GetByLabel("Fund").SelectOptionAsync("VFTC");
            await page.GetByLabel("Currency (ISO code, e.g. NOK)").FillAsync("XYZ");
            await page.Locator("#due-0").FillAsync("2027-06-30");
            await page.Locator("#amount-0").FillAsync("500");
            await page.GetByRole(AriaRole.Button, new() { Name = "Announce" }).ClickAsync();

            await Assertions.Expect(page.Locator("#currency-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Currency (ISO code, e.g. NOK)")).ToHaveValueAsync("XYZ");
            await Assertions.Expect(page.Locator("#amount-0")).ToHaveValueAsync("500");
            var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
            Assert.True(violations.Count == 0, string.Join(", ", violations));
        });
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync(DemoUsers.NorwayDonor);
        await page.GetByLabel("Password").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My pledges", Level = 1 })).ToBeVisibleAsync();
    }
}

using Deque.AxeCore.Playwright;
using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// Signing in to the pages with the API's users: a donor sees its own pledges and nobody else's, a wrong password is
/// said so, and signing out ends the session (the pages ask to sign in again).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture portal)
{
    [Fact]
    public async Task A_donor_signs_in_sees_its_own_pledges_only_and_signing_out_ends_the_session()
    {
        await portal.OnPageAsync("donor-sign-in", async page =>
        {
            await page.GotoAsync("/my/pledges");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
            await page.GetByLabel("E-mail").FillAsync(DemoUsers.NorwayDonor);
            await page.GetByLabel("Password").FillAsync(DemoUsers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My pledges", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("CA-NORWAY-2021").First).ToBeVisibleAsync();
            Assert.DoesNotContain("CA-GERMANY", await page.ContentAsync(), StringComparison.Ordinal);
            await Assertions.Expect(page.GetByText($"Signed in as {DemoUsers.NorwayDonor}")).ToBeVisibleAsync();
            var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
            Assert.True(violations.Count == 0, string.Join(", ", violations));

            await page.GetByRole(AriaRole.Link, new() { Name = "My receipts" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My receipts", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("NOK");
            Assert.DoesNotContain("EUR", await page.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
            violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
            Assert.True(violations.Count == 0, string.Join(", ", violations));

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GotoAsync("/my/pledges");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        });
    }

    [Fact]
    public async Task A_wrong_password_is_said_so_on_the_sign_in_page()
    {
        await portal.OnPageAsync("wrong-password", async page =>
        {
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("E-mail").FillAsync(DemoUsers.Officer);
            await page.GetByLabel("Password").FillAsync("not-the-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
            var violations = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
            Assert.True(violations.Count == 0, string.Join(", ", violations));
        });
    }
}

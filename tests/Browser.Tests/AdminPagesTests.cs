using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>An administrator through the admin pages: users added and disabled, a fund's rates refused out of range, rates imported, the cluster's silos.</summary>
[Collection(PortalCollection.Name)]
public sealed class AdminPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task An_admin_adds_a_user_with_roles_who_can_sign_in_until_disabled()
    {
        var email = $"new.officer.{Guid.NewGuid():N}"[..24] + "@demo.org";
        await portal.OnPageAsync("admin-users", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Admin);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password (").FillAsync("short");
            await page.GetByLabel("officer", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).ClickAsync();
            await Assertions.Expect(page.Locator("#password-error")).ToBeVisibleAsync();

            await page.GetByLabel("Password (").FillAsync("a-long-enough-password-1");
            await page.GetByLabel("officer", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("approver", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = email })).ToContainTextAsync("officer, approver");
        });

        await portal.OnPageAsync("new-user-signs-in", async page =>
        {
            await PortalFixture.SignInAsync(page, email, "a-long-enough-password-1");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work queue", Level = 1 })).ToBeVisibleAsync();

            // The admin changes the user's roles meanwhile: the user's session ends, and the next one has the new roles.
            using (var admin = await portal.ApiAsAsync(DemoUsers.Admin))
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/users/{email}/roles", new { roles = new[] { "board" } })).StatusCode);
            }

            await page.GotoAsync("/work");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
            await PortalFixture.SignInAsync(page, email, "a-long-enough-password-1");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board of Trustees", Level = 1 })).ToBeVisibleAsync();
        });

        await portal.OnPageAsync("admin-changes-roles", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Admin);
            await page.GetByLabel("User to change").SelectOptionAsync(email);
            await page.GetByLabel("auditor (new role)").CheckAsync();
            await page.GetByLabel("board (new role)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the roles" }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = email })).ToContainTextAsync("board, auditor");
            await page.GetByLabel("User to change").SelectOptionAsync(email);
            await page.GetByLabel("donor (new role)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the roles" }).ClickAsync();
            await Assertions.Expect(page.Locator("#roles-refusal")).ToContainTextAsync("only a donor user");
            await PortalFixture.AssertAccessibleAsync(page);
        });

        await portal.OnPageAsync("admin-disables", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Admin);
            await page.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = email })).ToContainTextAsync("disabled");
        });

        await portal.OnPageAsync("disabled-user-refused", async page =>
        {
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password").FillAsync("a-long-enough-password-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("failed=true"));
        });
    }

    [Fact]
    public async Task An_admin_is_refused_an_impossible_psc_rate_imports_exchange_rates_and_sees_the_clusters_silos()
    {
        await portal.OnPageAsync("admin-funds", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Admin);
            await page.GotoAsync("/funds");
            await PortalFixture.AssertAccessibleAsync(page);
            var before = await page.Locator("table").First.InnerTextAsync();

            await page.GetByLabel("PSC rate (fraction, e.g. 0.13)").FillAsync("1.5");
            await page.GetByLabel("Operating reserve rate (fraction, e.g. 0.15)").FillAsync("0.15");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the rates" }).ClickAsync();
            await Assertions.Expect(page.Locator("#rates-refusal")).ToBeVisibleAsync();
            Assert.Equal(before, await page.Locator("table").First.InnerTextAsync());

            await page.GetByLabel("The UN Treasury's table as CSV").FillAsync("XAF,601.25,2026-11-01\nXOF,601.25,2026-11-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the rates" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 rates read");
            await Assertions.Expect(page.Locator("tr", new() { HasText = "XOF" })).ToContainTextAsync("1 November 2026");
            var rates = (await (await page.APIRequest.GetAsync("/api/v1/exchange-rates?currency=XOF")).JsonAsync())!.Value.GetProperty("items");
            Assert.Contains(rates.EnumerateArray(), r => r.GetProperty("unitsPerUsd").GetDecimal() == 601.25m && r.GetProperty("effectiveOn").GetString() == "2026-11-01");

            await page.GetByRole(AriaRole.Link, new() { Name = "Cluster", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "Active" }).First).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);
        });
    }
}

using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>A donor reads how its money was used, by fund, region, country and SDG target, and downloads the statement; another donor's does not exist for it.</summary>
[Collection(PortalCollection.Name)]
public sealed class DonorUtilisationTests(PortalFixture portal)
{
    [Fact]
    public async Task A_donor_reads_its_utilisation_with_a_chart_and_downloads_the_statement_but_never_another_donors()
    {
        await portal.OnPageAsync("donor-utilisation", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.NorwayDonor);
            await page.GetByRole(AriaRole.Link, new() { Name = "How my money was used" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How my contributions were used", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".charts svg")).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            // The page's figures are the API's statement of the same donor.
            var norway = DemoIds.For("donor", "norway");
            var statement = (await (await page.APIRequest.GetAsync($"/api/v1/donors/{norway}/utilisation")).JsonAsync())!.Value;
            var applied = statement.GetProperty("appliedUsd").GetDecimal();
            Assert.True(applied > 0m);
            await Assertions.Expect(page.Locator("main > p").First).ToContainTextAsync(applied.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " USD");
            foreach (var country in statement.GetProperty("countries").EnumerateArray())
            {
                await Assertions.Expect(page.Locator("table", new() { HasText = "By country" }).Locator("tr", new() { HasText = country.GetProperty("country").GetString() }))
                    .ToContainTextAsync(country.GetProperty("amount").GetDecimal().ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " USD");
            }

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "The statement (Excel)" }).ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

            // Another donor's statement does not exist for this donor, whichever way it is asked for.
            var germany = DemoIds.For("donor", "germany");
            Assert.Equal(404, (await page.APIRequest.GetAsync($"/api/v1/donors/{germany}/utilisation")).Status);
            Assert.Equal(404, (await page.APIRequest.GetAsync($"/api/v1/donors/{germany}/utilisation.xlsx")).Status);
            var secretariatPage = await page.GotoAsync("/pledges");
            Assert.Equal(403, secretariatPage!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not for your role", Level = 1 })).ToBeVisibleAsync();
        });
    }
}

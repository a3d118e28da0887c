using System.Globalization;
using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// What an officer enters through the pages: a donor, a UPR recommendation, a grant drafted to serve it (PSC and
/// commitment shown first, a schedule that does not add up refused next to the tranches), a pledge's schedule amended,
/// and how far a recommendation served by an active grant has been implemented.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OfficerFormsTests(PortalFixture portal)
{
    [Fact]
    public async Task An_officer_registers_a_donor_and_a_member_state_without_its_country_is_refused_next_to_the_country()
    {
        var name = "Republic of Portalia " + Guid.NewGuid().ToString("N")[..6];
        await portal.OnPageAsync("officer-registers-donor", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await page.GotoAsync("/donors");
            await page.GetByRole(AriaRole.Link, new() { Name = "Register a donor" }).ClickAsync();
            await page.GetByLabel("Name, as the contribution agreement gives it").FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Assertions.Expect(page.Locator("#country-error")).ToContainTextAsync("Member State");
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByLabel("Country (required for a Member State)").SelectOptionAsync("CIV");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pledges", Level = 1 })).ToBeVisibleAsync();
            var donor = new Uri(page.Url).Query.Split('=')[1];

            var seen = (await (await page.APIRequest.GetAsync($"/api/v1/donors/{donor}")).JsonAsync())!.Value;
            Assert.Equal(name, seen.GetProperty("name").GetString());
            Assert.Equal("CIV", seen.GetProperty("country").GetString());
            Assert.Equal("MemberState", seen.GetProperty("type").GetString());
        });
    }

    [Fact]
    public async Task An_officer_registers_a_recommendation_drafts_a_grant_serving_it_after_seeing_its_psc_and_commitment_and_revises_the_draft()
    {
        var recommendation = "PORTAL." + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var title = "Follow-up plan for the UPR in Ghana " + recommendation;
        await portal.OnPageAsync("officer-drafts-grant", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await page.GotoAsync("/recommendations/new");
            await page.GetByLabel("Recommendation number (e.g. 155.32)").FillAsync(recommendation);
            await page.GetByLabel("State under review").SelectOptionAsync("GHA");
            await page.GetByLabel("Recommending States (ISO alpha-3 codes, separated by commas)").FillAsync("NOR, BRA");
            await page.GetByLabel("UPR cycle").FillAsync("4");
            await page.GetByLabel("Session", new() { Exact = true }).FillAsync("42");
            await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Establish a national mechanism for implementation, reporting and follow-up.");
            await page.GetByLabel("SDG targets (e.g. 16.3, 5.2)").FillAsync("16.6");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = recommendation })).ToHaveCountAsync(1);

            await page.GotoAsync("/grants");
            await page.GetByRole(AriaRole.Link, new() { Name = "Draft a grant" }).ClickAsync();
            await page.GetByLabel("Fund", new() { Exact = true }).SelectOptionAsync("UPR-VFTA");
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Purpose and expected results").FillAsync("A national mechanism that tracks every recommendation.");
            await page.GetByLabel("Implementing entity", new() { Exact = true }).FillAsync("Ministry of Justice of Ghana");
            await page.GetByLabel("Country (the region follows from it)").SelectOptionAsync("GHA");
            await page.GetByLabel("Cooperation modality").SelectOptionAsync("SouthSouth");
            await page.GetByLabel("Starts on").FillAsync("2027-01-01");
            await page.GetByLabel("Ends on").FillAsync("2028-12-31");
            await page.GetByLabel("UPR recommendations served (ids, separated by commas)").FillAsync(recommendation);
            await page.GetByLabel("SDG targets (e.g. 16.3, 5.2)").FillAsync("16.6");
            await page.GetByLabel("Year 1", new() { Exact = true }).FillAsync("2027");
            await page.GetByLabel("Amount of year 1").FillAsync("60000");
            await page.GetByLabel("Year 2 (optional)").FillAsync("2028");
            await page.GetByLabel("Amount of year 2").FillAsync("40000");
            await page.GetByLabel("Tranche 1 planned on", new() { Exact = true }).FillAsync("2027-02-01");
            await page.GetByLabel("Amount of tranche 1").FillAsync("60000");
            await page.GetByLabel("Tranche 2 planned on (optional)").FillAsync("2028-02-01");
            await page.GetByLabel("Amount of tranche 2").FillAsync("30000");

            // Before anything is saved: the fund's PSC on the direct budget and what approval would commit.
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the PSC and the commitment" }).ClickAsync();
            var figures = page.Locator("dl.preview dd");
            await Assertions.Expect(figures.Nth(0)).ToHaveTextAsync("100,000.00 USD");
            var pscRate = (await (await page.APIRequest.GetAsync("/api/v1/funds/UPR-VFTA")).JsonAsync())!.Value.GetProperty("pscRate").GetDecimal();
            var psc = Math.Round(100_000m * pscRate, 2, MidpointRounding.ToEven);
            await Assertions.Expect(figures.Nth(1)).ToHaveTextAsync(Usd(psc));
            await Assertions.Expect(figures.Nth(2)).ToHaveTextAsync(Usd(100_000m + psc));
            await Assertions.Expect(figures.Nth(3)).ToHaveTextAsync("90,000.00 USD");
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
            await Assertions.Expect(page.Locator("#tranches-error")).ToContainTextAsync("not the direct budget of 100,000.00 USD");
            await page.GetByLabel("Amount of tranche 2").FillAsync("40000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("waiting for consent");
            await PortalFixture.AssertAccessibleAsync(page);

            var grant = page.Url.Split('/').Last();

            // The draft revised from its page: the form shows it as it stands, and only what is changed changes.
            await page.GetByRole(AriaRole.Link, new() { Name = "Revise the draft" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Amount of tranche 2")).ToHaveValueAsync("40000");
            await page.GetByLabel("Title").FillAsync(title + " (revised)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title + " (revised)", Level = 1 })).ToBeVisibleAsync();
            Assert.EndsWith(grant, page.Url, StringComparison.Ordinal);

            var seen = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value;
            Assert.Equal("Draft", seen.GetProperty("status").GetString());
            Assert.Equal(title + " (revised)", seen.GetProperty("title").GetString());
            Assert.Equal("Africa", seen.GetProperty("region").GetString());
            Assert.Equal("SouthSouth", seen.GetProperty("modality").GetString());
            Assert.Equal(100_000m, seen.GetProperty("directBudget").GetDecimal());
            Assert.Equal([recommendation], seen.GetProperty("recommendations").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal([60_000m, 40_000m], seen.GetProperty("tranches").EnumerateArray().Select(t => t.GetProperty("plannedAmount").GetDecimal()));
        });
    }

    [Fact]
    public async Task An_officer_amends_a_pledges_schedule_with_a_reason_and_the_pledge_grows_by_the_new_instalment()
    {
        await portal.OnPageAsync("officer-amends-pledge", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            var pledge = await PortalFixture.OpenFirstListedAsync(page, "/pledges?status=PartiallyPaid");
            var before = (await (await page.APIRequest.GetAsync($"/api/v1/pledges/{pledge}")).JsonAsync())!.Value;
            var currency = before.GetProperty("currency").GetString()!;
            var instalments = before.GetProperty("instalments").GetArrayLength();
            var last = instalments + 1;

            // A new instalment in the first empty row, a year after the last one.
            var lastDue = DateOnly.Parse(before.GetProperty("instalments")[instalments - 1].GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);
            await page.GetByLabel($"Instalment {last} due on").FillAsync(lastDue.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel($"Amount of instalment {last} in {currency}").FillAsync("5000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Amend the schedule" }).ClickAsync();
            await Assertions.Expect(page.Locator("#amend-reason-error")).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);
            Assert.Equal(instalments, (await (await page.APIRequest.GetAsync($"/api/v1/pledges/{pledge}")).JsonAsync())!.Value.GetProperty("instalments").GetArrayLength());

            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("The donor's parliament approved a further contribution.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Amend the schedule" }).ClickAsync();
            await Assertions.Expect(page.Locator("table", new() { HasText = "Instalments" }).Locator("tbody tr")).ToHaveCountAsync(last);

            var after = (await (await page.APIRequest.GetAsync($"/api/v1/pledges/{pledge}")).JsonAsync())!.Value;
            Assert.Equal(before.GetProperty("total").GetProperty("amount").GetDecimal() + 5000m, after.GetProperty("total").GetProperty("amount").GetDecimal());
        });
    }

    [Fact]
    public async Task An_officer_records_how_far_a_recommendation_served_by_an_active_grant_is_implemented()
    {
        await portal.OnPageAsync("officer-records-implementation", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            var grant = await PortalFixture.OpenFirstListedAsync(page, "/grants?status=Active");
            var served = page.Locator("table", new() { HasText = "UPR recommendations served" }).Locator("tbody tr").First;
            var recommendation = await served.Locator("td").First.InnerTextAsync();

            await page.GetByLabel("Recommendation", new() { Exact = true }).SelectOptionAsync(recommendation);
            await page.GetByLabel("Implementation", new() { Exact = true }).SelectOptionAsync("FullyImplemented");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the implementation" }).ClickAsync();
            await Assertions.Expect(page.Locator("#evidence-error")).ToBeVisibleAsync();

            await page.GetByLabel("Evidence (the source that shows it)").FillAsync("Law adopted by parliament, official gazette no. 12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the implementation" }).ClickAsync();
            await Assertions.Expect(served).ToContainTextAsync("fully implemented");
            await PortalFixture.AssertAccessibleAsync(page);

            var seen = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value;
            var progress = seen.GetProperty("recommendationProgress").EnumerateArray().Last(p => p.GetProperty("recommendation").GetString() == recommendation);
            Assert.Equal("FullyImplemented", progress.GetProperty("status").GetString());
        });
    }

    [Fact]
    public async Task An_officer_revises_an_active_grants_budget_after_seeing_the_change_in_commitment_and_the_fund_has_committed_that_much()
    {
        JsonElement before;
        using (var officer = await portal.ApiAsAsync(DemoUsers.Officer))
        {
            var active = await officer.GetFromJsonAsync<JsonElement>("/api/v1/grants?status=Active&limit=200");
            before = active.GetProperty("items").EnumerateArray().First(g =>
                g.GetProperty("tranches").EnumerateArray().All(t => t.GetProperty("state").GetString() != "Prepared")
                && g.GetProperty("tranches").EnumerateArray().Last().GetProperty("state").GetString() == "Planned");
        }

        var grant = before.GetProperty("id").GetString()!;
        var years = before.GetProperty("budget").GetArrayLength();
        var tranches = before.GetProperty("tranches").GetArrayLength();
        var lastYear = before.GetProperty("budget")[years - 1].GetProperty("amount").GetDecimal();
        var lastTranche = before.GetProperty("tranches")[tranches - 1].GetProperty("plannedAmount").GetDecimal();
        await portal.OnPageAsync("officer-revises-budget", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await page.GotoAsync($"/grants/{grant}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Revise the budget" }).ClickAsync();
            await page.GetByLabel($"Amount of year {years}", new() { Exact = true }).FillAsync((lastYear + 1000m).ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel($"Amount of tranche {tranches}", new() { Exact = true }).FillAsync((lastTranche + 1000m).ToString(CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the change in commitment" }).ClickAsync();
            var change = Figure(await page.Locator("dl.preview dd").Nth(2).InnerTextAsync());
            Assert.True(change >= 1000m, $"The change in commitment {change} includes the 1,000 added and its PSC.");
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Revise the budget" }).ClickAsync();
            await Assertions.Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("A further workshop agreed with the national mechanism.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Revise the budget" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Revise the budget" })).ToBeVisibleAsync();

            var after = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value;
            Assert.Equal(before.GetProperty("directBudget").GetDecimal() + 1000m, after.GetProperty("directBudget").GetDecimal());
            Assert.Equal(before.GetProperty("commitment").GetDecimal() + change, after.GetProperty("commitment").GetDecimal());
        });
    }

    private static string Usd(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture) + " USD";

    private static decimal Figure(string text) => decimal.Parse(text.Replace(" USD", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
}

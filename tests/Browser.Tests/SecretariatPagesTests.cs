using System.Text.RegularExpressions;
using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// The secretariat through its pages: an officer records a receipt after seeing its rate and USD value; an approver
/// approves a tranche the officer prepared, and is refused one they prepared themselves.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class SecretariatPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task An_officer_sees_the_rate_and_usd_amount_of_a_receipt_before_recording_it()
    {
        await portal.OnPageAsync("officer-receipt", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work queue", Level = 1 })).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Pledges", Exact = true }).ClickAsync();
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("PartiallyPaid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await PortalFixture.AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "UPR-VFP · CA-UNITED-KINGDOM-2023" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a receipt" })).ToBeVisibleAsync();

            var reference = "GB-PORTAL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.GetByLabel("Bank reference").FillAsync(reference);
            await page.GetByLabel("Received on").FillAsync(today);
            await page.GetByLabel("Amount in GBP").FillAsync("1234.56");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the rate and USD amount" }).ClickAsync();

            // Shown before anything is recorded: the rate in force and the amount in USD.
            var preview = page.Locator("dl.preview");
            await Assertions.Expect(preview).ToContainTextAsync("GBP per USD");
            var shownRate = Figure(await preview.Locator("dd").Nth(0).InnerTextAsync());
            var shownUsd = Figure(await preview.Locator("dd").Nth(1).InnerTextAsync());
            await PortalFixture.AssertAccessibleAsync(page);
            var pledge = page.Url.Split('/').Last();
            Assert.DoesNotContain(reference, await (await page.APIRequest.GetAsync($"/api/v1/pledges/{pledge}/receipts?limit=200")).TextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" }).ClickAsync();
            var row = page.Locator("tbody tr").Filter(new() { HasText = reference });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync("1,234.56 GBP");

            // What the ledger's command recorded is what the page showed: the same rate, the same USD.
            var receipts = await (await page.APIRequest.GetAsync($"/api/v1/pledges/{pledge}/receipts?limit=200")).JsonAsync();
            var recorded = receipts!.Value.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference);
            Assert.Equal(shownRate, recorded.GetProperty("unitsPerUsd").GetDecimal());
            Assert.Equal(shownUsd, recorded.GetProperty("usd").GetProperty("amount").GetDecimal());
        });
    }

    [Fact]
    public async Task An_officer_signs_an_announced_pledge_and_a_cancellation_without_a_reason_is_refused_next_to_the_reason()
    {
        await portal.OnPageAsync("officer-signs", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            var pledge = await PortalFixture.OpenFirstListedAsync(page, "/pledges?status=Announced");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a receipt" })).ToHaveCountAsync(0);

            var agreement = "CA-PORTAL-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            await page.GetByLabel("Contribution agreement reference").FillAsync(agreement);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign the pledge" }).ClickAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(agreement);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a receipt" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the pledge" }).ClickAsync();
            await Assertions.Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            var seen = (await (await page.APIRequest.GetAsync($"/api/v1/pledges/{pledge}")).JsonAsync())!.Value;
            Assert.Equal("Signed", seen.GetProperty("status").GetString());
            Assert.Equal(agreement, seen.GetProperty("agreementReference").GetString());
        });
    }

    [Fact]
    public async Task A_grant_goes_from_the_states_consent_to_the_approvers_queue_through_the_pages_of_each_role()
    {
        string grant = "";
        await portal.OnPageAsync("grant-steps-officer", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await page.Locator("tbody tr").Filter(new() { HasText = "the consent of the State concerned" }).First.GetByRole(AriaRole.Link).ClickAsync();
            grant = GrantOf(page.Url);
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByLabel("Reference of the State's note verbale or letter").FillAsync("NV-PORTAL-1");
            await page.GetByLabel("Given on").FillAsync("2026-11-02");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the consent" }).ClickAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("NV-PORTAL-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
            await page.GetByLabel("Review note (optional)").FillAsync("Budget and indicators checked.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("waiting for recommendation");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Recommend" })).ToHaveCountAsync(0);
        });

        await portal.OnPageAsync("grant-steps-board", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Board);
            var fund = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value.GetProperty("fund").GetString()!;
            await page.GetByLabel("Fund", new() { Exact = true }).SelectOptionAsync(fund);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await page.Locator($"a[href='/grants/{grant}']").ClickAsync();
            await page.GetByLabel("Board session (e.g. BoT-2026-2)").FillAsync("BoT-2026-2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("waiting for approval");
            await PortalFixture.AssertAccessibleAsync(page);
        });

        await portal.OnPageAsync("grant-steps-approver", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Approver);
            await Assertions.Expect(page.Locator($"a[href='/approvals/{grant}']")).ToHaveCountAsync(1);
            var seen = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value;
            Assert.Equal("Recommended", seen.GetProperty("status").GetString());
            Assert.Equal("NV-PORTAL-1", seen.GetProperty("consentReference").GetString());
            Assert.Equal("BoT-2026-2", seen.GetProperty("boardSession").GetString());
        });
    }

    [Fact]
    public async Task The_secretariats_lists_filter_on_the_server_and_page_through_the_ledger_without_a_gap()
    {
        await portal.OnPageAsync("secretariat-lists", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await page.GetByRole(AriaRole.Link, new() { Name = "Donors", Exact = true }).ClickAsync();
            await PortalFixture.AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Pledges of Norway" }).ClickAsync();
            var donors = await page.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
            Assert.NotEmpty(donors);
            Assert.All(donors, d => Assert.Equal("Norway", d));

            await page.GotoAsync("/recommendations?country=PRY");
            await PortalFixture.AssertAccessibleAsync(page);
            var states = await page.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
            Assert.NotEmpty(states);
            Assert.All(states, c => Assert.Equal("PRY", c));

            await page.GotoAsync("/grants?status=Active");
            await PortalFixture.AssertAccessibleAsync(page);
            var statuses = await page.Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync();
            Assert.NotEmpty(statuses);
            Assert.All(statuses, st => Assert.Equal("active", st));

            // The ledger's second page starts with the entry after the first page's last.
            await page.GotoAsync("/ledger?fund=UPR-VFP");
            var first = await page.Locator("tbody tr.entry td:first-child").AllInnerTextsAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
            var second = await page.Locator("tbody tr.entry td:first-child").AllInnerTextsAsync();
            Assert.Equal(long.Parse(first[^1], System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(second[0], System.Globalization.CultureInfo.InvariantCulture));
            await PortalFixture.AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task An_officer_reports_on_a_paid_tranche_and_once_the_approver_accepts_the_next_tranche_waits_to_be_prepared()
    {
        string grant = "";
        using (var officer = await portal.ApiAsAsync(DemoUsers.Officer))
        {
            var active = await officer.GetFromJsonAsync<JsonElement>("/api/v1/grants?status=Active&limit=200");
            grant = active.GetProperty("items").EnumerateArray()
                .First(g => g.GetProperty("progressReports").GetArrayLength() == 0 && g.GetProperty("tranches").EnumerateArray().Count(t => t.GetProperty("state").GetString() == "Paid") == 1
                    && g.GetProperty("tranches").GetArrayLength() > 1)
                .GetProperty("id").GetString()!;
        }

        await portal.OnPageAsync("officer-reports", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await page.GotoAsync($"/grants/{grant}");
            await page.GetByLabel("Indicator", new() { Exact = true }).FillAsync("Officials trained in follow-up");
            await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("people");
            await page.GetByLabel("Baseline").FillAsync("0");
            await page.GetByLabel("Target").FillAsync("40");
            await page.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
            await Assertions.Expect(page.Locator("table", new() { HasText = "Officials trained in follow-up" })).ToHaveCountAsync(1);

            await page.GetByLabel("Period from").FillAsync("2026-01-01");
            await page.GetByLabel("Period to").FillAsync("2026-10-31");
            await page.GetByLabel("What was done").FillAsync("Four workshops with the national mechanism.");
            await page.GetByLabel("Officials trained in follow-up reached (people)").FillAsync("25");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
            await Assertions.Expect(page.Locator("table", new() { HasText = "Progress reports" }).Locator("tbody tr")).ToContainTextAsync("submitted");
            await PortalFixture.AssertAccessibleAsync(page);
        });

        await portal.OnPageAsync("approver-accepts-report", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Approver);
            await page.GotoAsync($"/grants/{grant}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Return it" }).ClickAsync();
            await Assertions.Expect(page.Locator("#report-refusal")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept the report" }).ClickAsync();
            await Assertions.Expect(page.Locator("table", new() { HasText = "Progress reports" }).Locator("tbody tr")).ToContainTextAsync("accepted");
        });

        await portal.OnPageAsync("officer-sees-next-tranche", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Officer);
            await Assertions.Expect(page.Locator("tbody tr", new() { Has = page.Locator($"a[href='/grants/{grant}']") })).ToContainTextAsync("tranche 2 to be prepared");
            var seen = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value;
            var report = seen.GetProperty("progressReports")[0];
            Assert.Equal("Accepted", report.GetProperty("status").GetString());
            Assert.Equal(25m, report.GetProperty("values")[0].GetProperty("value").GetDecimal());
        });
    }

    [Fact]
    public async Task An_approver_approves_a_tranche_the_officer_prepared_with_the_fund_check_in_figures()
    {
        await portal.OnPageAsync("approver-approves", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Approver);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waiting for approval", Level = 1 })).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            await page.Locator("tbody tr").Filter(new() { HasText = DemoUsers.Officer }).First.GetByRole(AriaRole.Link).ClickAsync();
            var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
            await Assertions.Expect(heading).ToContainTextAsync("Approve tranche");
            var number = (int)Figure(await heading.InnerTextAsync());
            var check = page.Locator("dl.fund-check");
            await Assertions.Expect(check).ToContainTextAsync("Cash after payment");
            var cash = Figure(await check.Locator("dd").Nth(0).InnerTextAsync());
            var payment = Figure(await check.Locator("dd").Nth(5).InnerTextAsync());
            Assert.Equal(cash - payment, Figure(await check.Locator("dd").Nth(6).InnerTextAsync()));
            await PortalFixture.AssertAccessibleAsync(page);
            var grant = GrantOf(page.Url);

            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approved", Level = 1 })).ToBeVisibleAsync();

            var paid = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value.GetProperty("tranches")[number - 1];
            Assert.Equal("Paid", paid.GetProperty("state").GetString());
            Assert.Equal(DemoUsers.Approver, paid.GetProperty("approvedBy").GetString());
            Assert.Equal(payment, paid.GetProperty("paidAmount").GetDecimal());
        });
    }

    [Fact]
    public async Task A_tranche_its_approver_prepared_is_shown_as_such_and_approving_it_is_refused()
    {
        const string both = "head.of.unit@demo.org";
        const string password = "head-of-unit-password-1";
        using (var admin = await portal.ApiAsAsync(DemoUsers.Admin))
        {
            var added = await admin.PostAsJsonAsync("/api/v1/users", new { email = both, password, roles = new[] { "officer", "approver" } });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        await portal.OnPageAsync("approver-refused", async page =>
        {
            await PortalFixture.SignInAsync(page, both, password);
            await page.GotoAsync("/work");
            await page.Locator("tbody tr").Filter(new() { HasText = "tranche 1 to be prepared" }).First.GetByRole(AriaRole.Link).ClickAsync();
            await PortalFixture.AssertAccessibleAsync(page);
            var grant = GrantOf(page.Url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Prepare tranche 1" }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync($"by {both}");

            await page.GotoAsync($"/approvals/{grant}");
            await Assertions.Expect(page.Locator("#own-tranche")).ToContainTextAsync("You prepared this tranche");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Assertions.Expect(page.Locator("#refusal")).ToContainTextAsync("cannot approve");
            await PortalFixture.AssertAccessibleAsync(page);

            var tranche = (await (await page.APIRequest.GetAsync($"/api/v1/grants/{grant}")).JsonAsync())!.Value.GetProperty("tranches")[0];
            Assert.Equal("Prepared", tranche.GetProperty("state").GetString());
        });
    }

    private static string GrantOf(string url) => GrantId().Match(url).Value;

    // "1,234.56 USD" or "0.7412 GBP per USD": the figure, as a decimal.
    private static decimal Figure(string text) =>
        decimal.Parse(Number().Match(text).Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("-?[0-9][0-9,]*(\\.[0-9]+)?")]
    private static partial Regex Number();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GrantId();
}

using System.IO.Compression;
using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// The Board and the auditors through their pages: a Board member reads the year's figures and downloads the workbook;
/// an auditor verifies the ledger, downloads the export, reads the trial balance and filters the audit log.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BoardAndAuditPagesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_board_member_reads_the_key_figures_and_downloads_the_workbook()
    {
        await portal.OnPageAsync("board-workbook", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Board);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board of Trustees", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Fund", new() { Exact = true }).SelectOptionAsync("UPR-VFP");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("UPR-VFP");
            await Assertions.Expect(page.Locator(".charts svg").First).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Board workbook (Excel)" }).ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains("UPR-VFP", download.SuggestedFilename, StringComparison.Ordinal);
            using var workbook = new ZipArchive(await ContentOfAsync(download));
            Assert.NotNull(workbook.GetEntry("xl/workbook.xml"));
            Assert.True(workbook.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)) >= 3);
        });
    }

    [Fact]
    public async Task An_auditor_verifies_the_ledger_downloads_the_export_and_filters_the_audit_log()
    {
        await portal.OnPageAsync("auditor-ledger", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Auditor);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ledger", Level = 1 })).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("verify");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(page.Locator("#verified")).ToContainTextAsync("Intact");
            await PortalFixture.AssertAccessibleAsync(page);

            // Each fund's chain head on the page is the one the API's verification reports.
            var verification = (await (await page.APIRequest.GetAsync("/api/v1/ledger/verify")).JsonAsync())!.Value;
            Assert.True(verification.GetProperty("intact").GetBoolean());
            foreach (var head in verification.GetProperty("heads").EnumerateArray())
            {
                await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = head.GetProperty("fund").GetString() }))
                    .ToContainTextAsync(head.GetProperty("hash").GetString()!);
            }

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Auditor's export of UPR-VFP (zip of CSV files)" }).ClickAsync());
            using (var export = new ZipArchive(await ContentOfAsync(download)))
            {
                Assert.Equal(["general-ledger.csv", "journal.csv", "manifest.json", "trial-balance.csv"], export.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            }

            await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("trial-balance");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            var totals = page.Locator("tfoot td");
            await Assertions.Expect(totals).ToHaveCountAsync(2);
            Assert.Equal(await totals.Nth(0).InnerTextAsync(), await totals.Nth(1).InnerTextAsync());
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
            await page.GetByLabel("Outcome", new() { Exact = true }).SelectOptionAsync("succeeded");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
            await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("succeeded");
            Assert.DoesNotContain("refused", await page.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
            await PortalFixture.AssertAccessibleAsync(page);
        });
    }

    // A download's bytes (Playwright's own stream reads only asynchronously).
    private static async Task<MemoryStream> ContentOfAsync(IDownload download)
    {
        var content = new MemoryStream();
        await using (var stream = await download.CreateReadStreamAsync())
        {
            await stream.CopyToAsync(content);
        }

        content.Position = 0;
        return content;
    }
}

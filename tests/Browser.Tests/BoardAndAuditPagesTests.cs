using System.Text.RegularExpressions;
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

            // Made in the background: the bar follows it part by part, then the link fetches it.
            await page.GetByRole(AriaRole.Button, new() { Name = "Prepare the Board workbook (Excel)" }).ClickAsync();
            var ready = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download board-UPR-VFP-\\d{4}\\.xlsx") });
            await Assertions.Expect(ready).ToBeVisibleAsync(new() { Timeout = 60_000 });
            var bar = page.GetByRole(AriaRole.Progressbar, new() { Name = "Board workbook of UPR-VFP" });
            Assert.Equal(await bar.GetAttributeAsync("max"), await bar.GetAttributeAsync("value"));
            await PortalFixture.AssertAccessibleAsync(page);
            var download = await page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
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

            // The export is made in the background: the auditor reads the trial balance meanwhile, and the page shown
            // then offers the export once it is ready.
            await page.GetByRole(AriaRole.Button, new() { Name = "Prepare the auditor's export of UPR-VFP (zip of CSV files)" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Ledger export of UPR-VFP (csv)" })).ToBeVisibleAsync();
            await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("trial-balance");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            var totals = page.Locator("tfoot td");
            await Assertions.Expect(totals).ToHaveCountAsync(2);
            Assert.Equal(await totals.Nth(0).InnerTextAsync(), await totals.Nth(1).InnerTextAsync());
            await PortalFixture.AssertAccessibleAsync(page);

            var ready = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download ledger-UPR-VFP-start-to-end-csv\\.zip") });
            await Assertions.Expect(ready).ToBeVisibleAsync(new() { Timeout = 60_000 });
            var download = await page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
            using (var export = new ZipArchive(await ContentOfAsync(download)))
            {
                Assert.Equal(["general-ledger.csv", "journal.csv", "manifest.json", "trial-balance.csv"], export.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            }

            // A download is its owner's alone.
            var path = await ready.GetAttributeAsync("href");
            Assert.Equal(200, (await page.APIRequest.GetAsync(path!)).Status);
            await using (var other = await portal.Browser.NewContextAsync(new() { BaseURL = portal.BaseUrl }))
            {
                var board = await other.NewPageAsync();
                await PortalFixture.SignInAsync(board, DemoUsers.Board);
                Assert.Equal(404, (await board.APIRequest.GetAsync(path!)).Status);
            }

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

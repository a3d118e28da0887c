using FundManager.Browser.Tests.Infrastructure;

namespace FundManager.Browser.Tests;

/// <summary>
/// An administrator edits the donors' statement template in the portal: a mistake is shown at its line and column, the
/// preview shows the demo data, the saved text becomes version 1, and the version's page shows what changed.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TemplateEditorTests(PortalFixture portal)
{
    private const string Template = "donor-statement.html.sbn";
    private const string Thanks = "Thank you from the secretariat.";

    [Fact]
    public async Task An_admin_previews_a_template_on_the_demo_data_saves_it_and_sees_what_changed()
    {
        await portal.OnPageAsync("template-editor", async page =>
        {
            await PortalFixture.SignInAsync(page, DemoUsers.Admin);
            await page.GetByRole(AriaRole.Link, new() { Name = "Report templates" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = Template }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Template, Level = 1 })).ToBeVisibleAsync();
            var text = page.GetByLabel("Text (Scriban");
            var shipped = await text.InputValueAsync();
            Assert.Contains("</body>", shipped, StringComparison.Ordinal);

            await text.FillAsync(shipped + "{{ nmae }}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview on the demo data" }).ClickAsync();
            var lines = shipped.Split('\n').Length;
            await Assertions.Expect(page.Locator("#text-error")).ToContainTextAsync($"Line {lines}, column ");
            await Assertions.Expect(page.Locator("#text-error")).ToContainTextAsync("nmae");
            await Assertions.Expect(page.Locator("iframe.template-preview")).ToHaveCountAsync(0);

            await text.FillAsync(shipped.Replace("</body>", $"<p>{Thanks}</p>\n</body>", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview on the demo data" }).ClickAsync();
            var preview = page.FrameLocator("iframe.template-preview");
            await Assertions.Expect(preview.GetByText(Thanks)).ToBeVisibleAsync();
            await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Norway", Level = 1 })).ToBeVisibleAsync();
            await PortalFixture.AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 1" }).ClickAsync();
            await Assertions.Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
            await page.GetByLabel("Why it changes").FillAsync("Thank the donors.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save as version 1" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 1");
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "Thank the donors." })).ToContainTextAsync(DemoUsers.Admin);

            await page.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What changed since version 0" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("pre.template-diff .inserted")).ToHaveTextAsync($"+ <p>{Thanks}</p>");
            await PortalFixture.AssertAccessibleAsync(page);
        });

        // The next statement is made from version 1, and says so.
        using var donor = await portal.ApiAsAsync(DemoUsers.NorwayDonor);
        var statement = await donor.GetStringAsync($"/api/v1/donors/{DemoIds.For("donor", "norway")}/utilisation.html?year=2025");
        Assert.Contains(Thanks, statement, StringComparison.Ordinal);
        Assert.Contains($"{Template} version 1 (sha256 ", statement, StringComparison.Ordinal);
    }
}

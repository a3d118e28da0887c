using System.Net.Http.Json;
using FundManager.Api.Tests.Infrastructure;
using FundManager.Reporting.Narrative;
using FundManager.Reporting.Templates;

namespace FundManager.Api.Tests;

/// <summary>
/// Administrators edit the report templates over the API: a preview on the demo data, a save that becomes the next
/// version (who, when, why), reports made from then on from that version and saying so; a mistake located and nothing
/// saved; a stale editor refused; the history kept for ever.
/// </summary>
public sealed class TemplateEditingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Narrative = "/api/v1/templates/" + NarrativeReport.Template;
    private const string Added = "This paragraph was added by the secretariat.";

    [Fact]
    public async Task A_saved_version_makes_the_next_reports_and_they_name_it()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var shipped = await admin.GetFromJsonAsync<JsonElement>(Narrative);
        Assert.Equal(0, shipped.GetProperty("version").GetInt32());
        var text = shipped.GetProperty("text").GetString()! + "\n" + Added + "\n";

        var saved = await admin.PostAsJsonAsync(Narrative + "/versions", new { text, reason = "A closing paragraph for 2025.", basedOn = 0 });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(1, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var current = await admin.GetFromJsonAsync<JsonElement>(Narrative);
        var sha = current.GetProperty("sha256").GetString()!;
        Assert.Equal((1, text, new ReportTemplate(NarrativeReport.Template, 1, text).Sha256), (current.GetProperty("version").GetInt32(), current.GetProperty("text").GetString(), sha));

        var history = (await admin.GetFromJsonAsync<JsonElement>(Narrative + "/versions")).EnumerateArray().ToList();
        Assert.Equal([1, 0], history.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal((DemoUsers.Admin, "A closing paragraph for 2025."), (history[0].GetProperty("changedBy").GetString(), history[0].GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("changedBy").ValueKind);
        Assert.Equal(shipped.GetProperty("text").GetString(), (await admin.GetFromJsonAsync<JsonElement>(Narrative + "/versions/0")).GetProperty("text").GetString());

        var board = await api.LoginAsync(DemoUsers.Board);
        var page = await board.GetStringAsync("/api/v1/funds/UPR-VFTA/reports/narrative/2025.html");
        Assert.Contains(Added, page, StringComparison.Ordinal);
        Assert.Contains($"{NarrativeReport.Template} version 1 (sha256 {sha})", page, StringComparison.Ordinal);
        Assert.Contains($"{NarrativeReport.PageTemplate} version ", page, StringComparison.Ordinal);

        var word = await board.GetStreamAsync("/api/v1/funds/UPR-VFTA/reports/narrative/2025.docx");
        using var buffer = new MemoryStream();
        await word.CopyToAsync(buffer);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(buffer, false);
        Assert.Equal($"{NarrativeReport.Template} version 1 (sha256 {sha})", document.PackageProperties.Version);
        Assert.Contains(Added, document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        // An editor who started from version 0 is told someone saved since; nothing is saved.
        var stale = await admin.PostAsJsonAsync(Narrative + "/versions", new { text = text + "More.", reason = "Another change.", basedOn = 0 });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("basedOn", FieldOf(await stale.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>(Narrative + "/versions")).GetArrayLength());
    }

    [Fact]
    public async Task A_mistake_is_located_in_the_text_and_nothing_is_saved()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/templates/" + Reporting.Utilisation.DonorStatementPage.Template + "/versions")).GetArrayLength();
        const string text = "<p>{{ name }}</p>\n<p>{{ nmae }}</p>\n";

        foreach (var (path, body) in new (string, object)[]
        {
            ("/preview", new { text }),
            ("/versions", new { text, reason = "A misspelt name." }),
        })
        {
            var refused = await admin.PostAsJsonAsync("/api/v1/templates/" + Reporting.Utilisation.DonorStatementPage.Template + path, body);
            Assert.True(HttpStatusCode.UnprocessableEntity == refused.StatusCode, await refused.Content.ReadAsStringAsync());
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("urn:fundmanager:problem:template-mistake", Reporting.Utilisation.DonorStatementPage.Template, 2, 7),
                (problem.GetProperty("type").GetString(), problem.GetProperty("template").GetString(), problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
            Assert.Contains("nmae", FieldMessage(problem, "text"), StringComparison.Ordinal);
        }

        var unclosed = await admin.PostAsJsonAsync("/api/v1/templates/" + Reporting.Utilisation.DonorStatementPage.Template + "/preview", new { text = "<p>\n{{ for g in grants }}\n</p>" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unclosed.StatusCode);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/templates/" + Reporting.Utilisation.DonorStatementPage.Template + "/versions")).GetArrayLength());
    }

    [Fact]
    public async Task A_preview_renders_the_demo_data_in_a_sandbox_and_saves_nothing()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var text = "<h1>{{ name }}: {{ usd receivedUsd }}</h1>";

        var preview = await admin.PostAsJsonAsync("/api/v1/templates/" + Reporting.Utilisation.DonorStatementPage.Template + "/preview", new { text });

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("sandbox", preview.Headers.GetValues("Content-Security-Policy").Single());
        var sample = TemplateSamples.ReadDonorStatement(TemplateLibrary.Default());
        var html = await preview.Content.ReadAsStringAsync();
        Assert.StartsWith($"<h1>{sample["name"]!.GetValue<string>()}: US$ ", html, StringComparison.Ordinal);
        Assert.Contains("donor-statement.html.sbn version 1 (sha256 ", html, StringComparison.Ordinal);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/templates/" + Reporting.Utilisation.DonorStatementPage.Template + "/versions")).GetArrayLength());
    }

    [Fact]
    public async Task Only_administrators_edit_templates_and_only_the_shipped_ones()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync(Narrative + "/versions", new { text = "x", reason = "y" })).StatusCode);

        var admin = await api.LoginAsync(DemoUsers.Admin);
        var list = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/templates")).EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.Equal(TemplateLibrary.Default().Names, list);
        var unknown = await admin.PostAsJsonAsync("/api/v1/templates/passwd.sbn/versions", new { text = "x", reason = "y" });
        Assert.True(HttpStatusCode.NotFound == unknown.StatusCode, await unknown.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.NotFound, "name"), (unknown.StatusCode, FieldOf(await unknown.Content.ReadFromJsonAsync<JsonElement>())));
        var noReason = await admin.PostAsJsonAsync(Narrative + "/versions", new { text = "# Title" });
        Assert.Equal((HttpStatusCode.BadRequest, "reason"), (noReason.StatusCode, FieldOf(await noReason.Content.ReadFromJsonAsync<JsonElement>())));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Narrative + "/versions/7")).StatusCode);
    }

    private static string FieldOf(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Single().Name;

    private static string FieldMessage(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}

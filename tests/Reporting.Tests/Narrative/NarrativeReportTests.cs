using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FundManager.Funds;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Narrative;
using FundManager.Reporting.Templates;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Narrative;

/// <summary>The narrative report in Word and HTML, from the editable template: valid, complete, and with the workbook's figures.</summary>
[Collection(DemoCollection.Name)]
public sealed class NarrativeReportTests(DemoFixture demo)
{
    [Fact]
    public async Task The_Word_report_is_valid_and_carries_the_years_figures_headings_tables_and_charts()
    {
        var (figures, document) = await RenderAsync(TemplateLibrary.Default());
        using var stream = new MemoryStream();
        NarrativeReport.Docx(document, stream);
        stream.Position = 0;
        using var word = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        var headings = word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>().Count(s => s.Val!.Value!.StartsWith("Heading", StringComparison.Ordinal));

        Assert.Empty(errors);
        Assert.Contains(UnStyle.Usd(figures.Statement.ClosingBalance), text, StringComparison.Ordinal);
        Assert.Contains(UnStyle.Usd(figures.Statement.Contributions), text, StringComparison.Ordinal);
        Assert.Contains(UnStyle.Date(figures.Period.End), text, StringComparison.Ordinal);
        Assert.Contains(UnStyle.UsdCents(figures.TrialBalance.TotalDebit), text, StringComparison.Ordinal);
        Assert.True(headings >= 7, $"{headings} headings");
        Assert.Equal(3, word.MainDocumentPart.ImageParts.Count());
        Assert.True(word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Count() >= 4);
        Assert.Contains("UPR-VFTA", word.PackageProperties.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTML_report_is_self_contained_with_SVG_charts_and_a_print_stylesheet()
    {
        var templates = TemplateLibrary.Default();
        var (figures, document) = await RenderAsync(templates);

        var html = new NarrativeReport(templates).Html(document);

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(UnStyle.Usd(figures.Statement.GrantExpenditure), html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_template_is_used_at_once_and_a_mistake_is_reported_with_its_line_and_column()
    {
        var directory = CopyTemplates();
        try
        {
            var templates = new TemplateLibrary(directory);
            var path = Path.Combine(directory, NarrativeReport.Template);
            var lines = File.ReadAllLines(path).ToList();
            lines.Insert(8, "Edited by the secretariat: {{ figures.fund.code }}.");
            File.WriteAllLines(path, lines);
            Assert.Contains("Edited by the secretariat: UPR-VFTA.", (await RenderAsync(templates)).Document.Markdown, StringComparison.Ordinal);

            async Task<TemplateException> MistakeAsync(string line)
            {
                lines[8] = line;
                File.WriteAllLines(path, lines);
                return await Assert.ThrowsAsync<TemplateException>(() => RenderAsync(templates));
            }

            var misspelt = await MistakeAsync("Oops {{ figures.fund.nmae }} here.");
            Assert.Equal((NarrativeReport.Template, 9, 22), (misspelt.Template, misspelt.Line, misspelt.Column));
            Assert.Contains("nmae", misspelt.Message, StringComparison.Ordinal);

            var unknown = await MistakeAsync("{{ nothing_here }}");
            Assert.Equal(9, unknown.Line);
            Assert.Contains("nothing_here", unknown.Problem, StringComparison.Ordinal);

            var unended = await MistakeAsync("{{ for grant in figures.grants }}");
            Assert.Contains("end", unended.Problem, StringComparison.Ordinal);

            var broken = await MistakeAsync("Broken {{ usd figures.statement.cash");
            Assert.True(broken.Line >= 9, broken.Message);

            var chart = await MistakeAsync("{{ chart \"nowhere\" }}");
            Assert.Equal((9, 4), (chart.Line, chart.Column));
            Assert.Contains("expenditure-by-region", chart.Problem, StringComparison.Ordinal);

            var number = await MistakeAsync("{{ usd figures.fund.name }}");
            Assert.Equal(9, number.Line);
            Assert.Contains("usd needs a number", number.Problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_template_cannot_change_the_model_reach_dotnet_or_loop_for_ever()
    {
        var directory = CopyTemplates();
        try
        {
            var templates = new TemplateLibrary(directory);
            var path = Path.Combine(directory, NarrativeReport.Template);
            var lines = File.ReadAllLines(path).ToList();
            async Task<TemplateException> MistakeAsync(string line)
            {
                lines[8] = line;
                File.WriteAllLines(path, lines);
                return await Assert.ThrowsAsync<TemplateException>(() => RenderAsync(templates));
            }

            var changed = await MistakeAsync("{{ figures.fund.name = \"Another fund\" }}");
            Assert.Equal(9, changed.Line);

            var dotnet = await MistakeAsync("{{ figures.fund.name.Length }}");
            Assert.Equal(9, dotnet.Line);

            var forever = await MistakeAsync("{{ while true }}x{{ end }}");
            Assert.Equal((9, 4), (forever.Line, forever.Column));
            Assert.Contains("iteration limit", forever.Problem, StringComparison.Ordinal);

            var deep = await MistakeAsync("{{ func down(n); ret down(n + 1); end; down(1) }}");
            Assert.Equal(9, deep.Line);

            // A template's own variables are its to set.
            lines[8] = "{{ total = figures.statement.cash }}Cash: {{ usd total }}.";
            File.WriteAllLines(path, lines);
            var (figures, document) = await RenderAsync(templates);
            Assert.Contains($"Cash: {UnStyle.Usd(figures.Statement.Cash)}.", document.Markdown, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Report_narrative_with_a_mistaken_template_exits_2_naming_its_line_and_column_and_writes_nothing()
    {
        var directory = CopyTemplates();
        var output = Path.Combine(Path.GetTempPath(), "fm-narrative-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(directory, NarrativeReport.Template);
            var lines = File.ReadAllLines(path).ToList();
            lines[8] = "Oops {{ figures.fund.nmae }} here.";
            File.WriteAllLines(path, lines);

            var run = await ProgramRunner.FundManagerAsync(
                "report", "narrative", "--fund", "UPR-VFTA", "--year", "2025", "--out", output, "--templates", directory, "--database", demo.ConnectionString);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"Template {NarrativeReport.Template}, line 9, column 22: Cannot get member with name nmae.", run.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private async Task<(FundYearFigures Figures, NarrativeDocument Document)> RenderAsync(TemplateLibrary templates)
    {
        var figures = await new FundYearBuilder(demo.System).BuildAsync(FundCode.Parse("UPR-VFTA"), ReportPeriod.Year(2025));
        return (figures, new NarrativeReport(templates).Render(figures));
    }

    private static string CopyTemplates()
    {
        var target = Path.Combine(Path.GetTempPath(), "fm-templates-" + Guid.NewGuid().ToString("N"));
        var source = TemplateLibrary.Default().Directory;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}

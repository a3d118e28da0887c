using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FundManager.Funds;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Narrative;
using FundManager.Reporting.Templates;

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
    public async Task An_edited_template_is_used_at_once_and_a_mistake_is_reported_with_its_line()
    {
        var directory = CopyTemplates();
        try
        {
            var templates = new TemplateLibrary(directory);
            var path = Path.Combine(directory, NarrativeReport.Template);
            var lines = File.ReadAllLines(path).ToList();
            lines.Insert(8, "Edited by the secretariat: {{figures.fund.code}}.");
            File.WriteAllLines(path, lines);
            Assert.Contains("Edited by the secretariat: UPR-VFTA.", (await RenderAsync(templates)).Document.Markdown, StringComparison.Ordinal);

            lines[8] = "Oops {{figures.fund.nmae}} here.";
            File.WriteAllLines(path, lines);
            var misspelt = await Assert.ThrowsAsync<TemplateException>(() => RenderAsync(templates));
            Assert.Equal((NarrativeReport.Template, 9), (misspelt.Template, misspelt.Line));
            Assert.Contains("nmae", misspelt.Message, StringComparison.Ordinal);

            lines[8] = "{{#each figures.grants}}";
            File.WriteAllLines(path, lines);
            var unclosed = await Assert.ThrowsAsync<TemplateException>(() => RenderAsync(templates));
            Assert.Equal(9, unclosed.Line);
            Assert.Contains("never closed", unclosed.Problem, StringComparison.Ordinal);

            lines[8] = "Broken {{usd figures.statement.cash";
            File.WriteAllLines(path, lines);
            Assert.Equal(9, (await Assert.ThrowsAsync<TemplateException>(() => RenderAsync(templates))).Line);

            lines[8] = "{{chart \"nowhere\"}}";
            File.WriteAllLines(path, lines);
            var chart = await Assert.ThrowsAsync<TemplateException>(() => RenderAsync(templates));
            Assert.Equal(9, chart.Line);
            Assert.Contains("expenditure-by-region", chart.Problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
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

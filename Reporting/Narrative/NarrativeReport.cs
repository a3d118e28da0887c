using FundManager.Reporting.Figures;
using FundManager.Reporting.Templates;

namespace FundManager.Reporting.Narrative;

/// <summary>
/// The narrative report to the Board of Trustees: <c>narrative.md.sbn</c> rendered on the <see cref="NarrativeModel"/>
/// of the year's figures, then written as a Word document (<see cref="DocxReport"/>) and as a self-contained HTML page
/// (<see cref="HtmlReport"/>, inside <c>narrative.html.sbn</c>).
/// </summary>
public sealed class NarrativeReport(TemplateLibrary templates)
{
    public const string Template = "narrative.md.sbn";
    public const string PageTemplate = "narrative.html.sbn";

    public NarrativeDocument Render(FundYearFigures figures) => Render(Sample(figures), templates.Current(Template));

    /// <summary>What the templates see for <paramref name="figures"/>, with the document's titles.</summary>
    public NarrativeSample Sample(FundYearFigures figures) => new(
        $"{figures.Fund.Name}: report to the Board of Trustees, {figures.Period.Label}",
        $"Narrative report of {figures.Fund.Code}, {figures.Period.Label}",
        figures.GeneratedAt,
        figures.Fund.Code,
        (System.Text.Json.Nodes.JsonObject)TemplateModel.ToJson(NarrativeModel.Of(figures, Mandate(figures.Fund)))!,
        NarrativeCharts.Of(figures));

    /// <summary>Renders <paramref name="template"/> (a version of <c>narrative.md.sbn</c>) on <paramref name="sample"/>.</summary>
    public static NarrativeDocument Render(NarrativeSample sample, ReportTemplate template) =>
        new(sample.Title, sample.Subject, sample.Generated, sample.Fund, TemplateLibrary.Render(template, sample.Model, sample.Charts), sample.Charts, template);

    public string Html(NarrativeDocument document) => Html(document, templates.Current(PageTemplate));

    /// <summary>The report as a web page inside <paramref name="page"/> (a version of <c>narrative.html.sbn</c>); it ends with both templates' stamps.</summary>
    public static string Html(NarrativeDocument document, ReportTemplate page) =>
        TemplateLibrary.Render(page, new { Title = document.Title, Fund = document.FundCode, Generated = document.Generated }, markup: new Dictionary<string, string> { ["body"] = HtmlReport.Body(document) })
        + document.Template.HtmlStamp + Environment.NewLine;

    public static void Docx(NarrativeDocument document, Stream output) => DocxReport.Write(document, output);

    public static string FileName(FundYearFigures figures, string extension) => $"narrative-{figures.Fund.Code}-{figures.Period.End.Year}.{extension}";

    // The paragraph that opens the report, kept beside the templates so the secretariat can word it.
    private string Mandate(FundProfile fund)
    {
        var path = Path.Combine(templates.Directory, "mandates", fund.Code + ".md");
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : $"The {fund.Name} supports States in implementing the recommendations of the human rights mechanisms, in particular the universal periodic review.";
    }
}

using FundManager.Reporting.Narrative;
using FundManager.Reporting.Utilisation;

namespace FundManager.Reporting.Templates;

/// <summary>
/// A template's text, not saved yet, rendered on the demo data (<see cref="TemplateSamples"/>) into the page a report
/// would show: the narrative report's page for either of its templates, the donor statement for its own. A mistake is
/// a <see cref="TemplateException"/> with its line and column, so a text that could not make a report is never saved.
/// </summary>
public sealed class TemplatePreview(TemplateLibrary templates)
{
    /// <summary>Renders <paramref name="text"/> as the next version of template <paramref name="name"/>.</summary>
    /// <exception cref="TemplateException">The text has a mistake, or the template is not one that can be previewed.</exception>
    public string Render(string name, string text)
    {
        var draft = new ReportTemplate(name, templates.Current(name).Version + 1, text);
        TemplateLibrary.Parse(draft);
        return name switch
        {
            NarrativeReport.Template =>
                NarrativeReport.Html(NarrativeReport.Render(TemplateSamples.ReadNarrative(templates), draft), templates.Current(NarrativeReport.PageTemplate)),
            NarrativeReport.PageTemplate =>
                NarrativeReport.Html(NarrativeReport.Render(TemplateSamples.ReadNarrative(templates), templates.Current(NarrativeReport.Template)), draft),
            DonorStatementPage.Template => TemplateLibrary.Render(draft, TemplateSamples.ReadDonorStatement(templates)),
            _ => throw new TemplateException(name, 1, 1, "no report is made from this template, so there is nothing to preview it on"),
        };
    }
}

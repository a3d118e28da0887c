using FundManager.Reporting.Templates;

namespace FundManager.Reporting.Utilisation;

/// <summary>A donor's utilisation statement as a web page, from the editable template <c>donor-statement.html.sbn</c>.</summary>
public static class DonorStatementPage
{
    public const string Template = "donor-statement.html.sbn";

    /// <summary>The page; it ends with the stamp of the template version that made it (<see cref="ReportTemplate.HtmlStamp"/>).</summary>
    public static string Render(TemplateLibrary templates, DonorStatement statement) => templates.Render(Template, statement);
}

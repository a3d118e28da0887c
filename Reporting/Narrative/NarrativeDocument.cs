using FundManager.Reporting.Charts;
using FundManager.Reporting.Templates;

namespace FundManager.Reporting.Narrative;

/// <summary>
/// A narrative report rendered from its template: Markdown text and the charts it places, ready for Word or HTML, and
/// the template version that made it (which the Word and HTML files both record).
/// </summary>
public sealed record NarrativeDocument(string Title, string Subject, DateTimeOffset Generated, string FundCode, string Markdown, IReadOnlyDictionary<string, Chart> Charts, ReportTemplate Template);

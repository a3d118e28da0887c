using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Narrative;

/// <summary>A narrative report rendered from its template: Markdown text and the charts it places, ready for Word or HTML.</summary>
public sealed record NarrativeDocument(string Title, string Subject, DateTimeOffset Generated, string FundCode, string Markdown, IReadOnlyDictionary<string, Chart> Charts);

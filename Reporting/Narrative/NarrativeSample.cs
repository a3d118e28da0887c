using System.Text.Json.Nodes;
using FundManager.Reporting.Charts;

namespace FundManager.Reporting.Narrative;

/// <summary>
/// What the narrative's templates are rendered on: the document's titles, the model as the template sees it (JSON, see
/// <see cref="Templates.TemplateModel"/>) and the charts. A report makes one from the year's figures; a template's
/// preview reads one saved from the demo data (<see cref="Templates.TemplateSamples"/>).
/// </summary>
public sealed record NarrativeSample(string Title, string Subject, DateTimeOffset Generated, string Fund, JsonObject Model, IReadOnlyDictionary<string, Chart> Charts);

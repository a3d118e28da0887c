using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FundManager.Reporting.Narrative;

namespace FundManager.Reporting.Templates;

/// <summary>
/// The demo data as the templates see it, saved beside them (<c>config/templates/samples/</c>): a template is previewed
/// on these before it is saved, so that an administrator sees the page a report would be without reading any fund's
/// real figures. A test makes them again from the demo data set and compares, so they cannot fall behind the model.
/// </summary>
public static class TemplateSamples
{
    public const string Folder = "samples";
    public const string Narrative = "narrative.json";
    public const string DonorStatement = "donor-statement.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string PathOf(TemplateLibrary templates, string sample) => Path.Combine(templates.Directory, Folder, sample);

    public static NarrativeSample ReadNarrative(TemplateLibrary templates) =>
        JsonSerializer.Deserialize<NarrativeSample>(Read(templates, Narrative), Json) ?? throw Missing(templates, Narrative);

    public static JsonObject ReadDonorStatement(TemplateLibrary templates) =>
        JsonNode.Parse(Read(templates, DonorStatement)) as JsonObject ?? throw Missing(templates, DonorStatement);

    /// <summary>A sample as saved: indented JSON, enums by name, amounts exact.</summary>
    public static string Write(object sample) => JsonSerializer.Serialize(sample, sample.GetType(), Json) + "\n";

    private static string Read(TemplateLibrary templates, string sample)
    {
        var path = PathOf(templates, sample);
        return File.Exists(path) ? File.ReadAllText(path) : throw Missing(templates, sample);
    }

    private static FileNotFoundException Missing(TemplateLibrary templates, string sample) =>
        new($"The template sample {PathOf(templates, sample)} is missing or empty.");
}

using System.Xml;
using System.Xml.Schema;

namespace FundManager.Reporting.Tests.Iati;

/// <summary>
/// The IATI 2.03 activity schema from fixtures/iati-2.03 (copied beside the tests), with the xml.xsd and iati-common.xsd
/// it includes and imports resolved from the same folder. Validation reports warnings too, so a test can demand none:
/// an element the schema does not know would otherwise pass as a mere warning.
/// </summary>
public static class IatiSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "iati-2.03");

    /// <summary>Every error and warning validation reports, with its line; empty when the file is valid.</summary>
    public static IReadOnlyList<string> Validate(Stream xml)
    {
        var messages = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => messages.Add($"{e.Severity} at line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }

        return messages;
    }

    public static IReadOnlyList<string> Validate(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return Validate(stream);
    }

    private static XmlSchemaSet Load()
    {
        var messages = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.ValidationEventHandler += (_, e) => messages.Add($"{e.Severity}: {e.Message}");
        set.Add(null, Path.Combine(Folder, "iati-activities-schema.xsd"));
        set.Compile();
        return messages.Count == 0 ? set : throw new InvalidOperationException($"The IATI schema does not load: {string.Join("; ", messages)}");
    }
}

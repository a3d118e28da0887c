using System.Xml.Linq;

namespace FundManager.Reporting.Tests.Iati;

[Collection(DemoCollection.Name)]
public sealed class IatiSchemaTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC")]
    [InlineData("UPR-VFTA")]
    [InlineData("UPR-VFP")]
    public async Task The_file_of_each_demo_fund_is_valid_IATI_2_03_without_a_warning(string fund)
    {
        var xml = await DemoIatiFiles.WriteAsync(demo.System, fund);

        Assert.Empty(IatiSchema.Validate(xml));
    }

    [Fact]
    public async Task The_validation_refuses_a_file_whose_elements_are_out_of_the_schema_order()
    {
        var document = DemoIatiFiles.Parse(await DemoIatiFiles.WriteAsync(demo.System, "VFTC"));
        var activity = document.Root!.Element("iati-activity")!;
        var title = activity.Element("title")!;
        title.Remove();
        activity.Element("activity-status")!.AddAfterSelf(title);

        Assert.NotEmpty(Validate(document));
    }

    [Fact]
    public async Task The_validation_reports_an_element_the_schema_does_not_know()
    {
        var document = DemoIatiFiles.Parse(await DemoIatiFiles.WriteAsync(demo.System, "VFTC"));
        document.Root!.Element("iati-activity")!.Add(new XElement(XNamespace.Get("urn:example:extension") + "note", "lax"));

        Assert.NotEmpty(Validate(document));
    }

    // The "worked example" shipped with the 2.03 schemas is written in IATI 1.x (text titles, budget-planned,
    // transaction flow attributes): the 2.03 schema must refuse it, which shows the validation is not vacuous.
    [Fact]
    public void The_worked_example_in_IATI_1_form_is_refused_by_the_2_03_schema()
    {
        using var file = File.OpenRead(Path.Combine(IatiSchema.Folder, "worked-example.xml"));

        var messages = IatiSchema.Validate(file);

        Assert.Contains(messages, m => m.StartsWith("Error", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Validate(XDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        return IatiSchema.Validate(stream.ToArray());
    }
}

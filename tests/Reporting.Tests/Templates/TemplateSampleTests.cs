using FundManager.Funds;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Narrative;
using FundManager.Reporting.Templates;
using FundManager.Reporting.Utilisation;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Templates;

/// <summary>
/// The samples that templates are previewed on (<c>config/templates/samples</c>) are the demo data as the templates see
/// it today: UPR-VFTA's 2025 for the narrative, Norway's 2025 statement for the donor page. When the model changes,
/// this fails; <c>FUNDMANAGER_WRITE_SAMPLES=1 dotnet test tests/Reporting.Tests --filter TemplateSampleTests</c> writes
/// them again.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class TemplateSampleTests(DemoFixture demo)
{
    private static readonly TemplateLibrary Shipped = TemplateLibrary.Default();

    [Fact]
    public async Task The_narrative_sample_is_the_demo_funds_year_as_the_template_sees_it()
    {
        var figures = await new FundYearBuilder(demo.System).BuildAsync(FundCode.Parse("UPR-VFTA"), ReportPeriod.Year(2025));

        AssertSaved(TemplateSamples.Narrative, TemplateSamples.Write(new NarrativeReport(Shipped).Sample(figures)));
    }

    [Fact]
    public async Task The_donor_statement_sample_is_a_demo_donors_year_as_the_template_sees_it()
    {
        var statement = await new DonorStatementBuilder(demo.System).BuildAsync(Api.Demo.DemoIds.For("donor", "norway"), ReportPeriod.Year(2025));

        AssertSaved(TemplateSamples.DonorStatement, TemplateSamples.Write(TemplateModel.ToJson(statement)!));
    }

    [Fact]
    public async Task A_preview_of_the_shipped_narrative_is_the_report_the_demo_data_makes()
    {
        var figures = await new FundYearBuilder(demo.System).BuildAsync(FundCode.Parse("UPR-VFTA"), ReportPeriod.Year(2025));
        var report = new NarrativeReport(Shipped);

        var preview = new TemplatePreview(Shipped).Render(NarrativeReport.Template, Shipped.Shipped(NarrativeReport.Template).Text);

        // The same page but for the stamp: the preview is of the next version (1), the report of the shipped one (0).
        var made = report.Html(report.Render(figures));
        Assert.Equal(made.Replace("narrative.md.sbn version 0", "narrative.md.sbn version 1", StringComparison.Ordinal), preview);
    }

    private static void AssertSaved(string sample, string made)
    {
        var path = TemplateSamples.PathOf(Shipped, sample);
        if (Environment.GetEnvironmentVariable("FUNDMANAGER_WRITE_SAMPLES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, made);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the test with FUNDMANAGER_WRITE_SAMPLES=1 to write it.");
        Assert.True(File.ReadAllText(path) == made, $"{path} is not the demo data as the template sees it today: run the test with FUNDMANAGER_WRITE_SAMPLES=1 to write it again, and commit it.");
    }
}

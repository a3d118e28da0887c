using System.Globalization;
using System.Xml.Linq;
using FundManager.Grants;
using FundManager.Reference;
using FundManager.Reporting.Iati;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Iati;

/// <summary>What each demo fund's IATI file says, held against the grants themselves.</summary>
[Collection(DemoCollection.Name)]
public sealed class IatiContentTests(DemoFixture demo)
{
    public static TheoryData<string> Funds => new(DemoIatiFiles.Funds);

    [Theory]
    [MemberData(nameof(Funds))]
    public async Task There_is_one_activity_per_grant_the_fund_approved(string fund)
    {
        var expected = await DemoIatiFiles.ApprovedGrantsAsync(demo.System, fund);

        var activities = await ActivitiesAsync(fund);

        Assert.NotEmpty(expected);
        Assert.Equal(
            expected.Select(g => $"{IatiOptions.DefaultReportingOrgRef}-{fund}-{g.Grant.Id}").Order(StringComparer.Ordinal),
            activities.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Funds))]
    public async Task Transactions_commit_what_the_grant_commits_and_disburse_what_it_disbursed(string fund)
    {
        var activities = await ActivitiesAsync(fund);

        foreach (var (grant, _) in await DemoIatiFiles.ApprovedGrantsAsync(demo.System, fund))
        {
            var activity = activities[Identifier(fund, grant)];
            Assert.Equal(grant.Commitment.Amount, Sum(activity, IatiCodes.Commitment));
            Assert.Equal(grant.Disbursed.Amount, Sum(activity, IatiCodes.Disbursement));
            Assert.Equal(grant.PscCharged.Amount, Sum(activity, IatiCodes.Expenditure));
            Assert.Equal(grant.Tranches.Count(t => t.State == TrancheState.Paid), Transactions(activity, IatiCodes.Disbursement).Count());
            Assert.All(activity.Elements("transaction"), t => Assert.Equal("USD", t.Element("value")!.Attribute("currency")!.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Funds))]
    public async Task The_latest_budget_of_each_year_adds_up_to_the_direct_budget(string fund)
    {
        var activities = await ActivitiesAsync(fund);

        foreach (var (grant, _) in await DemoIatiFiles.ApprovedGrantsAsync(demo.System, fund))
        {
            var budgets = activities[Identifier(fund, grant)].Elements("budget").ToList();
            var latest = budgets
                .GroupBy(b => b.Element("period-start")!.Attribute("iso-date")!.Value)
                .Select(year => year.OrderBy(b => b.Attribute("type")!.Value, StringComparer.Ordinal).Last());
            Assert.Equal(grant.DirectBudget.Amount, latest.Sum(Amount));
            Assert.All(budgets, b =>
            {
                var start = DateOnly.Parse(b.Element("period-start")!.Attribute("iso-date")!.Value, CultureInfo.InvariantCulture);
                var end = DateOnly.Parse(b.Element("period-end")!.Attribute("iso-date")!.Value, CultureInfo.InvariantCulture);
                Assert.Equal(start.Year, end.Year);
                Assert.True(grant.Details.Period.Contains(start) && grant.Details.Period.Contains(end));
            });
        }
    }

    [Fact]
    public async Task A_budget_increased_after_approval_keeps_its_original_and_adds_the_revised_year()
    {
        var revised = new List<(Grant Grant, XElement Activity)>();
        foreach (var fund in DemoIatiFiles.Funds)
        {
            var activities = await ActivitiesAsync(fund);
            revised.AddRange((await DemoIatiFiles.ApprovedGrantsAsync(demo.System, fund))
                .Where(g => g.Events.OfType<GrantBudgetRevised>().Any(r => r.CommitmentChange.IsPositive))
                .Select(g => (g.Grant, activities[Identifier(fund, g.Grant)])));
        }

        Assert.NotEmpty(revised);
        Assert.All(revised, r =>
        {
            Assert.Equal(r.Grant.Budget.Count, r.Activity.Elements("budget").Count(b => b.Attribute("type")!.Value == IatiCodes.OriginalBudget));
            Assert.Contains(r.Activity.Elements("budget"), b => b.Attribute("type")!.Value == IatiCodes.RevisedBudget);
            Assert.Equal(2, Transactions(r.Activity, IatiCodes.Commitment).Count());
        });
    }

    [Theory]
    [MemberData(nameof(Funds))]
    public async Task Country_status_dates_and_sectors_follow_the_grant(string fund)
    {
        var activities = await ActivitiesAsync(fund);

        foreach (var (grant, events) in await DemoIatiFiles.ApprovedGrantsAsync(demo.System, fund))
        {
            var activity = activities[Identifier(fund, grant)];
            var country = activity.Element("recipient-country")!;
            Assert.Equal(CountryCatalog.Default.Get(grant.Details.Country).Alpha2, country.Attribute("code")!.Value);
            Assert.Equal("100", country.Attribute("percentage")!.Value);

            var status = grant.Status switch
            {
                GrantStatus.Approved or GrantStatus.Active => "2",
                GrantStatus.Completed => "3",
                GrantStatus.Closed => "4",
                GrantStatus.Cancelled => "5",
                _ => "not published",
            };
            Assert.Equal(status, activity.Element("activity-status")!.Attribute("code")!.Value);

            Assert.Equal(grant.Details.Period.Start, Date(activity, IatiCodes.PlannedStart));
            Assert.Equal(grant.Details.Period.End, Date(activity, IatiCodes.PlannedEnd));
            var payments = events.OfType<TrancheApproved>().ToList();
            Assert.Equal(payments.Count == 0 ? null : payments.Min(p => p.On), Date(activity, IatiCodes.ActualStart));
            DateOnly? ended = events.OfType<GrantClosed>().Select(e => (DateOnly?)e.On).LastOrDefault()
                ?? events.OfType<GrantCancelled>().Select(e => (DateOnly?)e.On).LastOrDefault();
            Assert.Equal(ended, Date(activity, IatiCodes.ActualEnd));

            var sdgSectors = activity.Elements("sector").Where(s => s.Attribute("vocabulary")!.Value == IatiCodes.SdgTargetSectorVocabulary).ToList();
            Assert.Equal(grant.Details.SdgTargets, sdgSectors.Select(s => s.Attribute("code")!.Value));
            foreach (var vocabulary in activity.Elements("sector").GroupBy(s => s.Attribute("vocabulary")!.Value))
            {
                Assert.Equal(100m, vocabulary.Sum(s => decimal.Parse(s.Attribute("percentage")!.Value, CultureInfo.InvariantCulture)));
            }

            Assert.Equal(
                grant.Details.Recommendations,
                activity.Elements("tag").Where(t => t.Attribute("vocabulary")!.Value == IatiCodes.ReportingOrganisationTagVocabulary).Select(t => t.Attribute("code")!.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Funds))]
    public async Task Indicators_report_the_latest_accepted_progress_report(string fund)
    {
        var activities = await ActivitiesAsync(fund);

        foreach (var (grant, _) in await DemoIatiFiles.ApprovedGrantsAsync(demo.System, fund))
        {
            var indicators = activities[Identifier(fund, grant)].Element("result")!.Elements("indicator").ToList();
            var report = grant.ProgressReports.Where(r => r.Status == ProgressReportStatus.Accepted).MaxBy(r => r.PeriodEnd);
            Assert.Equal(grant.Indicators.Select(i => i.Name), indicators.Select(i => i.Element("title")!.Element("narrative")!.Value));
            foreach (var (indicator, element) in grant.Indicators.Zip(indicators))
            {
                var baseline = element.Element("baseline")!;
                Assert.Equal(grant.Details.Period.Start.Year.ToString(CultureInfo.InvariantCulture), baseline.Attribute("year")!.Value);
                Assert.Equal(indicator.Baseline, decimal.Parse(baseline.Attribute("value")!.Value, CultureInfo.InvariantCulture));
                var period = element.Element("period")!;
                Assert.Equal(indicator.Target, decimal.Parse(period.Element("target")!.Attribute("value")!.Value, CultureInfo.InvariantCulture));
                var actual = period.Element("actual")?.Attribute("value")!.Value;
                Assert.Equal(report?.Values.Single(v => v.Indicator == indicator.Id).Value, actual is null ? null : decimal.Parse(actual, CultureInfo.InvariantCulture));
                Assert.Equal(report?.PeriodEnd ?? grant.Details.Period.End, DateOnly.Parse(period.Element("period-end")!.Attribute("iso-date")!.Value, CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task The_file_carries_the_version_the_generation_time_and_the_chosen_reporting_organisation()
    {
        var options = new IatiOptions { ReportingOrgRef = "XI-IATI-EXAMPLE", ReportingOrgName = "Example publisher", ReportingOrgType = "90" };

        var document = DemoIatiFiles.Parse(await DemoIatiFiles.WriteAsync(demo.System, "UPR-VFTA", options));

        var root = document.Root!;
        Assert.Equal("2.03", root.Attribute("version")!.Value);
        Assert.Equal(demo.System.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), root.Attribute("generated-datetime")!.Value);
        Assert.All(root.Elements("iati-activity"), a =>
        {
            Assert.StartsWith("XI-IATI-EXAMPLE-UPR-VFTA-", a.Element("iati-identifier")!.Value, StringComparison.Ordinal);
            Assert.Equal("XI-IATI-EXAMPLE", a.Element("reporting-org")!.Attribute("ref")!.Value);
            Assert.Equal("90", a.Element("reporting-org")!.Attribute("type")!.Value);
            Assert.Equal("Example publisher", a.Element("reporting-org")!.Element("narrative")!.Value);
        });
    }

    [Theory]
    [InlineData("XM/DAC", "90")]
    [InlineData("XM-DAC-41313", "41")]
    public async Task Options_IATI_would_refuse_are_refused_before_anything_is_written(string orgRef, string orgType)
    {
        using var buffer = new MemoryStream();
        var options = new IatiOptions { ReportingOrgRef = orgRef, ReportingOrgType = orgType };

        await Refusals.AssertRefusedAsync(Common.BusinessRule.InvalidInput, () => IatiActivityFile.WriteAsync(demo.System, FundManager.Funds.FundCode.Parse("VFTC"), buffer, options));

        Assert.Equal(0, buffer.Length);
    }

    private async Task<IReadOnlyDictionary<string, XElement>> ActivitiesAsync(string fund)
    {
        var document = DemoIatiFiles.Parse(await DemoIatiFiles.WriteAsync(demo.System, fund));
        return document.Root!.Elements("iati-activity").ToDictionary(a => a.Element("iati-identifier")!.Value, StringComparer.Ordinal);
    }

    private static string Identifier(string fund, Grant grant) => $"{IatiOptions.DefaultReportingOrgRef}-{fund}-{grant.Id}";

    private static IEnumerable<XElement> Transactions(XElement activity, string type) =>
        activity.Elements("transaction").Where(t => t.Element("transaction-type")!.Attribute("code")!.Value == type);

    private static decimal Sum(XElement activity, string type) => Transactions(activity, type).Sum(Amount);

    private static decimal Amount(XElement withValue) => decimal.Parse(withValue.Element("value")!.Value, CultureInfo.InvariantCulture);

    private static DateOnly? Date(XElement activity, string type) =>
        activity.Elements("activity-date").Where(d => d.Attribute("type")!.Value == type)
            .Select(d => (DateOnly?)DateOnly.Parse(d.Attribute("iso-date")!.Value, CultureInfo.InvariantCulture))
            .SingleOrDefault();
}

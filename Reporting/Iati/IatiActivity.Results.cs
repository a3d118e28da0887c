using System.Xml.Linq;
using FundManager.Grants;

namespace FundManager.Reporting.Iati;

internal static partial class IatiActivity
{
    /// <summary>
    /// The grant's indicators as one output result (IATI requires at least one indicator in a result, so a grant without
    /// indicators has none). Each indicator has its baseline, taken in the year the grant starts, and one period: that of
    /// the latest accepted progress report, with the target and the value the report gives; before any report is accepted,
    /// the grant period with the target alone. Submitted and returned reports are not yet facts, so they are left out.
    /// </summary>
    private static XElement? Result(IatiGrant record)
    {
        var grant = record.Grant;
        if (grant.Indicators.Count == 0)
        {
            return null;
        }

        var report = grant.ProgressReports
            .Where(r => r.Status == ProgressReportStatus.Accepted)
            .OrderBy(r => r.PeriodEnd)
            .ThenBy(r => r.Number)
            .LastOrDefault();
        return new XElement(
            "result",
            new XAttribute("type", IatiCodes.OutputResult),
            new XElement("title", Narrative("Outputs of the grant's results framework")),
            grant.Indicators.Select(i => Indicator(i, grant.Details.Period, report)));
    }

    private static XElement Indicator(Indicator indicator, GrantPeriod period, ProgressReport? report)
    {
        var actual = report?.Values.FirstOrDefault(v => v.Indicator == indicator.Id);
        return new XElement(
            "indicator",
            new XAttribute("measure", IatiCodes.UnitMeasure),
            indicator.Target == indicator.Baseline ? null : new XAttribute("ascending", indicator.Target > indicator.Baseline ? "true" : "false"),
            new XElement("title", Narrative(indicator.Name)),
            new XElement("description", Narrative($"Measured in {indicator.Unit}.")),
            new XElement(
                "baseline",
                new XAttribute("year", period.Start.Year),
                new XAttribute("value", IatiFormat.Decimal(indicator.Baseline))),
            new XElement(
                "period",
                new XElement("period-start", new XAttribute("iso-date", IatiFormat.Date(report?.PeriodStart ?? period.Start))),
                new XElement("period-end", new XAttribute("iso-date", IatiFormat.Date(report?.PeriodEnd ?? period.End))),
                new XElement("target", new XAttribute("value", IatiFormat.Decimal(indicator.Target))),
                actual is null ? null : new XElement("actual", new XAttribute("value", IatiFormat.Decimal(actual.Value)))));
    }
}

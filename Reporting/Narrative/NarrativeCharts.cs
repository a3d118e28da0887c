using FundManager.Reporting.Charts;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Narrative;

/// <summary>The narrative's charts, drawn from the same figures as the workbook's.</summary>
public static class NarrativeCharts
{
    public const int Donors = 10;

    public static IReadOnlyDictionary<string, Chart> Of(FundYearFigures f)
    {
        var regions = f.Statement.GrantExpenditureByRegion.Where(r => r.Amount > 0m).ToList();
        var donors = f.Contributions.Take(Donors).ToList();
        return new Dictionary<string, Chart>
        {
            [NarrativeModel.ExpenditureByRegion] = new($"Grant expenditure by region, {f.Period.Label}", ChartKind.Pie,
                regions.Select(r => r.Region).ToList(), [new ChartSeries("Grant expenditure", regions.Select(r => r.Amount).ToList())]),
            [NarrativeModel.ContributionsByDonor] = new($"Contributions received by donor, {f.Period.Label} (largest {donors.Count})", ChartKind.Bar,
                donors.Select(d => d.Name).ToList(), [new ChartSeries("Received", donors.Select(d => d.ReceivedUsd).ToList()), new ChartSeries("Revenue recognised", donors.Select(d => d.Revenue).ToList())]),
            [NarrativeModel.Predictability] = new("Planned tranches covered by signed instalments", ChartKind.Column,
                f.Predictability.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                [new ChartSeries("Covered", f.Predictability.Select(p => p.Coverage).ToList())], ChartValueFormat.Percent),
        };
    }
}

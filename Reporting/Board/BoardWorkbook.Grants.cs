using FundManager.Reporting.Charts;
using FundManager.Reporting.Excel;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Board;

public static partial class BoardWorkbook
{
    private static void Grants(XlsxWorkbook book, FundYearFigures f)
    {
        using var sheet = book.AddSheet("Grants", Titles(f, "Grants"),
        [
            new("Title", 44), new("Country", 22), new("Region", 22), new("Implementing entity", 32), new("Modality", 13), new("Status", 12), new("Approved on", 17),
            new("Direct budget (US$)", 17), new("PSC (US$)", 15), new("Disbursed to date (US$)", 17), new($"Disbursed {f.Period.Label} (US$)", 17),
            new($"PSC {f.Period.Label} (US$)", 15), new("UPR recommendations", 30), new("SDG targets", 16),
        ]);
        var first = sheet.CurrentRow + 1;
        foreach (var g in f.Grants)
        {
            sheet.Row(
                g.Title, g.CountryName, g.Region, g.ImplementingEntity, FundYearBuilder.ModalityName(g.Modality), g.Status.ToString(), Cell.Date(g.ApprovedOn),
                Cell.Usd(g.DirectBudget), Cell.Usd(g.Psc), Cell.Usd(g.DisbursedToDate), Cell.Usd(g.DisbursedInPeriod), Cell.Usd(g.PscInPeriod),
                string.Join(", ", g.Recommendations), string.Join(", ", g.SdgTargets));
        }

        var last = sheet.CurrentRow;
        sheet.Row(
            new Cell("Total", CellStyle.TotalLabel), Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty,
            SheetWriter.Sum(8, first, last, f.Grants.Sum(g => g.DirectBudget)), SheetWriter.Sum(9, first, last, f.Grants.Sum(g => g.Psc)),
            SheetWriter.Sum(10, first, last, f.Grants.Sum(g => g.DisbursedToDate)), SheetWriter.Sum(11, first, last, f.Grants.Sum(g => g.DisbursedInPeriod)),
            SheetWriter.Sum(12, first, last, f.Grants.Sum(g => g.PscInPeriod)));
    }

    private static void Disbursements(XlsxWorkbook book, FundYearFigures f)
    {
        using var sheet = book.AddSheet("Disbursements", Titles(f, "Tranches paid"),
        [
            new("Paid on", 17), new("Grant", 44), new("Country", 22), new("Tranche", 9), new("Amount (US$)", 17), new("PSC (US$)", 15),
            new("Prepared by", 26), new("Approved by", 26),
        ]);
        var first = sheet.CurrentRow + 1;
        foreach (var d in f.Disbursements)
        {
            sheet.Row(Cell.Date(d.PaidOn), d.GrantTitle, d.Country, Cell.Integer(d.Tranche), Cell.Usd(d.Amount), Cell.Usd(d.Psc), d.PreparedBy, d.ApprovedBy);
        }

        var last = sheet.CurrentRow;
        sheet.Row(
            new Cell("Total", CellStyle.TotalLabel), Cell.Empty, Cell.Empty, Cell.Empty,
            SheetWriter.Sum(5, first, last, f.Disbursements.Sum(d => d.Amount)), SheetWriter.Sum(6, first, last, f.Disbursements.Sum(d => d.Psc)));
    }

    private static void Results(XlsxWorkbook book, FundYearFigures f)
    {
        using var sheet = book.AddSheet("Results", Titles(f, "UPR recommendations whose implementation moved"),
        [
            new("As of", 17), new("Country", 22), new("Grant", 40), new("Recommendation", 18), new("Text", 60), new("From", 20), new("To", 20),
            new("Evidence", 50), new("Recorded by", 26),
        ]);
        foreach (var c in f.RecommendationChanges)
        {
            sheet.Row(
                Cell.Date(c.AsOf), c.Country, c.GrantTitle, c.Recommendation, new Cell(c.Text, CellStyle.Wrapped), c.Previous is { } p ? StatusName(p) : "(first recorded)",
                StatusName(c.Status), new Cell(c.Evidence, CellStyle.Wrapped), c.RecordedBy);
        }

        sheet.Table("Indicators", "Country", "Grant", "Indicator", "Unit", "Baseline", "Target", "Latest value", "Reported for the period ending", "Progress to target");
        foreach (var i in f.Indicators)
        {
            sheet.Row(
                i.Country, i.GrantTitle, i.Name, i.Unit, new Cell(i.Baseline, CellStyle.Decimal), new Cell(i.Target, CellStyle.Decimal),
                new Cell(i.Latest, CellStyle.Decimal), Cell.Date(i.LatestAsOf), Cell.Percent(i.Progress));
        }
    }

    private static void Distribution(XlsxWorkbook book, FundYearFigures f)
    {
        using var sheet = book.AddSheet("Distribution", Titles(f, "Disbursements by region, country, SDG target and modality"),
            [new("Region / country / SDG target / modality", 52), new("Code", 12), new("Grants", 9), new("Disbursed (US$)", 18), new("Share", 10)]);
        var total = f.Statement.GrantExpenditure;
        foreach (var dimension in FundYearFigures.DistributionDimensions)
        {
            var lines = f.Distribution.Where(d => d.Dimension == dimension).ToList();
            var header = dimension == FundYearFigures.DistributionDimensions[0] ? sheet.CurrentRow : sheet.Table($"By {dimension.ToLowerInvariant()}", "Name", "Code", "Grants", "Disbursed (US$)", "Share");
            var first = sheet.CurrentRow + 1;
            foreach (var line in lines)
            {
                var row = sheet.CurrentRow + 1;
                sheet.Row(line.Name, line.Key, Cell.Integer(line.Grants), Cell.Usd(line.Amount), new Cell(total == 0m ? 0m : line.Amount / total, CellStyle.Percent, total == 0m ? null : $"D{row}/D${first + lines.Count}"));
            }

            var last = sheet.CurrentRow;
            sheet.Row(new Cell("Total", CellStyle.TotalLabel), Cell.Empty, Cell.Empty, SheetWriter.Sum(4, first, last, lines.Sum(l => l.Amount)));
            sheet.EndTable();
            if (dimension == FundYearFigures.DistributionDimensions[0] && lines.Count > 0)
            {
                sheet.AddChart(
                    new Chart($"Expenditure by region, {f.Period.Label}", ChartKind.Pie, lines.Select(l => l.Name).ToList(), [new ChartSeries("Disbursed (US$)", lines.Select(l => l.Amount).ToList())]),
                    new ChartRanges(sheet.Range(1, first, 1, last), [sheet.Range(4, header, 4, header)], [sheet.Range(4, first, 4, last)]),
                    new ChartAnchor(6, 3, 7, 18));
            }
        }
    }

    public static string StatusName(FundManager.Grants.ImplementationStatus status) => status switch
    {
        FundManager.Grants.ImplementationStatus.NotStarted => "Not started",
        FundManager.Grants.ImplementationStatus.InProgress => "In progress",
        FundManager.Grants.ImplementationStatus.PartiallyImplemented => "Partially implemented",
        FundManager.Grants.ImplementationStatus.FullyImplemented => "Fully implemented",
        _ => status.ToString(),
    };
}

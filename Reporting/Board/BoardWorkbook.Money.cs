using FundManager.Reporting.Charts;
using FundManager.Reporting.Excel;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Board;

public static partial class BoardWorkbook
{
    /// <summary>How many donors the contributions chart shows (the largest); the table shows them all.</summary>
    public const int ChartedDonors = 15;

    private static void Contributions(XlsxWorkbook book, FundYearFigures f)
    {
        using var sheet = book.AddSheet("Contributions", Titles(f, "Contributions by donor"),
        [
            new("Donor", 40), new("Type", 24), new("Currency", 10), new("Received (currency)", 18), new("Received (US$)", 17),
            new("Revenue recognised (US$)", 18), new("Exchange differences (US$)", 16), new("First", 17), new("Last", 17), new("Multi-year", 10),
        ]);
        var (first, last) = DonorRows(sheet, f.Contributions);
        if (first <= last)
        {
            var shown = Math.Min(ChartedDonors, f.Contributions.Count);
            var top = f.Contributions.Take(shown).ToList();
            sheet.AddChart(
                new Chart($"Contributions by donor, {f.Period.Label} (largest {shown})", ChartKind.Bar, top.Select(c => c.Name).ToList(),
                [new ChartSeries("Received (US$)", top.Select(c => c.ReceivedUsd).ToList()), new ChartSeries("Revenue recognised (US$)", top.Select(c => c.Revenue).ToList())]),
                new ChartRanges(sheet.Range(1, first, 1, first + shown - 1), [sheet.Range(5, first - 1, 5, first - 1), sheet.Range(6, first - 1, 6, first - 1)],
                    [sheet.Range(5, first, 5, first + shown - 1), sheet.Range(6, first, 6, first + shown - 1)]),
                new ChartAnchor(11, 3, 9, 24));
        }

        sheet.Table("Cumulative contributions since the fund began", "Donor", "Type", "Currency", "Received (currency)", "Received (US$)", "Revenue recognised (US$)", "Exchange differences (US$)", "First", "Last", "Multi-year");
        DonorRows(sheet, f.CumulativeContributions);
    }

    private static (long First, long Last) DonorRows(SheetWriter sheet, IReadOnlyList<DonorContribution> rows)
    {
        var first = sheet.CurrentRow + 1;
        foreach (var c in rows)
        {
            sheet.Row(
                c.Name, DonorTypeName(c.Type), c.Currency, new Cell(c.ReceivedInCurrency, XlsxStyles.AmountStyle(MinorUnits(c.Currency))), Cell.Usd(c.ReceivedUsd),
                Cell.Usd(c.Revenue), Cell.Usd(c.ExchangeDifferences), Cell.Date(c.FirstDate), Cell.Date(c.LastDate), c.MultiYear ? "yes" : "no");
        }

        var last = sheet.CurrentRow;
        sheet.Row(
            new Cell("Total", CellStyle.TotalLabel), Cell.Empty, Cell.Empty, Cell.Empty,
            SheetWriter.Sum(5, first, last, rows.Sum(r => r.ReceivedUsd)), SheetWriter.Sum(6, first, last, rows.Sum(r => r.Revenue)),
            SheetWriter.Sum(7, first, last, rows.Sum(r => r.ExchangeDifferences)));
        sheet.EndTable();
        return (first, last);
    }

    private static void Pledges(XlsxWorkbook book, FundYearFigures f)
    {
        var years = f.ScheduleYears;
        using var sheet = book.AddSheet("Pledges and predictability", Titles(f, "Signed pledges and predictable funding"),
        [
            new("Donor", 36), new("Signed on", 17), new("Currency", 10), new("Total", 16), new("Earmarking", 26),
            .. years.Select(y => new SheetColumn($"Due {y}", 14)), new($"Due after {years[^1]}", 14),
            new("Paid", 16), new("Outstanding", 16), new("Overdue", 14), new("Outstanding (US$)", 17),
        ]);
        var first = sheet.CurrentRow + 1;
        foreach (var p in f.Pledges)
        {
            var style = XlsxStyles.AmountStyle(p.MinorUnits);
            sheet.Row(
            [
                p.DonorName, Cell.Date(p.SignedOn), p.Currency, new Cell(p.Total, style), p.Earmark,
                .. p.DueByYear.Select(d => new Cell(d, style)), new Cell(p.DueLater, style),
                new Cell(p.Paid, style), new Cell(p.Outstanding, style), new Cell(p.Overdue, style), Cell.Usd(p.OutstandingUsd),
            ]);
        }

        var last = sheet.CurrentRow;
        var usdColumn = 5 + years.Count + 5;
        sheet.Row([new Cell("Total (US$, at the rates the receivables were booked at)", CellStyle.TotalLabel), .. Enumerable.Repeat(Cell.Empty, usdColumn - 2), SheetWriter.Sum(usdColumn, first, last, f.Pledges.Sum(p => p.OutstandingUsd))]);

        var header = sheet.Table("Predictable funding: planned tranches covered by signed instalments due by the end of each year", "Year", "Planned tranches (US$)", "Signed instalments due (US$)", "Covered");
        foreach (var p in f.Predictability)
        {
            sheet.Row(Cell.Integer(p.Year), Cell.Usd(p.PlannedTranches), Cell.Usd(p.SignedInstalments), Cell.Percent(p.Coverage));
        }

        if (f.Predictability.Count > 0)
        {
            sheet.AddChart(
                new Chart("Predictability: share of planned tranches covered", ChartKind.Column, f.Predictability.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                    [new ChartSeries("Covered", f.Predictability.Select(p => p.Coverage).ToList())], ChartValueFormat.Percent),
                new ChartRanges(sheet.Range(1, header + 1, 1, sheet.CurrentRow), [sheet.Range(4, header, 4, header)], [sheet.Range(4, header + 1, 4, sheet.CurrentRow)]),
                new ChartAnchor(5, (int)sheet.CurrentRow + 1, 7, 16));
        }
    }

    private static void TrialBalance(XlsxWorkbook book, FundYearFigures f)
    {
        using var sheet = book.AddSheet("Trial balance", Titles(f, $"Trial balance at {UnStyle.Date(f.Period.End)}"),
            [new("Account", 10), new("Name", 40), new("Debit (US$)", 18), new("Credit (US$)", 18), new("Balance (US$)", 18)]);
        var first = sheet.CurrentRow + 1;
        foreach (var row in f.TrialBalance.Rows)
        {
            sheet.Row(row.Code, row.Name, Cell.Usd(row.Debit), Cell.Usd(row.Credit), new Cell(row.Balance, CellStyle.Usd, $"C{sheet.CurrentRow + 1}-D{sheet.CurrentRow + 1}"));
        }

        var last = sheet.CurrentRow;
        sheet.Row(
            new Cell("Total", CellStyle.TotalLabel), Cell.Empty, SheetWriter.Sum(3, first, last, f.TrialBalance.TotalDebit), SheetWriter.Sum(4, first, last, f.TrialBalance.TotalCredit),
            SheetWriter.Sum(5, first, last, f.TrialBalance.TotalDebit - f.TrialBalance.TotalCredit));
    }

    private static int MinorUnits(string currency) =>
        FundManager.Finance.CurrencyCode.TryParse(currency, out var code) ? code.MinorUnits : 2;

    public static string DonorTypeName(Donors.DonorType type) => type switch
    {
        Donors.DonorType.MemberState => "Member State",
        Donors.DonorType.IntergovernmentalOrganisation => "Intergovernmental organisation",
        Donors.DonorType.UnEntity => "United Nations entity",
        Donors.DonorType.Foundation => "Foundation",
        Donors.DonorType.PrivateSector => "Private sector",
        Donors.DonorType.Individual => "Individual",
        _ => type.ToString(),
    };
}

using System.Globalization;
using FundManager.Reporting.Excel;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Board;

/// <summary>
/// The Board of Trustees workbook: eight sheets (Summary, Contributions, Pledges and predictability, Grants,
/// Disbursements, Results, Distribution, Trial balance) written from one <see cref="FundYearFigures"/>. Totals are SUM
/// formulas with their values cached; the figures behind them are the ledger's.
/// </summary>
public static partial class BoardWorkbook
{
    public static readonly string[] SheetNames =
        ["Summary", "Contributions", "Pledges and predictability", "Grants", "Disbursements", "Results", "Distribution", "Trial balance"];

    /// <summary>The file name the workbook is saved under: <c>board-UPR-VFTA-2025.xlsx</c>.</summary>
    public static string FileName(FundYearFigures f) => $"board-{f.Fund.Code}-{f.Period.End.Year}.xlsx";

    public static void Write(FundYearFigures f, Stream output)
    {
        var info = new DocumentInfo(
            $"{f.Fund.Name} ({f.Fund.Code}): report to the Board of Trustees, {f.Period.Label}",
            $"Financial situation, grants and results of {f.Fund.Code}, {f.Period.Label}",
            f.GeneratedAt,
            new Dictionary<string, string>
            {
                ["Fund"] = f.Fund.Code,
                ["Year"] = f.Period.End.Year.ToString(CultureInfo.InvariantCulture),
                ["Generated"] = f.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        using var book = XlsxWorkbook.Create(output, info);
        Summary(book, f);
        Contributions(book, f);
        Pledges(book, f);
        Grants(book, f);
        Disbursements(book, f);
        Results(book, f);
        Distribution(book, f);
        TrialBalance(book, f);
    }

    private static string[] Titles(FundYearFigures f, string what) =>
    [
        $"{f.Fund.Name} ({f.Fund.Code})",
        $"{what}, {f.Period.Label}",
        $"Amounts in US dollars unless a currency is shown. Generated {f.GeneratedAt.UtcDateTime.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC from the ledger.",
    ];

    private static void Summary(XlsxWorkbook book, FundYearFigures f)
    {
        var s = f.Statement;
        using var sheet = book.AddSheet("Summary", Titles(f, "Statement of income and expenditure"), [new("Item", 58), new("US$", 20), new("Ledger", 34)]);
        const int amount = 2;
        var opening = sheet.Row($"Fund balance at {UnStyle.Date(f.Period.Start == DateOnly.MinValue ? f.Period.End : f.Period.Start)} (opening)", Cell.Usd(s.OpeningBalance), "1000 + 1100 + 2100, brought forward");
        sheet.Row(new Cell("Income", CellStyle.Subtitle));
        var firstIncome = sheet.Row("Voluntary contributions (revenue recognised)", Cell.Usd(s.Contributions), "4000");
        var lastIncome = sheet.Row("Exchange gains and losses", Cell.Usd(s.ExchangeDifferences), "4900");
        var income = sheet.Row(new Cell("Total income", CellStyle.TotalLabel), SheetWriter.Sum(amount, firstIncome, lastIncome, s.Income));
        sheet.Row(new Cell("Expenditure", CellStyle.Subtitle));
        long firstRegion = 0, lastRegion = 0;
        foreach (var region in s.GrantExpenditureByRegion)
        {
            lastRegion = sheet.Row($"Grants: {region.Region}", Cell.Usd(region.Amount), "5000, by the grant's region");
            firstRegion = firstRegion == 0 ? lastRegion : firstRegion;
        }

        var grants = sheet.Row(new Cell("Total grant expenditure", CellStyle.TotalLabel), SheetWriter.Sum(amount, firstRegion, lastRegion, s.GrantExpenditure));
        var psc = sheet.Row($"Programme support costs ({UnStyle.Percent(f.Fund.PscRate)} of expenditure)", Cell.Usd(s.ProgrammeSupportCosts), "5100");
        var writtenOff = sheet.Row("Contributions written off", Cell.Usd(s.ContributionsWrittenOff), "5200");
        var charges = sheet.Row("Bank and card processing charges", Cell.Usd(s.BankCharges), "5300");
        var expenditure = sheet.Row(
            new Cell("Total expenditure", CellStyle.TotalLabel),
            new Cell(s.Expenditure, CellStyle.UsdTotal, $"B{grants}+B{psc}+B{writtenOff}+B{charges}"));
        var result = sheet.Row(new Cell("Net result for the period", CellStyle.TotalLabel), new Cell(s.Income - s.Expenditure, CellStyle.UsdTotal, $"B{income}-B{expenditure}"));
        sheet.Row(
            new Cell($"Fund balance at {UnStyle.Date(f.Period.End)} (closing)", CellStyle.TotalLabel),
            new Cell(s.ClosingBalance, CellStyle.UsdTotal, $"B{opening}+B{result}"),
            "equals 1000 + 1100 + 2100 at the period's end");
        sheet.Row();
        sheet.Row(new Cell($"Position at {UnStyle.Date(f.Period.End)}", CellStyle.Subtitle));
        var cash = sheet.Row("Cash", Cell.Usd(s.Cash), "1000");
        sheet.Row("Contributions receivable", Cell.Usd(s.ContributionsReceivable), "1100");
        var payable = sheet.Row("Less programme support costs payable", Cell.Usd(-s.PscPayable), "2100");
        sheet.Row(new Cell("Fund balance", CellStyle.TotalLabel), SheetWriter.Sum(amount, cash, payable, s.ClosingBalance));
        var available = sheet.Row("Available cash (cash less PSC payable)", new Cell(s.AvailableCash, CellStyle.Usd, $"B{cash}+B{payable}"), "1000 + 2100");
        var commitments = sheet.Row("Open grant commitments (direct budget and PSC not yet disbursed)", Cell.Usd(s.OpenCommitments), "9000 (memorandum)");
        var reserve = sheet.Row($"Operating reserve ({UnStyle.Percent(s.ReserveRate)} of commitments)", Cell.Usd(s.OperatingReserve), "held back by the uncommitted-funds rule");
        sheet.Row(
            new Cell("Funds available for new grants (direct budget and PSC)", CellStyle.TotalLabel),
            new Cell(s.AvailableForNewGrants, CellStyle.UsdTotal, $"B{available}-B{commitments}-B{reserve}"),
            $"available cash / {1m + s.ReserveRate:0.00##} - commitments, to the cent below");
    }
}

using System.Globalization;
using FundManager.Reporting.Board;
using FundManager.Reporting.Excel;

namespace FundManager.Reporting.Utilisation;

/// <summary>A donor's utilisation statement as a workbook: Statement (by fund), Receipts, Application (by grant), Results.</summary>
public static class DonorStatementWorkbook
{
    public static readonly string[] SheetNames = ["Statement", "Receipts", "Application", "Results"];

    public static string FileName(DonorStatement s, string extension) =>
        $"utilisation-{Slug(s.Name)}-{(s.From is null ? "cumulative" : s.To.Year.ToString(CultureInfo.InvariantCulture))}.{extension}";

    public static void Write(DonorStatement s, Stream output)
    {
        var info = new DocumentInfo($"{s.Name}: utilisation of contributions, {s.Period}", "Donor utilisation statement", s.GeneratedAt,
            new Dictionary<string, string> { ["Donor"] = s.Name, ["Period"] = s.Period, ["Generated"] = s.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) });
        using var book = XlsxWorkbook.Create(output, info);
        string[] Titles(string what) => [$"{s.Name} ({BoardWorkbook.DonorTypeName(s.Type)})", $"{what}, {s.Period}", "Amounts in US dollars unless a currency is shown. How money is attributed: README, Donor utilisation."];

        using (var sheet = book.AddSheet("Statement", Titles("How your contributions were used"),
            [new("Fund", 44), new("Received (US$)", 17), new("Fund spent (US$)", 17), new("Applied to your contributions (US$)", 20), new("Tranches (US$)", 17), new("PSC (US$)", 15), new("Earmarked (US$)", 17), new("Unearmarked share (US$)", 17)]))
        {
            var first = sheet.CurrentRow + 1;
            foreach (var f in s.Funds)
            {
                sheet.Row($"{f.Name} ({f.Fund})", Cell.Usd(f.ReceivedUsd), Cell.Usd(f.FundSpent), Cell.Usd(f.Applied), Cell.Usd(f.Disbursements), Cell.Usd(f.ProgrammeSupportCosts), Cell.Usd(f.Earmarked), Cell.Usd(f.Unearmarked));
            }

            var last = sheet.CurrentRow;
            sheet.Row(
                new Cell("Total", CellStyle.TotalLabel), SheetWriter.Sum(2, first, last, s.Funds.Sum(f => f.ReceivedUsd)), Cell.Empty, SheetWriter.Sum(4, first, last, s.AppliedUsd),
                SheetWriter.Sum(5, first, last, s.Funds.Sum(f => f.Disbursements)), SheetWriter.Sum(6, first, last, s.Funds.Sum(f => f.ProgrammeSupportCosts)),
                SheetWriter.Sum(7, first, last, s.Funds.Sum(f => f.Earmarked)), SheetWriter.Sum(8, first, last, s.Funds.Sum(f => f.Unearmarked)));
            sheet.Table("Countries your contributions reached", "Country", "Applied (US$)", "Grants");
            foreach (var c in s.Countries)
            {
                sheet.Row(c.Country, Cell.Usd(c.Amount), Cell.Integer(c.Grants));
            }
        }

        using (var sheet = book.AddSheet("Receipts", Titles("Contributions received"),
            [new("Received on", 17), new("Fund", 12), new("Reference", 28), new("Earmarking", 28), new("Currency", 10), new("Amount", 18), new("US$", 17)]))
        {
            var first = sheet.CurrentRow + 1;
            foreach (var r in s.Receipts)
            {
                sheet.Row(Cell.Date(r.ReceivedOn), r.Fund, r.Reference, r.Earmark, r.Currency, new Cell(r.Amount, XlsxStyles.AmountStyle(r.MinorUnits)), Cell.Usd(r.Usd));
            }

            sheet.Row(new Cell("Total", CellStyle.TotalLabel), Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty, SheetWriter.Sum(7, first, sheet.CurrentRow, s.ReceivedUsd));
        }

        using (var sheet = book.AddSheet("Application", Titles("Grants your contributions paid for"),
            [new("Fund", 12), new("Grant", 44), new("Country", 22), new("Region", 22), new("Status", 12), new("Tranches (US$)", 17), new("PSC (US$)", 15), new("Basis", 36)]))
        {
            var first = sheet.CurrentRow + 1;
            foreach (var g in s.Grants)
            {
                sheet.Row(g.Fund, g.Title, g.Country, g.Region, g.Status, Cell.Usd(g.Disbursements), Cell.Usd(g.ProgrammeSupportCosts), g.Basis);
            }

            var last = sheet.CurrentRow;
            sheet.Row(
                new Cell("Total", CellStyle.TotalLabel), Cell.Empty, Cell.Empty, Cell.Empty, Cell.Empty,
                SheetWriter.Sum(6, first, last, s.Grants.Sum(g => g.Disbursements)), SheetWriter.Sum(7, first, last, s.Grants.Sum(g => g.ProgrammeSupportCosts)));
        }

        using (var sheet = book.AddSheet("Results", Titles("What the supported grants achieved"),
            [new("Grant", 44), new("Recommendation", 18), new("Text", 60), new("Status", 22), new("As of", 17)]))
        {
            foreach (var g in s.Grants)
            {
                foreach (var r in g.Recommendations)
                {
                    sheet.Row(g.Title, r.Id, new Cell(r.Text, CellStyle.Wrapped), r.Status, Cell.Date(r.AsOf));
                }
            }

            sheet.Table("Indicators", "Grant", "Indicator", "Unit", "Baseline", "Target", "Latest");
            foreach (var g in s.Grants)
            {
                foreach (var i in g.Indicators)
                {
                    sheet.Row(g.Title, i.Name, i.Unit, new Cell(i.Baseline, CellStyle.Decimal), new Cell(i.Target, CellStyle.Decimal), new Cell(i.Latest, CellStyle.Decimal));
                }
            }
        }
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') is { Length: > 0 } slug ? slug : "donor";
}

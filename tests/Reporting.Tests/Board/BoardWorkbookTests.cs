using DocumentFormat.OpenXml.Packaging;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Board;
using FundManager.Reporting.Figures;

namespace FundManager.Reporting.Tests.Board;

/// <summary>The Board workbook opened as a reader would: every sheet there, valid Open XML, and its figures the ledger's.</summary>
[Collection(DemoCollection.Name)]
public sealed class BoardWorkbookTests(DemoFixture demo)
{
    [Theory]
    [InlineData("UPR-VFTA", 2025)]
    [InlineData("VFTC", 2023)]
    public async Task The_workbook_has_every_sheet_and_the_validator_finds_no_error(string fund, int year)
    {
        using var book = await WriteAsync(fund, year);

        Assert.Equal(BoardWorkbook.SheetNames, book.SheetNames);
        Assert.Empty(book.ValidationErrors());
    }

    [Fact]
    public async Task Summary_and_trial_balance_figures_equal_the_ledger()
    {
        const string fund = "UPR-VFTA";
        using var book = await WriteAsync(fund, 2025);
        var code = FundCode.Parse(fund);
        var before = await demo.System.Ledger.TrialBalanceAsync(code, new DateOnly(2024, 12, 31));
        var after = await demo.System.Ledger.TrialBalanceAsync(code, new DateOnly(2025, 12, 31));
        decimal Amount(string label) => XlsxReader.Number(book.RowLabelled("Summary", label)["B"]);
        decimal Moved(Account a) => after.BalanceOf(a) - before.BalanceOf(a);

        Assert.Equal(-Moved(Account.ContributionRevenue), Amount("Voluntary contributions"));
        Assert.Equal(-Moved(Account.ExchangeGainsAndLosses), Amount("Exchange gains and losses"));
        Assert.Equal(Moved(Account.GrantExpense), Amount("Total grant expenditure"));
        Assert.Equal(Moved(Account.PscExpense), Amount("Programme support costs"));
        Assert.Equal(after.BalanceOf(Account.Cash) + after.BalanceOf(Account.ContributionsReceivable) + after.BalanceOf(Account.PscPayable), Amount("Fund balance at 31 December 2025 (closing)"));
        Assert.Equal(after.BalanceOf(Account.OpenCommitments), Amount("Open grant commitments"));
        Assert.StartsWith("SUM(B", book.RowLabelled("Summary", "Total income")["B"].CellFormula!.Text, StringComparison.Ordinal);

        foreach (var row in after.Rows)
        {
            var cells = book.Rows("Trial balance").Single(r => XlsxReader.Text(r.Cells.GetValueOrDefault("A")) == row.Code).Cells;
            Assert.Equal((row.Debit, row.Credit, row.Balance), (XlsxReader.Number(cells["C"]), XlsxReader.Number(cells["D"]), XlsxReader.Number(cells["E"])));
        }

        var total = book.RowLabelled("Trial balance", "Total");
        Assert.Equal(XlsxReader.Number(total["C"]), XlsxReader.Number(total["D"]));
        Assert.Equal(after.TotalDebit, XlsxReader.Number(total["C"]));
    }

    [Fact]
    public async Task Totals_are_formulas_whose_cached_values_are_the_sums_of_the_rows_above()
    {
        using var book = await WriteAsync("VFTC", 2024);
        var checkedTotals = 0;
        foreach (var sheet in BoardWorkbook.SheetNames)
        {
            var rows = book.Rows(sheet);
            foreach (var (_, cells) in rows)
            {
                foreach (var cell in cells.Values.Where(c => c.CellFormula?.Text.StartsWith("SUM(", StringComparison.Ordinal) == true))
                {
                    var range = cell.CellFormula!.Text[4..^1].Split(':');
                    var column = new string(range[0].TakeWhile(char.IsLetter).ToArray());
                    var (from, to) = (uint.Parse(range[0][column.Length..], System.Globalization.CultureInfo.InvariantCulture), uint.Parse(range[1][column.Length..], System.Globalization.CultureInfo.InvariantCulture));
                    var sum = rows.Where(r => r.Row >= from && r.Row <= to && r.Cells.ContainsKey(column)).Sum(r => XlsxReader.Number(r.Cells[column]));
                    Assert.Equal(sum, XlsxReader.Number(cell));
                    checkedTotals++;
                }
            }
        }

        Assert.True(checkedTotals >= 15, $"only {checkedTotals} totals");
    }

    [Fact]
    public async Task The_workbook_has_its_charts_frozen_headers_filters_print_titles_and_properties()
    {
        using var book = await WriteAsync("UPR-VFTA", 2025);
        var charts = book.Document.WorkbookPart!.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).ToList();
        var names = book.Document.WorkbookPart.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().ToList();

        Assert.Equal(3, charts.Count);
        Assert.Contains(charts, c => c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.PieChart>().Any());
        Assert.All(BoardWorkbook.SheetNames, sheet => Assert.Equal("frozen", book.Part(sheet).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().State!.InnerText));
        Assert.Equal(BoardWorkbook.SheetNames.Length, names.Count(n => n.Name == "_xlnm.Print_Titles"));
        Assert.NotNull(book.Part("Grants").Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().SingleOrDefault());
        Assert.Equal("landscape", book.Part("Grants").Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Single().Orientation!.InnerText);
        Assert.Contains("UPR-VFTA", book.Document.PackageProperties.Title, StringComparison.Ordinal);
        var custom = book.Document.CustomFilePropertiesPart!.Properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>().ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal(("UPR-VFTA", "2025"), (custom["Fund"], custom["Year"]));
    }

    private async Task<XlsxReader> WriteAsync(string fund, int year)
    {
        var figures = await new FundYearBuilder(demo.System).BuildAsync(FundCode.Parse(fund), ReportPeriod.Year(year));
        var stream = new MemoryStream();
        BoardWorkbook.Write(figures, stream);
        return new XlsxReader(new MemoryStream(stream.ToArray()));
    }
}

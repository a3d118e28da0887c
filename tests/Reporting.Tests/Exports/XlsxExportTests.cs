using System.Globalization;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>The workbook export: valid Open XML, the same three tables as CSV, and long tables continued on further sheets.</summary>
[Collection(DemoCollection.Name)]
public sealed class XlsxExportTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC", null, null)]
    [InlineData("UPR-VFTA", "2024-01-01", "2025-12-31")]
    public async Task The_workbook_has_the_three_sheets_and_the_validator_finds_no_error(string fund, string? from, string? to)
    {
        using var export = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Xlsx, Date(from), Date(to));
        using var book = export.Workbook();

        Assert.Equal([LedgerExport.JournalSheet, LedgerExport.GeneralLedgerSheet, LedgerExport.TrialBalanceSheet], book.SheetNames);
        Assert.Empty(book.ValidationErrors());
        var file = Assert.Single(export.Manifest.Files);
        Assert.Equal(LedgerExport.Workbook, file.Name);
        Assert.Equal(export.Sha256(LedgerExport.Workbook), file.Sha256);
        Assert.Equal(book.SheetNames, file.Sheets!.Select(s => s.Name));
        foreach (var sheet in file.Sheets!)
        {
            Assert.Equal(DataRows(book, sheet.Name).Count, sheet.Rows);
        }

        Assert.Equal(file.Sheets!.Sum(s => s.Rows), file.Rows);
        Assert.Equal("xlsx", export.Manifest.Format);
    }

    [Fact]
    public async Task The_journal_sheet_holds_every_line_with_its_entrys_hash_and_the_trial_balance_sheet_the_ledgers()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFP", ExportFormat.Xlsx, to: new DateOnly(2025, 12, 31));
        using var book = export.Workbook();
        var entries = await ExportFolder.EntriesAsync(demo.System, "UPR-VFP", to: new DateOnly(2025, 12, 31));
        var journal = DataRows(book, LedgerExport.JournalSheet);

        Assert.Equal(entries.Sum(e => e.Lines.Count), journal.Count);
        Assert.Equal(entries.Count, export.Manifest.Entries);
        var lines = entries.SelectMany(e => e.Lines.Select((l, i) => (Entry: e, Line: l, Number: i + 1))).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var (entry, line, number) = lines[i];
            var cells = journal[i];
            Assert.Equal(entry.Sequence, (long)XlsxReader.Number(cells["B"]));
            Assert.Equal(entry.Date, new DateOnly(1899, 12, 30).AddDays((int)XlsxReader.Number(cells["C"])));
            Assert.Equal(entry.Description, XlsxReader.Text(cells["D"]));
            Assert.Equal(Convert.ToHexStringLower(entry.Hash), XlsxReader.Text(cells["L"]));
            Assert.Equal(number, (int)XlsxReader.Number(cells["M"]));
            Assert.Equal((line.Debit, line.Credit, line.Original.Amount), (XlsxReader.Number(cells["P"]), XlsxReader.Number(cells["Q"]), XlsxReader.Number(cells["S"])));
        }

        var balance = await demo.System.Ledger.TrialBalanceAsync(FundCode.Parse("UPR-VFP"), new DateOnly(2025, 12, 31));
        var rows = DataRows(book, LedgerExport.TrialBalanceSheet);
        Assert.Equal(balance.Rows.Count + 1, rows.Count);
        foreach (var (row, cells) in balance.Rows.Zip(rows))
        {
            Assert.Equal((row.Code, row.Debit, row.Credit, row.Balance), (XlsxReader.Text(cells["A"]), XlsxReader.Number(cells["C"]), XlsxReader.Number(cells["D"]), XlsxReader.Number(cells["E"])));
        }

        Assert.Equal((balance.TotalDebit, balance.TotalCredit), (XlsxReader.Number(rows[^1]["C"]), XlsxReader.Number(rows[^1]["D"])));
    }

    [Fact]
    public async Task The_general_ledger_sheet_ends_each_account_at_its_trial_balance_balance()
    {
        var from = new DateOnly(2023, 1, 1);
        var to = new DateOnly(2024, 12, 31);
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Xlsx, from, to);
        using var book = export.Workbook();
        var balance = await demo.System.Ledger.TrialBalanceAsync(FundCode.Parse("VFTC"), to);
        var rows = DataRows(book, LedgerExport.GeneralLedgerSheet);

        var accounts = rows.GroupBy(r => XlsxReader.Text(r["A"])).ToList();
        Assert.Equal(Enum.GetValues<Account>().Select(AccountInfo.Code), accounts.Select(a => a.Key));
        foreach (var account in accounts)
        {
            Assert.Equal(GeneralLedgerTable.BroughtForward, XlsxReader.Text(account.First()["F"]));
            Assert.Equal(balance.BalanceOf((Account)int.Parse(account.Key, CultureInfo.InvariantCulture)), XlsxReader.Number(account.Last()["I"]));
        }
    }

    [Fact]
    public async Task A_long_table_continues_on_further_sheets_that_still_validate_and_verify()
    {
        const int perSheet = 100;
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Xlsx, rowsPerSheet: perSheet);
        using var book = export.Workbook();
        var lines = export.Manifest.Lines;
        var journalSheets = (int)((lines + perSheet - 1) / perSheet);

        Assert.True(journalSheets >= 3, $"only {lines} lines");
        var expected = Enumerable.Range(1, journalSheets).Select(n => n == 1 ? LedgerExport.JournalSheet : $"{LedgerExport.JournalSheet} ({n})").ToList();
        Assert.Equal(expected, book.SheetNames.Where(n => n.StartsWith(LedgerExport.JournalSheet, StringComparison.Ordinal)));
        Assert.All(expected[..^1], name => Assert.Equal(perSheet, DataRows(book, name).Count));
        Assert.Equal(lines, expected.Sum(name => DataRows(book, name).Count));
        Assert.Empty(book.ValidationErrors());
        Assert.Equal("intact", LedgerExportVerifier.Verify(export.Path).ToString());
    }

    /// <summary>The rows of a sheet below its column headings.</summary>
    private static List<IReadOnlyDictionary<string, DocumentFormat.OpenXml.Spreadsheet.Cell>> DataRows(XlsxReader book, string sheet)
    {
        var rows = book.Rows(sheet);
        var header = rows.First(r => r.Cells.Values.Any(c => c.StyleIndex?.Value == (uint)Excel.CellStyle.Header)).Row;
        return rows.Where(r => r.Row > header).Select(r => r.Cells).ToList();
    }

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);
}

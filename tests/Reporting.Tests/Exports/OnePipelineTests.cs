using System.Globalization;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>
/// Both formats of an export are written from one read of the journal through the same table writers: the workbook's
/// sheets hold the CSV files' rows, cell for cell, each number the value the CSV writes in text.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class OnePipelineTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC", null, null)]
    [InlineData("UPR-VFTA", null, null)]
    [InlineData("UPR-VFP", null, null)]
    [InlineData("VFTC", "2023-01-01", "2024-06-30")]
    [InlineData("UPR-VFTA", "2024-01-01", null)]
    [InlineData("UPR-VFP", null, "2023-12-31")]
    public async Task The_workbook_holds_the_csv_files_rows(string fund, string? from, string? to)
    {
        using var csv = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Csv, Day(from), Day(to));
        using var xlsx = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Xlsx, Day(from), Day(to));

        Assert.Equal(csv.Manifest.ChainHead, xlsx.Manifest.ChainHead);
        Assert.True(csv.Manifest.Lines > 0, "the journal has lines to compare");
        using var book = new XlsxTableReader(xlsx.File(LedgerExport.Workbook));
        foreach (var (file, sheet, columns) in new[]
        {
            (LedgerExport.JournalCsv, LedgerExport.JournalSheet, JournalTable.Columns),
            (LedgerExport.GeneralLedgerCsv, LedgerExport.GeneralLedgerSheet, GeneralLedgerTable.Columns),
            (LedgerExport.TrialBalanceCsv, LedgerExport.TrialBalanceSheet, TrialBalanceTable.Columns),
        })
        {
            var header = columns.Select(c => c.Header).ToList();
            var rows = csv.Csv(file);
            Assert.Equal(header, rows[0]);
            var sheetRows = book.Rows(sheet, header).Select(cells => AsCsv(cells, columns)).ToList();
            Assert.Equal(rows.Count - 1, sheetRows.Count);
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.True(rows[i].SequenceEqual(sheetRows[i - 1]), $"{file} row {i}: {string.Join(",", rows[i])} but the sheet has {string.Join(",", sheetRows[i - 1])}");
            }
        }
    }

    /// <summary>A sheet's row as CSV writes it: dates from Excel's day count, amounts with the hash chain's decimals.</summary>
    internal static string[] AsCsv(string[] cells, IReadOnlyList<TableColumn> columns) =>
        cells.Select((cell, i) => cell.Length == 0 ? "" : columns[i].Kind switch
        {
            ColumnKind.Integer => long.Parse(cell, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            ColumnKind.Date => new DateOnly(1899, 12, 30).AddDays(int.Parse(cell, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ColumnKind.Usd => Number(cell).ToString("F2", CultureInfo.InvariantCulture),
            ColumnKind.Amount => Number(cell).ToString("F4", CultureInfo.InvariantCulture),
            _ => cell,
        }).ToArray();

    private static decimal Number(string cell) => decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);
}

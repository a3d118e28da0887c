using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary><see cref="LedgerExportVerifier"/>: a fresh export is intact; a change to any file is found, and in the journal the entry is named.</summary>
[Collection(DemoCollection.Name)]
public sealed class ExportVerifyTests(DemoFixture demo)
{
    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task A_fresh_export_is_intact(ExportFormat format)
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFTA", format);

        var result = LedgerExportVerifier.Verify(export.Path);

        Assert.True(result.Intact, result.ToString());
        Assert.Equal(export.Manifest.Entries, result.EntriesChecked);
    }

    [Fact]
    public async Task A_changed_amount_in_the_journal_names_its_entry()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);
        var rows = export.Csv(LedgerExport.JournalCsv);
        var target = rows.Skip(1).First(r => r[1] == "10" && r[15] != "0.00");
        target[15] = (decimal.Parse(target[15], CultureInfo.InvariantCulture) + 0.01m).ToString("F2", CultureInfo.InvariantCulture);
        Rewrite(export, rows);

        Assert.StartsWith("broken: journal.csv entry 10: ", LedgerExportVerifier.Verify(export.Path).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_amount_that_keeps_the_entry_balanced_is_still_found_by_its_hash()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);
        var rows = export.Csv(LedgerExport.JournalCsv);
        var lines = rows.Skip(1).Where(r => r[1] == "7").ToList();
        var debit = lines.First(r => r[15] != "0.00");
        var credit = lines.First(r => r[16] != "0.00");
        debit[15] = (decimal.Parse(debit[15], CultureInfo.InvariantCulture) + 1m).ToString("F2", CultureInfo.InvariantCulture);
        credit[16] = (decimal.Parse(credit[16], CultureInfo.InvariantCulture) + 1m).ToString("F2", CultureInfo.InvariantCulture);
        Rewrite(export, rows);

        Assert.Equal(
            "broken: journal.csv entry 7: its content does not match its hash (changed after it was exported)",
            LedgerExportVerifier.Verify(export.Path).ToString());
    }

    [Fact]
    public async Task A_deleted_line_names_its_entry()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFP", ExportFormat.Csv);
        var rows = export.Csv(LedgerExport.JournalCsv);
        var multiLine = rows.Skip(1).GroupBy(r => r[1]).First(g => g.Count() >= 3 && long.Parse(g.Key, CultureInfo.InvariantCulture) > 5).Key;
        rows.Remove(rows.Last(r => r[1] == multiLine));
        Rewrite(export, rows);

        Assert.StartsWith($"broken: journal.csv entry {multiLine}: ", LedgerExportVerifier.Verify(export.Path).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_names_the_entry_where_the_gap_opens()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFP", ExportFormat.Csv);
        var rows = export.Csv(LedgerExport.JournalCsv);
        rows.RemoveAll(r => r[1] == "12");
        Rewrite(export, rows);

        Assert.Equal("broken: journal.csv entry 13: expected entry 12 here (the sequence has a gap)", LedgerExportVerifier.Verify(export.Path).ToString());
    }

    [Fact]
    public async Task A_changed_previous_hash_names_the_entry_whose_link_broke()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);
        var rows = export.Csv(LedgerExport.JournalCsv);
        foreach (var row in rows.Where(r => r[1] == "20"))
        {
            row[10] = new string('a', 64);
        }

        Rewrite(export, rows);

        Assert.Equal("broken: journal.csv entry 20: its previous hash is not the hash of the entry before it", LedgerExportVerifier.Verify(export.Path).ToString());
    }

    [Fact]
    public async Task A_change_to_another_file_names_the_file_by_its_sha256()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);
        var path = export.File(LedgerExport.TrialBalanceCsv);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Cash", "Cash ", StringComparison.Ordinal), new UTF8Encoding(false));

        Assert.StartsWith("broken: trial-balance.csv: its SHA-256 is ", LedgerExportVerifier.Verify(export.Path).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_manifest_is_named()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);
        File.Delete(export.File(LedgerExport.GeneralLedgerCsv));

        Assert.Equal("broken: general-ledger.csv: missing", LedgerExportVerifier.Verify(export.Path).ToString());

        File.Delete(export.File(ExportManifest.FileName));
        Assert.StartsWith("broken: manifest.json: missing", LedgerExportVerifier.Verify(export.Path).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "trial-balance.csv")]
    [InlineData(ExportFormat.Xlsx, "ledger.xlsx")]
    public async Task A_manifest_whose_totals_differ_from_the_trial_balance_is_broken(ExportFormat format, string file)
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFP", format);
        var changed = export.Manifest with { TrialBalance = export.Manifest.TrialBalance with { Debit = export.Manifest.TrialBalance.Debit + 1m } };
        using (var output = File.Create(export.File(ExportManifest.FileName)))
        {
            changed.WriteTo(output);
        }

        Assert.StartsWith($"broken: {file}: the trial balance totals ", LedgerExportVerifier.Verify(export.Path).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_amount_in_the_workbooks_journal_names_its_entry()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFTA", ExportFormat.Xlsx);
        using (var document = SpreadsheetDocument.Open(export.File(LedgerExport.Workbook), true))
        {
            var book = document.WorkbookPart!;
            var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name?.Value == LedgerExport.JournalSheet);
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var row = part.Worksheet.Descendants<Row>().First(r => XlsxReader.Cells(r).TryGetValue("B", out var b) && b.CellValue?.Text == "15");
            var credit = XlsxReader.Cells(row)["Q"];
            credit.CellValue = new CellValue("123456.78");
            part.Worksheet.Save();
        }

        Assert.StartsWith("broken: ledger.xlsx entry 15: ", LedgerExportVerifier.Verify(export.Path).ToString(), StringComparison.Ordinal);
    }

    private static void Rewrite(ExportFolder export, IReadOnlyList<string[]> rows) => ExportFolder.WriteCsv(export.File(LedgerExport.JournalCsv), rows);
}

using System.Globalization;
using FundManager.Common;
using FundManager.Funds;
using FundManager.Reporting.Exports;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>Exports between two dates: the entries dated within them, and where that stretch sits in the hash chain.</summary>
[Collection(DemoCollection.Name)]
public sealed class WindowExportTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC", "2024-01-01", "2024-12-31")]
    [InlineData("UPR-VFTA", "2022-04-01", "2023-03-31")]
    [InlineData("UPR-VFP", "2026-06-15", "2026-06-15")]
    public async Task A_window_exports_only_the_entries_dated_within_it_and_its_first_links_to_the_entry_before(string fund, string from, string to)
    {
        var start = DateOnly.Parse(from, CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(to, CultureInfo.InvariantCulture);
        using var export = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Csv, start, end);
        var all = await ExportFolder.EntriesAsync(demo.System, fund);
        var within = all.Where(e => e.Date >= start && e.Date <= end).ToList();
        var journal = export.Csv(LedgerExport.JournalCsv).Skip(1).ToList();

        Assert.Equal(within.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)), journal.Select(r => r[1]).Distinct());
        Assert.All(journal, r => Assert.InRange(DateOnly.Parse(r[2], CultureInfo.InvariantCulture), start, end));
        Assert.Equal(within.Count, export.Manifest.Entries);
        Assert.Equal(within.Sum(e => e.Lines.Count), export.Manifest.Lines);
        if (within.Count == 0)
        {
            Assert.Null(export.Manifest.FirstEntry);
            Assert.Null(export.Manifest.LastEntry);
            return;
        }

        // The entry before is the one numbered just before, whatever its date: the chain follows posting order.
        var first = within[0];
        var before = all.SingleOrDefault(e => e.Sequence == first.Sequence - 1);
        Assert.Equal(before is null ? new string('0', 64) : Convert.ToHexStringLower(before.Hash), export.Manifest.FirstEntry!.PreviousHash);
        Assert.Equal(first.Sequence, export.Manifest.FirstEntry.Sequence);
        Assert.Equal(Convert.ToHexStringLower(within[^1].Hash), export.Manifest.LastEntry!.Hash);
        Assert.Equal(all.Count(e => e.Sequence > first.Sequence && e.Sequence < within[^1].Sequence && (e.Date < start || e.Date > end)), export.Manifest.SkippedEntries);
        Assert.Equal(start, export.Manifest.From);
        Assert.Equal(end, export.Manifest.To);
        Assert.Equal("intact", LedgerExportVerifier.Verify(export.Path).ToString());
    }

    [Fact]
    public async Task A_window_before_the_first_entry_exports_empty_tables_and_a_manifest_without_a_stretch()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv, new DateOnly(2001, 1, 1), new DateOnly(2001, 12, 31));

        Assert.Equal(0, export.Manifest.Entries);
        Assert.Null(export.Manifest.FirstEntry);
        Assert.Null(export.Manifest.LastEntry);
        Assert.Single(export.Csv(LedgerExport.JournalCsv));
        Assert.Equal(0m, export.Manifest.TrialBalance.Debit);
        Assert.Equal("intact", LedgerExportVerifier.Verify(export.Path).ToString());
    }

    [Fact]
    public void From_after_to_is_refused_as_bad_input_naming_from()
    {
        var refusal = Refusals.AssertRefused(BusinessRule.InvalidInput, () => new LedgerExportRequest(FundCode.Parse("VFTC"), new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1), ExportFormat.Csv));

        Assert.Equal("from", refusal.Field);
    }

    [Fact]
    public async Task An_unknown_fund_is_refused_before_any_file_is_created()
    {
        var path = ExportFolder.NewPath();
        using var target = new DirectoryTarget(path);

        await Refusals.AssertRefusedAsync(BusinessRule.EntityNotFound, () => LedgerExport.WriteAsync(demo.System, new LedgerExportRequest(FundCode.Parse("NOPE-FUND"), null, null, ExportFormat.Xlsx), target));

        Assert.False(Directory.Exists(path));
    }
}

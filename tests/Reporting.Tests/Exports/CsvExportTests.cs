using System.Globalization;
using FundManager.Funds;
using FundManager.Ledger;
using FundManager.Reporting.Exports;
using Npgsql;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>CSV exports of the demo funds, held to the ledger they were taken from.</summary>
[Collection(DemoCollection.Name)]
public sealed class CsvExportTests(DemoFixture demo)
{
    [Theory]
    [InlineData("VFTC")]
    [InlineData("UPR-VFTA")]
    [InlineData("UPR-VFP")]
    public async Task A_whole_fund_export_holds_every_entry_and_line_of_the_ledger_gaplessly(string fund)
    {
        using var export = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Csv);
        var entries = await ExportFolder.EntriesAsync(demo.System, fund);
        var journal = export.Csv(LedgerExport.JournalCsv);

        Assert.Equal(entries.Count, export.Manifest.Entries);
        Assert.Equal(entries.Sum(e => e.Lines.Count), export.Manifest.Lines);
        Assert.Equal(entries.Sum(e => e.Lines.Count), journal.Count - 1);
        Assert.Equal(entries.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)), journal.Skip(1).Select(r => r[1]).Distinct());
        Assert.Equal(0, export.Manifest.SkippedEntries);
        Assert.Equal(new FirstExportedEntry(1, new string('0', 64)), export.Manifest.FirstEntry);
        Assert.Equal(new ChainPoint(entries[^1].Sequence, Convert.ToHexStringLower(entries[^1].Hash)), export.Manifest.LastEntry);
    }

    [Fact]
    public async Task Each_journal_row_carries_its_entry_and_line_in_the_formats_the_hash_chain_uses()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFTA", ExportFormat.Csv);
        var entries = await ExportFolder.EntriesAsync(demo.System, "UPR-VFTA");
        var journal = export.Csv(LedgerExport.JournalCsv);

        Assert.Equal(JournalTable.Columns.Select(c => c.Header), journal[0]);
        var rows = journal.Skip(1).GetEnumerator();
        foreach (var entry in entries)
        {
            for (var i = 0; i < entry.Lines.Count; i++)
            {
                Assert.True(rows.MoveNext());
                var line = entry.Lines[i];
                string[] expected =
                [
                    "UPR-VFTA", entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Description,
                    entry.SourceStream, entry.SourceVersion.ToString(CultureInfo.InvariantCulture), entry.SourceEvent, entry.CommandId.ToString(),
                    entry.Actor, JournalHash.ToStoredPrecision(entry.RecordedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    Convert.ToHexStringLower(entry.PreviousHash), Convert.ToHexStringLower(entry.Hash), (i + 1).ToString(CultureInfo.InvariantCulture),
                    AccountInfo.Code(line.Account), AccountInfo.Name(line.Account), line.Debit.ToString("F2", CultureInfo.InvariantCulture),
                    line.Credit.ToString("F2", CultureInfo.InvariantCulture), line.Original.Currency.Code, line.Original.Amount.ToString("F4", CultureInfo.InvariantCulture), line.Memo ?? "",
                ];
                Assert.Equal(expected, rows.Current);
            }
        }

        Assert.False(rows.MoveNext());
    }

    [Fact]
    public async Task The_manifest_gives_each_files_sha256_size_and_data_rows_and_is_written_last()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);

        Assert.Equal([LedgerExport.JournalCsv, LedgerExport.GeneralLedgerCsv, LedgerExport.TrialBalanceCsv], export.Manifest.Files.Select(f => f.Name));
        foreach (var file in export.Manifest.Files)
        {
            Assert.Equal(export.Sha256(file.Name), file.Sha256);
            Assert.Equal(new FileInfo(export.File(file.Name)).Length, file.Bytes);
            Assert.Equal(export.Csv(file.Name).Count - 1, file.Rows);
        }

        Assert.Equal(
            export.Manifest.Files.Select(f => f.Name).Append(ExportManifest.FileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(export.Path).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal));
        Assert.True(File.GetLastWriteTimeUtc(export.File(ExportManifest.FileName)) >= export.Manifest.Files.Max(f => File.GetLastWriteTimeUtc(export.File(f.Name))));
        using var json = File.OpenRead(export.File(ExportManifest.FileName));
        Assert.Equal(Json(export.Manifest), Json(ExportManifest.Read(json)));
        Assert.Equal(demo.System.Clock.GetUtcNow(), export.Manifest.GeneratedAt);
        Assert.Equal("csv", export.Manifest.Format);
    }

    [Fact]
    public async Task The_manifests_chain_head_is_the_funds_row_in_ledger_heads()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "UPR-VFP", ExportFormat.Csv);

        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select last_seq, encode(last_hash, 'hex') from ledger_heads where fund_code = 'UPR-VFP'", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new ChainPoint(reader.GetInt64(0), reader.GetString(1)), export.Manifest.ChainHead);
        Assert.Equal(export.Manifest.ChainHead, export.Manifest.LastEntry);
    }

    [Theory]
    [InlineData("UPR-VFTA", null, "2025-12-31")]
    [InlineData("VFTC", "2023-01-01", "2024-06-30")]
    [InlineData("UPR-VFP", null, null)]
    public async Task The_trial_balance_file_equals_the_ledgers_trial_balance_at_the_last_date(string fund, string? from, string? to)
    {
        var asOf = to is null ? (DateOnly?)null : DateOnly.Parse(to, CultureInfo.InvariantCulture);
        using var export = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Csv, from is null ? null : DateOnly.Parse(from, CultureInfo.InvariantCulture), asOf);
        var expected = await demo.System.Ledger.TrialBalanceAsync(FundCode.Parse(fund), asOf);
        var rows = export.Csv(LedgerExport.TrialBalanceCsv);

        Assert.Equal(["account", "name", "debit", "credit", "balance"], rows[0]);
        Assert.Equal(
            [.. expected.Rows.Select(r => new[] { r.Code, r.Name, Usd(r.Debit), Usd(r.Credit), Usd(r.Balance) }), ["total", "", Usd(expected.TotalDebit), Usd(expected.TotalCredit), "0.00"]],
            rows.Skip(1));
        Assert.Equal(new TrialBalanceTotals(asOf, expected.TotalDebit, expected.TotalCredit), export.Manifest.TrialBalance);
    }

    [Theory]
    [InlineData("VFTC", "2024-01-01", "2025-12-31")]
    [InlineData("UPR-VFP", null, "2023-12-31")]
    [InlineData("UPR-VFTA", "2026-01-01", null)]
    public async Task Each_account_runs_from_its_balance_brought_forward_to_its_trial_balance_balance(string fund, string? from, string? to)
    {
        var start = from is null ? (DateOnly?)null : DateOnly.Parse(from, CultureInfo.InvariantCulture);
        var end = to is null ? (DateOnly?)null : DateOnly.Parse(to, CultureInfo.InvariantCulture);
        using var export = await ExportFolder.WriteAsync(demo.System, fund, ExportFormat.Csv, start, end);
        var code = FundCode.Parse(fund);
        var closing = await demo.System.Ledger.TrialBalanceAsync(code, end);
        var opening = start is { } s ? await demo.System.Ledger.TrialBalanceAsync(code, s.AddDays(-1)) : null;
        var rows = export.Csv(LedgerExport.GeneralLedgerCsv);

        Assert.Equal(GeneralLedgerTable.Columns.Select(c => c.Header), rows[0]);
        var byAccount = rows.Skip(1).GroupBy(r => r[0]).ToList();
        Assert.Equal(Enum.GetValues<Account>().Select(AccountInfo.Code), byAccount.Select(g => g.Key));
        var lines = 0;
        foreach (var account in byAccount)
        {
            var a = (Account)int.Parse(account.Key, CultureInfo.InvariantCulture);
            var first = account.First();
            Assert.Equal(GeneralLedgerTable.BroughtForward, first[5]);
            Assert.Equal(from ?? "", first[2]);
            var balance = opening?.BalanceOf(a) ?? 0m;
            Assert.Equal(Usd(balance), first[8]);
            foreach (var line in account.Skip(1))
            {
                // Lines are in entry-date order and each running balance adds its own debit and takes its credit.
                balance += Decimal(line[6]) - Decimal(line[7]);
                Assert.Equal(Usd(balance), line[8]);
                Assert.InRange(DateOnly.Parse(line[2], CultureInfo.InvariantCulture), start ?? DateOnly.MinValue, end ?? DateOnly.MaxValue);
                lines++;
            }

            Assert.Equal(Usd(closing.BalanceOf(a)), account.Last()[8]);
            var dated = account.Skip(1).Select(l => (l[2], long.Parse(l[3], CultureInfo.InvariantCulture), int.Parse(l[4], CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(dated.Order(), dated);
        }

        var entries = await ExportFolder.EntriesAsync(demo.System, fund, start, end);
        Assert.Equal(entries.Sum(e => e.Lines.Count), lines);
    }

    [Fact]
    public async Task Csv_files_are_utf8_without_bom_with_crlf_line_ends_and_no_thousands_separators()
    {
        using var export = await ExportFolder.WriteAsync(demo.System, "VFTC", ExportFormat.Csv);

        foreach (var name in new[] { LedgerExport.JournalCsv, LedgerExport.GeneralLedgerCsv, LedgerExport.TrialBalanceCsv })
        {
            var bytes = await File.ReadAllBytesAsync(export.File(name));
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
            var text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            Assert.Equal(text.Count(c => c == '\n'), text.Split("\r\n").Length - 1);
        }

        var balances = export.Csv(LedgerExport.TrialBalanceCsv).Skip(1).Select(r => r[2]);
        Assert.All(balances, b => Assert.Matches(@"^-?\d+\.\d\d$", b));
    }

    private static string Usd(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    // Records holding lists compare them by reference; two manifests are the same when they serialise the same.
    private static string Json(ExportManifest manifest)
    {
        using var buffer = new MemoryStream();
        manifest.WriteTo(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

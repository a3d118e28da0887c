using System.Globalization;
using FundManager.Ledger;
using FundManager.Reporting.Excel;

namespace FundManager.Reporting.Exports;

/// <summary>
/// An auditor's export of one fund's ledger: the journal, the general ledger and the trial balance, as three CSV files or
/// one workbook, then <c>manifest.json</c>. Rows stream from the database into the files; nothing holds more than one
/// entry's lines. Every read stops at the chain head read first, so the files and the manifest describe one and the same
/// ledger even while postings continue.
/// </summary>
public static class LedgerExport
{
    public const string JournalCsv = "journal.csv";
    public const string GeneralLedgerCsv = "general-ledger.csv";
    public const string TrialBalanceCsv = "trial-balance.csv";
    public const string Workbook = "ledger.xlsx";
    public const string JournalSheet = "Journal";
    public const string GeneralLedgerSheet = "General ledger";
    public const string TrialBalanceSheet = "Trial balance";

    /// <summary>Data rows per sheet before a table continues on the next ("Journal (2)"); a sheet holds at most 1,048,576 rows.</summary>
    public const int RowsPerSheet = 1_000_000;

    /// <summary>
    /// Writes the export into <paramref name="target"/>, the manifest last, and returns the manifest. An unknown fund is
    /// refused (<see cref="Common.BusinessRule.EntityNotFound"/>) before any file is created.
    /// </summary>
    public static Task<ExportManifest> WriteAsync(FundSystem system, LedgerExportRequest request, IExportTarget target, CancellationToken ct = default) =>
        WriteAsync(system, request, target, RowsPerSheet, ct);

    internal static async Task<ExportManifest> WriteAsync(FundSystem system, LedgerExportRequest request, IExportTarget target, int rowsPerSheet, CancellationToken ct)
    {
        var head = await system.Ledger.HeadAsync(request.Fund, ct);
        var generated = system.Clock.GetUtcNow().ToUniversalTime();
        var (files, journal, balance) = request.Format == ExportFormat.Csv
            ? await CsvAsync(system, request, head, target, ct)
            : await XlsxAsync(system, request, head, target, generated, rowsPerSheet, ct);
        var manifest = new ExportManifest(
            ExportManifest.CurrentSchema,
            request.Fund.Value,
            request.From,
            request.To,
            generated,
            request.FormatName,
            files,
            journal.Entries,
            journal.Lines,
            journal.First is { } first && journal.Last is { } last ? last.Sequence - first.Sequence + 1 - journal.Entries : 0,
            journal.First,
            journal.Last,
            new ChainPoint(head.Sequence, head.HashHex),
            new TrialBalanceTotals(request.To, balance.TotalDebit, balance.TotalCredit));
        await using (var output = target.Create(ExportManifest.FileName))
        {
            manifest.WriteTo(output);
        }

        await target.FlushAsync(ct);
        return manifest;
    }

    /// <summary>
    /// The CSV files. The journal is made by PostgreSQL's own COPY, which formats a million lines quicker than anything can
    /// read them, and the general ledger from the same lines as they stream past (<see cref="SpilledGeneralLedger"/>): one
    /// read of the ledger for both, the same bytes the table writers give (tested so). Into a directory the trial balance
    /// is written beside them; into a zip, whose files follow one another, after them.
    /// </summary>
    private static async Task<(IReadOnlyList<ExportedFile>, JournalSummary, TrialBalance)> CsvAsync(
        FundSystem system, LedgerExportRequest request, LedgerHead head, IExportTarget target, CancellationToken ct)
    {
        var opening = GeneralLedgerTable.OpeningAsync(system, request, head, ct);

        TrialBalance balance = null!;
        Task<ExportedFile> TrialBalanceFile() =>
            CsvFileAsync(target, TrialBalanceCsv, TrialBalanceTable.Name, async csv =>
            {
                var table = new CsvTableWriter(csv, TrialBalanceTable.Columns);
                balance = await TrialBalanceTable.WriteAsync(system, request, head, table, ct);
                return table.Rows;
            }, ct);

        var besides = target is DirectoryTarget ? Task.Run(TrialBalanceFile, ct) : null;
        using var generalLedger = new SpilledGeneralLedger();
        JournalSummary journal = null!;
        var journalFile = await CsvFileAsync(target, JournalCsv, JournalTable.Name, async csv =>
        {
            var copied = new CopiedJournal(csv, generalLedger);
            await system.Ledger.CopyJournalCsvAsync(
                request.Fund, request.From, request.To, head.Sequence, copy => CopiedRecords.ForEachAsync(copy, copied.Record, () => target.FlushAsync(ct), ct), ct);
            journal = copied.Summary;
            return copied.Lines;
        }, ct);
        var generalLedgerFile = await CsvFileAsync(target, GeneralLedgerCsv, GeneralLedgerTable.Name, async csv =>
        {
            var table = new CsvTableWriter(csv, GeneralLedgerTable.Columns);
            await generalLedger.WriteAsync(table, request.From, await opening, target, ct);
            return table.Rows;
        }, ct);
        var trialBalance = besides is null ? await TrialBalanceFile() : await besides;
        return ([journalFile, generalLedgerFile, trialBalance], journal, balance);
    }

    /// <summary>One CSV file of the export, hashed as it is written; <paramref name="write"/> returns its data rows.</summary>
    private static async Task<ExportedFile> CsvFileAsync(IExportTarget target, string name, string table, Func<CsvWriter, Task<long>> write, CancellationToken ct)
    {
        ExportedFile file;
        using (var output = new HashingStream(target.Create(name)))
        using (var csv = new CsvWriter(output))
        {
            var rows = await write(csv);
            csv.Dispose();
            file = new ExportedFile(name, Convert.ToHexStringLower(output.Hash), output.BytesWritten, rows, table);
        }

        await target.FlushAsync(ct);
        return file;
    }

    private static async Task<(IReadOnlyList<ExportedFile>, JournalSummary, TrialBalance)> XlsxAsync(
        FundSystem system, LedgerExportRequest request, LedgerHead head, IExportTarget target, DateTimeOffset generated, int rowsPerSheet, CancellationToken ct)
    {
        var fund = request.Fund.Value;
        var info = new DocumentInfo(
            $"{fund}: ledger export",
            $"Journal, general ledger and trial balance of {fund}, {Range(request)}",
            generated,
            new Dictionary<string, string>
            {
                ["Fund"] = fund,
                ["From"] = request.From is { } from ? LedgerExportRequest.Iso(from) : "",
                ["To"] = request.To is { } to ? LedgerExportRequest.Iso(to) : "",
                ["Chain head"] = $"{head.Sequence} {head.HashHex}",
                ["Generated"] = generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        var sheets = new List<ExportedSheet>();
        JournalSummary journal;
        TrialBalance balance;
        var ledger = GeneralLedgerTable.PrepareAsync(system, request, head, ct);
        using var file = new HashingStream(target.Create(Workbook));
        // Into a directory nothing else writes to the file meanwhile, so the sheets can be compressed on another core.
        using (var book = XlsxWorkbook.Create(file, info, compressAside: target is DirectoryTarget))
        {
            var journalTitles = Titles(head, $"{fund}: journal, {Range(request)}", "One row per line; each repeats its entry's fields and hash. Amounts in US dollars; original amounts in the currency shown.");
            using (var table = new XlsxTableWriter(book, JournalTable.Name, JournalSheet, journalTitles, JournalTable.Columns, rowsPerSheet))
            {
                journal = await JournalTable.WriteAsync(system, request, head, table, target, ct);
                table.Dispose();
                sheets.AddRange(table.Sheets);
            }

            var ledgerTitles = Titles(head, $"{fund}: general ledger, {Range(request)}", "By account, from the balance brought forward; balance = debit − credit, in US dollars.");
            using (var table = new XlsxTableWriter(book, GeneralLedgerTable.Name, GeneralLedgerSheet, ledgerTitles, GeneralLedgerTable.Columns, rowsPerSheet))
            {
                await GeneralLedgerTable.WriteAsync(request, await ledger, table, target, ct);
                table.Dispose();
                sheets.AddRange(table.Sheets);
            }

            var balanceTitles = Titles(head, $"{fund}: trial balance{(request.To is { } end ? " at " + UnDate(end) : "")}", $"Every account, over {(request.To is null ? "all entries" : "the entries dated up to that day")}; balance = debit − credit, in US dollars.");
            using (var table = new XlsxTableWriter(book, TrialBalanceTable.Name, TrialBalanceSheet, balanceTitles, TrialBalanceTable.Columns, rowsPerSheet))
            {
                balance = await TrialBalanceTable.WriteAsync(system, request, head, table, ct);
                table.Dispose();
                sheets.AddRange(table.Sheets);
            }
        }

        file.Dispose();
        await target.FlushAsync(ct);
        return ([new ExportedFile(Workbook, Convert.ToHexStringLower(file.Hash), file.BytesWritten, sheets.Sum(s => s.Rows), Sheets: sheets)], journal, balance);
    }

    private static string[] Titles(LedgerHead head, string heading, string note) =>
    [
        heading,
        $"{note} Chain head when exported: entry {head.Sequence.ToString(CultureInfo.InvariantCulture)}.",
    ];

    private static string Range(LedgerExportRequest request) => (request.From, request.To) switch
    {
        ({ } from, { } to) => $"entries dated {UnDate(from)} to {UnDate(to)}",
        ({ } from, null) => $"entries dated from {UnDate(from)}",
        (null, { } to) => $"entries dated up to {UnDate(to)}",
        _ => "all entries",
    };

    private static string UnDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

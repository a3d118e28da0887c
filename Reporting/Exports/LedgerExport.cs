using System.Globalization;
using FundManager.Ledger;
using FundManager.Reporting.Excel;

namespace FundManager.Reporting.Exports;

/// <summary>
/// An auditor's export of one fund's ledger: the journal, the general ledger and the trial balance, as three CSV files or
/// one workbook, then <c>manifest.json</c>. Rows stream from one read of the journal into the files, through the same
/// table writers in either format; nothing holds more than one entry's lines. Every read stops at the chain head read
/// first, so the files and the manifest describe one and the same ledger even while postings continue.
/// </summary>
public static class LedgerExport
{
    public const string JournalCsv = JournalTable.Name + CsvExportTables.Extension;
    public const string GeneralLedgerCsv = GeneralLedgerTable.Name + CsvExportTables.Extension;
    public const string TrialBalanceCsv = TrialBalanceTable.Name + CsvExportTables.Extension;
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
        IReadOnlyList<ExportedFile> files;
        JournalSummary journal;
        TrialBalance balance;
        using (var tables = request.Format == ExportFormat.Csv
            ? (IExportTables)new CsvExportTables(target)
            : new XlsxExportTables(target, Info(request, head, generated), rowsPerSheet))
        {
            (journal, balance) = await WriteTablesAsync(system, request, head, tables, target, ct);
            files = await tables.FinishAsync(ct);
        }

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
    /// The three tables, in either format, from one read of the journal: its lines are written as they arrive and kept
    /// aside (<see cref="SpilledGeneralLedger"/>) for the general ledger and the trial balance. The balances brought
    /// forward are summed by the database meanwhile.
    /// </summary>
    private static async Task<(JournalSummary, TrialBalance)> WriteTablesAsync(
        FundSystem system, LedgerExportRequest request, LedgerHead head, IExportTables tables, IExportTarget target, CancellationToken ct)
    {
        var fund = request.Fund.Value;
        var brought = GeneralLedgerTable.OpeningAsync(system, request, head, ct);
        using var generalLedger = new SpilledGeneralLedger();

        var journalTable = tables.Begin(JournalTable.Name, JournalSheet, Titles(head, $"{fund}: journal, {Range(request)}",
            "One row per line; each repeats its entry's fields and hash. Amounts in US dollars; original amounts in the currency shown."), JournalTable.Columns);
        var journal = await JournalTable.WriteAsync(system, request, head, journalTable, generalLedger, target, ct);
        await tables.EndAsync(ct);

        var opening = await brought;
        var ledgerTable = tables.Begin(GeneralLedgerTable.Name, GeneralLedgerSheet, Titles(head, $"{fund}: general ledger, {Range(request)}",
            "By account, from the balance brought forward; balance = debit − credit, in US dollars."), GeneralLedgerTable.Columns);
        await generalLedger.WriteAsync(ledgerTable, request.From, opening, target, ct);
        await tables.EndAsync(ct);

        var balance = generalLedger.TrialBalance(request.Fund, request.To, opening);
        var balanceTable = tables.Begin(TrialBalanceTable.Name, TrialBalanceSheet, Titles(head, $"{fund}: trial balance{(request.To is { } end ? " at " + UnDate(end) : "")}",
            $"Every account, over {(request.To is null ? "all entries" : "the entries dated up to that day")}; balance = debit − credit, in US dollars."), TrialBalanceTable.Columns);
        TrialBalanceTable.Write(balance, balanceTable);
        await tables.EndAsync(ct);
        return (journal, balance);
    }

    private static DocumentInfo Info(LedgerExportRequest request, LedgerHead head, DateTimeOffset generated) => new(
        $"{request.Fund.Value}: ledger export",
        $"Journal, general ledger and trial balance of {request.Fund.Value}, {Range(request)}",
        generated,
        new Dictionary<string, string>
        {
            ["Fund"] = request.Fund.Value,
            ["From"] = request.From is { } from ? LedgerExportRequest.Iso(from) : "",
            ["To"] = request.To is { } to ? LedgerExportRequest.Iso(to) : "",
            ["Chain head"] = $"{head.Sequence} {head.HashHex}",
            ["Generated"] = generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });

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

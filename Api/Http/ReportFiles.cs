using System.Globalization;
using FundManager.Funds;
using FundManager.Reporting.Board;
using FundManager.Reporting.Exports;
using FundManager.Reporting.Figures;
using FundManager.Reporting.Narrative;
using FundManager.Reporting.Templates;

namespace FundManager.Api.Http;

/// <summary>
/// The files the API sends and the pages prepare: the Board workbook, the narrative report in Word and the auditor's
/// ledger export, each written to a stream. <c>step</c> is told what is being done as each part begins, for a page to
/// show progress; each returns the file's name.
/// </summary>
public static class ReportFiles
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Zip = "application/zip";

    /// <summary>The parts of each file, in the order <c>step</c> names them.</summary>
    public static readonly string[] BoardSteps = ["Reading the year's figures from the ledger", "Writing the workbook"];

    public static readonly string[] NarrativeSteps = ["Reading the year's figures from the ledger", "Writing the report"];

    public static async Task<string> BoardWorkbookAsync(FundSystem system, FundCode fund, int year, Stream output, Action<string> step, CancellationToken ct)
    {
        step(BoardSteps[0]);
        var figures = await new FundYearBuilder(system).BuildAsync(fund, ReportPeriod.Year(year), ct);
        step(BoardSteps[1]);
        BoardWorkbook.Write(figures, output);
        return BoardWorkbook.FileName(figures);
    }

    public static async Task<string> NarrativeDocxAsync(FundSystem system, TemplateLibrary templates, FundCode fund, int year, Stream output, Action<string> step, CancellationToken ct)
    {
        step(NarrativeSteps[0]);
        var figures = await new FundYearBuilder(system).BuildAsync(fund, ReportPeriod.Year(year), ct);
        step(NarrativeSteps[1]);
        NarrativeReport.Docx(new NarrativeReport(templates).Render(figures), output);
        return NarrativeReport.FileName(figures, "docx");
    }

    /// <summary>The files of a ledger export, in the order they are written: <c>step</c> is told each one's name.</summary>
    public static IReadOnlyList<string> LedgerExportFiles(ExportFormat format) => format == ExportFormat.Csv
        ? [LedgerExport.JournalCsv, LedgerExport.GeneralLedgerCsv, LedgerExport.TrialBalanceCsv, ExportManifest.FileName]
        : [LedgerExport.Workbook, ExportManifest.FileName];

    /// <summary>
    /// The ledger export as a zip. An unknown fund is refused before the first byte: once a zip has started, a problem
    /// can no longer be sent, and a failure can only cut it short.
    /// </summary>
    public static async Task<string> LedgerExportAsync(FundSystem system, LedgerExportRequest request, Stream output, Action<string> step, CancellationToken ct)
    {
        await system.Ledger.HeadAsync(request.Fund, ct);
        await using var zip = new ZipTarget(output, system.Clock.GetUtcNow());
        await LedgerExport.WriteAsync(system, request, new SteppedTarget(zip, step), ct);
        await zip.CompleteAsync(ct);
        return LedgerExportFileName(request);
    }

    /// <summary>The export's name: <c>ledger-VFTC-2024-01-01-to-2024-12-31-csv.zip</c>.</summary>
    public static string LedgerExportFileName(LedgerExportRequest request) =>
        $"ledger-{request.Fund}-{Day(request.From) ?? "start"}-to-{Day(request.To) ?? "end"}-{request.FormatName}.zip";

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Names each file of the export to <c>step</c> as it is begun.</summary>
    private sealed class SteppedTarget(IExportTarget inner, Action<string> step) : IExportTarget
    {
        public Stream Create(string name)
        {
            step(name);
            return inner.Create(name);
        }

        public ValueTask FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
    }
}

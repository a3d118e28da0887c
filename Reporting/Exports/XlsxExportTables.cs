using FundManager.Reporting.Excel;

namespace FundManager.Reporting.Exports;

/// <summary>
/// An export's tables as sheets of one workbook, <see cref="LedgerExport.Workbook"/>, hashed as it is written; a table
/// longer than the rows a sheet may hold continues on further sheets.
/// </summary>
internal sealed class XlsxExportTables : IExportTables
{
    private readonly IExportTarget _target;
    private readonly int _rowsPerSheet;
    private readonly HashingStream _file;
    private readonly XlsxWorkbook _book;
    private readonly List<ExportedSheet> _sheets = [];
    private XlsxTableWriter? _open;
    private bool _finished;

    public XlsxExportTables(IExportTarget target, DocumentInfo info, int rowsPerSheet)
    {
        _target = target;
        _rowsPerSheet = rowsPerSheet;
        _file = new HashingStream(target.Create(LedgerExport.Workbook));
        // Into a directory nothing else writes to the file meanwhile, so the sheets can be compressed on another core.
        _book = XlsxWorkbook.Create(_file, info, compressAside: target is DirectoryTarget);
    }

    public ITableWriter Begin(string table, string sheet, IReadOnlyList<string> titles, IReadOnlyList<TableColumn> columns) =>
        _open = new XlsxTableWriter(_book, table, sheet, titles, columns, _rowsPerSheet);

    public async Task EndAsync(CancellationToken ct)
    {
        var writer = _open ?? throw new InvalidOperationException("No table is open.");
        _open = null;
        writer.Dispose();
        _sheets.AddRange(writer.Sheets);
        await _target.FlushAsync(ct);
    }

    public async Task<IReadOnlyList<ExportedFile>> FinishAsync(CancellationToken ct)
    {
        _finished = true;
        _book.Dispose();
        _file.Dispose();
        await _target.FlushAsync(ct);
        return [new ExportedFile(LedgerExport.Workbook, Convert.ToHexStringLower(_file.Hash), _file.BytesWritten, _sheets.Sum(s => s.Rows), Sheets: _sheets)];
    }

    public void Dispose()
    {
        // A workbook is written whole when it is disposed: once is enough.
        if (!_finished)
        {
            _open?.Dispose();
            _book.Dispose();
            _file.Dispose();
        }
    }
}

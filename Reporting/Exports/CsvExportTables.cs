namespace FundManager.Reporting.Exports;

/// <summary>An export's tables as CSV files named for them (<c>journal.csv</c>, …), each hashed as it is written.</summary>
internal sealed class CsvExportTables(IExportTarget target) : IExportTables
{
    public const string Extension = ".csv";

    private readonly List<ExportedFile> _files = [];
    private (string Name, string Table, HashingStream Output, CsvTableWriter Writer)? _open;

    public ITableWriter Begin(string table, string sheet, IReadOnlyList<string> titles, IReadOnlyList<TableColumn> columns)
    {
        var name = table + Extension;
        var output = new HashingStream(target.Create(name));
        var writer = new CsvTableWriter(output, columns);
        _open = (name, table, output, writer);
        return writer;
    }

    public async Task EndAsync(CancellationToken ct)
    {
        var (name, table, output, writer) = _open ?? throw new InvalidOperationException("No table is open.");
        _open = null;
        writer.Dispose();
        output.Dispose();
        _files.Add(new ExportedFile(name, Convert.ToHexStringLower(output.Hash), output.BytesWritten, writer.Rows, table));
        await target.FlushAsync(ct);
    }

    public Task<IReadOnlyList<ExportedFile>> FinishAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<ExportedFile>>(_files);

    public void Dispose()
    {
        if (_open is { } open)
        {
            open.Writer.Dispose();
            open.Output.Dispose();
        }
    }
}
